/// <reference lib="webworker" />
/**
 * The search worker: loads the index (and the Chinese folding tables) on its first query,
 * then answers queries off the page's main thread. Passage texts are fetched per document,
 * only for hits, and kept.
 */
import { loadFold } from './fold';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { loadEngine, runSearch, type Engine, type IndexFile } from './query';
import { decodeShard, type CompactShard } from './shard-codec';

let engine: Promise<Engine> | null = null;
const texts = new Map<string, Promise<{ paragraphs?: string[]; pages?: string[]; rows?: string[] }>>();

async function fetchJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
	return (await response.json()) as T;
}

function textsOf(base: string, doc: string) {
	let found = texts.get(doc);
	if (!found) {
		texts.set(doc, (found = fetchJson(`${base}/${encodeURIComponent(doc)}.json`)));
		found.catch(() => texts.delete(doc)); // asked again next time
	}
	return found;
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
	const request = event.data;
	const reply = (message: WorkerResponse) => self.postMessage(message);
	try {
		engine ??= Promise.all([fetchJson<IndexFile>(request.indexUrl), loadFold()]).then(([file, fold]) =>
			loadEngine(file, fold, async (path) => decodeShard(await fetchJson<CompactShard>(request.siteRoot + path)))
		);
		const results = await runSearch(await engine, request.query, request.filters, async (doc, unit, n) => {
			const t = await textsOf(request.textBase, doc);
			return (unit === 'p' ? t.paragraphs : unit === 'g' ? t.pages : t.rows)?.[n - 1] ?? '';
		});
		reply({ type: 'results', id: request.id, results });
	} catch (error) {
		engine = null; // a failed load may succeed on the next query
		reply({ type: 'error', id: request.id, message: (error as Error).message });
	}
};
