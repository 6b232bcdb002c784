import { currentLocale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getManifest, summariesOf } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

/** The story's steps (archive/story.yaml, resolved by the pipeline) in the page's language, with the documents they cite. */
export const load: PageServerLoad = () => {
	const locale = currentLocale();
	const steps = (getManifest().story ?? []).map((s) => localize(s, locale));
	return { steps, docs: summariesOf(steps.map((s) => s.source.document)) };
};
