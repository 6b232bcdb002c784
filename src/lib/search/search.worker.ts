/// <reference lib="webworker" />
/**
 * The search worker: loads the index (and the Chinese folding tables) on its first query,
 * then answers queries off the page's main thread. Passage texts are fetched per document,
 * only for hits, and kept; so are the archive's words in the reader's Chinese script.
 */
import { loadFold } from './fold';
import type { FailureReason, WorkerRequest, WorkerResponse } from './protocol';
import { IndexVersionError, loadEngine, runSearch, type Engine, type IndexFile, type RecordTexts } from './query';
import type { CompactShard } from './shard-codec';

let engine: Promise<Engine> | null = null;
const texts = new Map<string, Promise<{ paragraphs?: string[]; pages?: string[]; rows?: string[] }>>();

/** A file of the index that could not be fetched or read. */
class LoadError extends Error {}

async function fetchJson<T>(url: string): Promise<T> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch (error) {
		throw new LoadError(`${new URL(url).pathname}: ${(error as Error).message}`);
	}
	if (!response.ok) throw new LoadError(`${new URL(url).pathname} answered ${response.status}`);
	try {
		return (await response.json()) as T;
	} catch {
		throw new LoadError(`${new URL(url).pathname} is not JSON`);
	}
}

function textsOf(base: string, doc: string) {
	let found = texts.get(doc);
	if (!found) {
		texts.set(doc, (found = fetchJson(`${base}/${encodeURIComponent(doc)}.json`)));
		found.catch(() => texts.delete(doc)); // asked again next time
	}
	return found;
}

const reasonOf = (error: unknown): FailureReason => (error instanceof IndexVersionError ? 'version' : error instanceof LoadError ? 'load' : 'other');

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	const reply = (message: WorkerResponse) => self.postMessage(message);
	try {
		engine ??= Promise.all([fetchJson<IndexFile>(request.indexUrl), loadFold()]).then(([file, fold]) =>
			loadEngine(
				file,
				fold,
				(path) => fetchJson<CompactShard>(request.siteRoot + path),
				(name) => fetchJson<RecordTexts>(`${request.textBase}/${encodeURIComponent(name)}.json`)
			)
		);
		const results = await runSearch(
			await engine,
			request.query,
			request.filters,
			async (doc, unit, n) => {
				const t = await textsOf(request.textBase, doc);
				return (unit === 'p' ? t.paragraphs : unit === 'g' ? t.pages : t.rows)?.[n - 1] ?? '';
			},
			request.locale
		);
		reply({ type: 'results', id: request.id, results });
	} catch (error) {
		engine = null; // a failed load may succeed on the next query
		reply({ type: 'error', id: request.id, reason: reasonOf(error), message: (error as Error).message });
	}
};
