/** Messages between a page and the search worker. */
import type { Results, SearchFilters } from './query';

export type WorkerRequest = {
	type: 'search';
	id: number;
	/** Absolute URLs: the index's base file, the folder of passage texts, and the site's root (shard paths are relative to it). */
	indexUrl: string;
	textBase: string;
	siteRoot: string;
	query: string;
	filters: SearchFilters;
};

export type WorkerResponse = { type: 'results'; id: number; results: Results } | { type: 'error'; id: number; message: string };
