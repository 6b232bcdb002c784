import { compareForList } from '$lib/content/facets';
import { documentSummaries } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

/** Every document, in the page's language, in date order and then by title as the page's language sorts it. */
export const load: PageServerLoad = () => ({ documents: documentSummaries().sort(compareForList()) });
