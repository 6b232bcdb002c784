import { headline } from '$lib/content/present';
import { currentLocale } from '$lib/i18n/locale';
import { localize } from '$lib/i18n/records';
import { getEvent, getManifest } from '$lib/server/archive';
import { timelineData } from '$lib/server/timeline';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const manifest = getManifest();
	// archive/site.yaml names them; the pipeline has checked that each exists.
	const locale = currentLocale();
	const brief = manifest.brief.map(getEvent).filter((e) => e !== undefined).map((e) => headline(localize(e, locale)));
	return { ...timelineData(), brief, documentCount: manifest.documents.length, hasStory: (manifest.story?.length ?? 0) > 0 };
};
