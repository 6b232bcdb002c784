import { getManifest } from '$lib/server/archive';
import { timelineData } from '$lib/server/timeline';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ ...timelineData(), documentCount: getManifest().documents.length });
