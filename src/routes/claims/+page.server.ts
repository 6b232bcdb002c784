import { getManifest, summariesOf } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { claims, events } = getManifest();
	const cited = claims.flatMap((c) => [...c.allegedIn, ...c.evidence.flatMap((e) => e.sources)].map((s) => s.document));
	const named = new Set(claims.flatMap((c) => c.events));
	return {
		claims,
		docs: summariesOf(cited),
		events: Object.fromEntries(events.filter((e) => named.has(e.id)).map((e) => [e.id, e.title]))
	};
};
