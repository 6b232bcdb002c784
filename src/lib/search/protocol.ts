/** Messages between a page and the search worker. */
import type { Results, SearchFilters } from './query';

export type WorkerRequest = {
	type: 'search';
	id: number;
	/** Absolute URL of the index file and the folder of passage texts. */
	indexUrl: string;
	textBase: string;
	query: string;
	filters: SearchFilters;
};

export type WorkerResponse = { type: 'results'; id: number; results: Results } | { type: 'error'; id: number; message: string };
