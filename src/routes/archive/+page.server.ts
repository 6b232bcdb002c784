import { documentSummaries } from '$lib/server/archive';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ documents: documentSummaries() });
