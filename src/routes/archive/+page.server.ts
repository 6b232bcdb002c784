import type { PageServerLoad } from './$types';
import { archiveList } from './list.server';

/** Every document, in the page's language, in date order and then by title as the page's language sorts it. */
export const load: PageServerLoad = () => archiveList();
