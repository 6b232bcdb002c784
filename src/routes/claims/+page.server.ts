import { getManifest, summariesOf } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { claims, claimants, events } = getManifest();
	const cited = claims.flatMap((c) => [...c.allegedIn, ...c.evidence.flatMap((e) => e.sources)].map((s) => s.document));
	const named = new Set(claims.flatMap((c) => c.events));
	// One section per claimant, in their order; claims come sorted by claimant, then order.
	const sections = Object.entries(claimants)
		.sort(([, a], [, b]) => a.order - b.order)
		.map(([id, claimant]) => ({ id, claimant, claims: claims.filter((c) => c.claimant === id) }))
		.filter((s) => s.claims.length > 0);
	return {
		sections,
		docs: summariesOf(cited),
		events: Object.fromEntries(events.filter((e) => named.has(e.id)).map((e) => [e.id, e.title]))
	};
};
