/**
 * The page's side of search: starts the worker on first use and matches answers to questions.
 * Only the newest query's answer matters; older ones resolve to null.
 */
import { asset } from '$app/paths';
import type { FailureReason, WorkerRequest, WorkerResponse } from './protocol';
import type { Results, SearchFilters } from './query';

/** A search that could not run; `reason` is what the page says (in its language), `message` the detail. */
export class SearchFailure extends Error {
	constructor(
		readonly reason: FailureReason,
		message: string
	) {
		super(message);
		this.name = 'SearchFailure';
	}
}

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (r: Results | null) => void; reject: (e: Error) => void }>();

function start(): Worker {
	if (worker) return worker;
	worker = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
	worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
		const message = event.data;
		const waiting = pending.get(message.id);
		pending.delete(message.id);
		if (!waiting) return;
		if (message.type === 'results') waiting.resolve(message.id === nextId ? message.results : null);
		else if (message.id === nextId) waiting.reject(new SearchFailure(message.reason, message.message));
		else waiting.resolve(null); // a failure of a query nobody waits for any more
	};
	worker.onerror = (event) => {
		for (const waiting of pending.values()) waiting.reject(new SearchFailure('start', event.message || 'The search could not start.'));
		pending.clear();
		worker = null;
	};
	return worker;
}

/** Searches for a reader of `locale`; resolves to null when a newer query has been asked meanwhile. */
export function search(indexPath: string, query: string, filters: SearchFilters, locale: string): Promise<Results | null> {
	const id = ++nextId;
	const request: WorkerRequest = {
		type: 'search',
		id,
		indexUrl: new URL(asset(indexPath), location.href).href,
		textBase: new URL(asset('/search/text'), location.href).href,
		// Shard paths start with "/": resolved against the origin plus the base path.
		siteRoot: new URL(asset('/'), location.href).href.replace(/\/$/, ''),
		locale,
		query,
		filters
	};
	return new Promise((resolve, reject) => {
		pending.set(id, { resolve, reject });
		start().postMessage(request);
	});
}
