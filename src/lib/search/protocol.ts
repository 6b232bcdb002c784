/** Messages between a page and the search worker. */
import type { Results, SearchFilters } from './query';

export type WorkerRequest = {
	type: 'search';
	id: number;
	/** Absolute URLs: the index's base file, the folder of passage texts, and the site's root (shard paths are relative to it). */
	indexUrl: string;
	textBase: string;
	siteRoot: string;
	/** The reader's interface: "en", "zh-Hans" or "zh-Hant". */
	locale: string;
	query: string;
	filters: SearchFilters;
};

/**
 * Why a search could not run, for the page to say in its language: the index is of another
 * version than the page (an old page, a new site), a file of it could not be fetched, the worker
 * could not start, or anything else.
 */
export type FailureReason = 'version' | 'load' | 'start' | 'other';

export type WorkerResponse = { type: 'results'; id: number; results: Results } | { type: 'error'; id: number; reason: FailureReason; message: string };
