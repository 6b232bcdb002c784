import { currentLocale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getManifest, summariesOf } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const { claims, claimants, events } = getManifest();
	const locale = currentLocale();
	const cited = claims.flatMap((c) => [...c.allegedIn, ...c.evidence.flatMap((e) => e.sources)].map((s) => s.document));
	const named = new Set(claims.flatMap((c) => c.events));
	// One section per claimant, in their order; claims come sorted by claimant, then order. The
	// archive's own words (headings, introductions, claims) in the page's language.
	const sections = Object.entries(claimants)
		.sort(([, a], [, b]) => a.order - b.order)
		.map(([id, claimant]) => ({ id, claimant: localize(claimant, locale), claims: claims.filter((c) => c.claimant === id).map((c) => localize(c, locale)) }))
		.filter((s) => s.claims.length > 0);
	return {
		sections,
		docs: summariesOf(cited),
		events: Object.fromEntries(events.filter((e) => named.has(e.id)).map((e) => [e.id, localize(e, locale).title]))
	};
};
