/**
 * Searching the archive's index: reading a query (words, "quoted phrases"), running it with
 * the shared options, applying filters, grouping hits into events and documents, and cutting
 * snippets whose matched terms are marked. Pure apart from the text lookup it is given, so it
 * runs the same in the worker and in unit tests. Snippets are plain segments, never HTML.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { HELD_TEXT_BOOST, indexOptions, queryOptions, PRIMARY_BOOST, RESEARCH_NOTES_BOOST, SEARCH_SCHEMA_VERSION, shardKey, type SearchUnit } from './options';
import { tokenize } from './tokenize';

const HAN = /\p{Script=Han}/u;

/** A document as search results show it, and as filters see it. */
export interface DocInfo {
	id: string;
	title: string;
	dateLabel: string;
	decade: string | null;
	kind: string;
	kindLabel: string;
	status: 'original' | 'partial' | 'catalogue';
	primary: boolean;
	/** Our description and the passages it is known to say: the snippet source for a record hit. */
	about: string;
}

export interface EventInfo {
	id: string;
	title: string;
	dateLabel: string;
	decade: string;
	categoryLabel: string;
	/** Summary and quotes: the snippet source for an event hit. */
	text: string;
}

/** MiniSearch's JSON form: the global part (document ids, field lengths) and the term list. */
export type MiniSearchJson = Parameters<typeof MiniSearch.loadJS>[0];
/** A shard: some of the index's terms with their postings, as MiniSearch serializes them. */
export type ShardEntries = MiniSearchJson['index'];

/** The index's base file: what every query needs. Term shards are named in `shards` and loaded on demand. */
export interface IndexFile {
	schemaVersion: number;
	docs: DocInfo[];
	events: EventInfo[];
	/** MiniSearch's JSON form without its terms. */
	base: Omit<MiniSearchJson, 'index'>;
	/** Shard key → site path of the shard file. */
	shards: Record<string, string>;
}

export interface SearchFilters {
	kind?: string;
	source?: 'primary' | 'secondary';
	decade?: string;
	status?: string;
}

export interface Segment {
	text: string;
	mark: boolean;
}

export interface Hit {
	type: 'event' | 'document';
	/** Event or document id. */
	id: string;
	title: string;
	dateLabel: string;
	/** Kind (documents) or category (events). */
	label: string;
	status?: DocInfo['status'];
	primary?: boolean;
	/** Paragraph or page the best match is in, for the link and for the reader. */
	paragraph?: number;
	page?: number;
	/** The element id of the table row the best match is in. */
	row?: string;
	snippet: Segment[];
	score: number;
}

export interface Results {
	query: string;
	/** The query with Traditional Chinese folded to Simplified, as the index holds it: what result links carry. */
	folded: string;
	events: Hit[];
	documents: Hit[];
}

/** Longer queries are cut here (the page still shows what was typed). */
export const MAX_QUERY_LENGTH = 300;
export const MAX_HITS_PER_GROUP = 20;
/** A phrase is checked in at most this many candidates (best first), so a phrase of common words stays fast. */
export const MAX_PHRASE_CANDIDATES = 400;
/** When the words as typed find nothing, the search is run again forgiving typos. */
export const FUZZY_FALLBACK_BELOW = 1;
const SNIPPET_RADIUS = 90;

export interface ParsedQuery {
	/** Everything to match, phrases included, as one string for MiniSearch. */
	text: string;
	/** Phrases in double quotes: their words must stand together. */
	phrases: string[];
}

/** Reads a query: "quoted phrases" and words. An unbalanced quote is ignored, not an error. */
export function parseQuery(raw: string): ParsedQuery {
	const query = raw.slice(0, MAX_QUERY_LENGTH);
	const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter((p) => tokenize(p).length > 1);
	return { text: query.replace(/"/g, ' ').trim(), phrases };
}

export interface Engine {
	docs: Map<string, DocInfo>;
	events: Map<string, EventInfo>;
	fold: (text: string) => string;
	/** A MiniSearch holding at least every shard the query's terms need. */
	miniFor(query: string): Promise<MiniSearch<SearchUnit>>;
}

/** In-memory indexes kept for recent shard combinations (typing a query reuses one). */
const KEEP_INDEXES = 8;

/**
 * An engine over a sharded index. Shards are fetched (by `loadShard`) the first time a query
 * needs them and kept. Each query searches an in-memory index of only its own shards: smaller
 * trees make typo-tolerant search much faster, and a few recent ones are kept.
 */
export function loadEngine(file: IndexFile, fold: (text: string) => string, loadShard: (path: string) => Promise<ShardEntries>): Engine {
	if (file.schemaVersion !== SEARCH_SCHEMA_VERSION) {
		throw new Error(`The search index has schema version ${file.schemaVersion}; this page expects ${SEARCH_SCHEMA_VERSION}. Reload the page.`);
	}
	const options = indexOptions(fold);
	const loaded = new Map<string, Promise<ShardEntries>>();
	const indexes = new Map<string, MiniSearch<SearchUnit>>();
	return {
		docs: new Map(file.docs.map((d) => [d.id, d])),
		events: new Map(file.events.map((e) => [e.id, e])),
		fold,
		async miniFor(query) {
			const wanted = [...new Set(tokenize(query).map((t) => shardKey(fold(t.toLowerCase()))))].filter((k) => file.shards[k]);
			for (const key of wanted) {
				if (loaded.has(key)) continue;
				const shard = loadShard(file.shards[key]!);
				loaded.set(key, shard);
				// A shard that failed to load is asked for again by the next query.
				shard.catch(() => loaded.delete(key));
			}
			const keys = [...wanted].sort().join(',');
			let mini = indexes.get(keys);
			if (!mini) {
				const entries = (await Promise.all(wanted.map((k) => loaded.get(k)!))).flat();
				mini = MiniSearch.loadJS({ ...file.base, index: entries } as MiniSearchJson, options);
			}
			// Least recently used goes first.
			indexes.delete(keys);
			indexes.set(keys, mini);
			if (indexes.size > KEEP_INDEXES) indexes.delete(indexes.keys().next().value!);
			return mini;
		}
	};
}

export interface UnitId {
	type: 'e' | 'd' | 'p' | 'g' | 'r';
	ref: string;
	n?: number;
	/** For a table row: its element id on the document page ("member-B001234"). */
	anchor?: string;
}

/** The parts of a unit id: "p:wgad-opinion-10-2003:7" → { type: 'p', ref: 'wgad-opinion-10-2003', n: 7 }. */
export function parseUnitId(id: string): UnitId {
	const [type, ref, n, anchor] = id.split(':') as [UnitId['type'], string, string | undefined, string | undefined];
	return { type, ref, n: n === undefined ? undefined : Number(n), ...(anchor ? { anchor } : {}) };
}

/** Scoring asks for a unit's parts once per matching unit per query: thousands for common words, so they are kept. */
const parsedUnitIds = new Map<string, UnitId>();
function unitParts(id: string): UnitId {
	let parts = parsedUnitIds.get(id);
	if (!parts) parsedUnitIds.set(id, (parts = parseUnitId(id)));
	return parts;
}

function passes(engine: Engine, unitId: string, filters: SearchFilters): boolean {
	const { type, ref } = unitParts(unitId);
	const anyDocumentFilter = filters.kind || filters.source || filters.status;
	if (type === 'e') {
		if (anyDocumentFilter) return false;
		return !filters.decade || engine.events.get(ref)?.decade === filters.decade;
	}
	const doc = engine.docs.get(ref);
	if (!doc) return false;
	if (filters.kind && doc.kind !== filters.kind) return false;
	if (filters.status && doc.status !== filters.status) return false;
	if (filters.source && doc.primary !== (filters.source === 'primary')) return false;
	if (filters.decade && doc.decade !== filters.decade) return false;
	return true;
}

/** Ranges of `terms` in `text` (case- and script-folded), merged. */
export function matchRanges(text: string, terms: readonly string[], fold: (text: string) => string): [number, number][] {
	// Folding converts Chinese characters only, and it is the costly step: skip it for other terms.
	const folded = terms.some((t) => HAN.test(t)) ? fold(text).toLowerCase() : text.toLowerCase();
	// Folding is character for character; if it ever changes the length, match without it.
	const haystack = folded.length === text.length ? folded : text.toLowerCase();
	const ranges: [number, number][] = [];
	for (const term of terms) {
		if (!term) continue;
		for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) ranges.push([at, at + term.length]);
	}
	ranges.sort((a, b) => a[0] - b[0]);
	const merged: [number, number][] = [];
	for (const r of ranges) {
		const last = merged.at(-1);
		if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
		else merged.push([r[0], r[1]]);
	}
	return merged;
}

/** Text split into plain and marked segments, for rendering as text and <mark> elements. */
export function segments(text: string, ranges: readonly [number, number][]): Segment[] {
	const out: Segment[] = [];
	let at = 0;
	for (const [from, to] of ranges) {
		if (from > at) out.push({ text: text.slice(at, from), mark: false });
		out.push({ text: text.slice(from, to), mark: true });
		at = to;
	}
	if (at < text.length) out.push({ text: text.slice(at), mark: false });
	return out;
}

/** A window of text around the first match, with every match in it marked. */
export function snippet(text: string, terms: readonly string[], fold: (text: string) => string): Segment[] {
	const flat = text.replace(/\s+/g, ' ').trim();
	const ranges = matchRanges(flat, terms, fold);
	const first = ranges[0]?.[0] ?? 0;
	let from = Math.max(0, first - SNIPPET_RADIUS);
	let to = Math.min(flat.length, first + SNIPPET_RADIUS * 2);
	if (from > 0) from = flat.indexOf(' ', from) + 1 || from;
	if (to < flat.length) to = flat.lastIndexOf(' ', to) > from ? flat.lastIndexOf(' ', to) : to;
	const inside = ranges.filter(([a, b]) => a >= from && b <= to).map(([a, b]) => [a - from, b - from] as [number, number]);
	const out = segments(flat.slice(from, to), inside);
	if (from > 0) out.unshift({ text: '…', mark: false });
	if (to < flat.length) out.push({ text: '…', mark: false });
	return out;
}

/** True when the words of `phrase` stand together in `text` (whitespace, case and script folded). */
export function containsPhrase(text: string, phrase: string, fold: (text: string) => string): boolean {
	if (!HAN.test(phrase)) return phrasePattern(phrase).test(text.normalize('NFKC'));
	const norm = (s: string) => tokenize(fold(s).toLowerCase()).join(' ');
	return ` ${norm(text)} `.includes(` ${norm(phrase)} `);
}

const phrasePatterns = new Map<string, RegExp>();
/** A phrase without Chinese as a pattern: its words in order, apart only by what is not a word. Tokenizing each candidate instead costs ten times as much. */
function phrasePattern(phrase: string): RegExp {
	let pattern = phrasePatterns.get(phrase);
	if (!pattern) {
		const words = tokenize(phrase).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
		pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'iu');
		phrasePatterns.set(phrase, pattern);
	}
	return pattern;
}

/**
 * Runs a query. `textOf` gives a passage's text (fetched on demand in the browser); it is
 * asked only for hits that are shown or that a phrase must be checked in.
 */
export async function runSearch(engine: Engine, raw: string, filters: SearchFilters, textOf: (docId: string, unit: 'p' | 'g' | 'r', n: number) => Promise<string>): Promise<Results> {
	const parsed = parseQuery(raw);
	const empty: Results = { query: raw, folded: engine.fold(parsed.text), events: [], documents: [] };
	if (tokenize(parsed.text).length === 0) return empty;
	const boostDocument = (id: string) => {
		const { type, ref } = unitParts(id);
		if (type === 'e') return 1;
		const doc = engine.docs.get(ref);
		if (!doc || doc.kind === 'research-notes') return RESEARCH_NOTES_BOOST;
		return (doc.primary ? PRIMARY_BOOST : 1) * (doc.status === 'catalogue' ? 1 : HELD_TEXT_BOOST);
	};
	const mini = await engine.miniFor(parsed.text);
	const filtering = Object.values(filters).some(Boolean);
	const options = { ...queryOptions(engine.fold, boostDocument), filter: filtering ? (r: SearchResult) => passes(engine, String(r.id), filters) : undefined };
	// Typo tolerance is the costly part of a search: try without it first, and forgive typos only
	// when the words as typed find (almost) nothing.
	let found: SearchResult[] = mini.search(parsed.text, { ...options, fuzzy: false });
	if (found.length < FUZZY_FALLBACK_BELOW) found = mini.search(parsed.text, options);

	const textFor = async (r: SearchResult): Promise<string> => {
		const { type, ref, n } = parseUnitId(String(r.id));
		if (type === 'e') return `${engine.events.get(ref)?.title ?? ''} ${engine.events.get(ref)?.text ?? ''}`;
		if (type === 'd') return `${engine.docs.get(ref)?.title ?? ''} ${engine.docs.get(ref)?.about ?? ''}`;
		return textOf(ref, type, n ?? 0);
	};

	const events: Hit[] = [];
	const documents = new Map<string, Hit>();
	const candidates = parsed.phrases.length > 0 ? found.slice(0, MAX_PHRASE_CANDIDATES) : found;
	for (const r of candidates) {
		if (events.length >= MAX_HITS_PER_GROUP && documents.size >= MAX_HITS_PER_GROUP) break;
		const { type, ref, n, anchor } = parseUnitId(String(r.id));
		const group = type === 'e' ? 'event' : 'document';
		if (group === 'event' && events.length >= MAX_HITS_PER_GROUP) continue;
		if (group === 'document' && (documents.has(ref) || documents.size >= MAX_HITS_PER_GROUP)) continue;
		const text = await textFor(r);
		if (parsed.phrases.some((p) => !containsPhrase(text, p, engine.fold))) continue;
		const terms = [...new Set(r.terms)];
		if (type === 'e') {
			const info = engine.events.get(ref)!;
			events.push({ type: 'event', id: ref, title: info.title, dateLabel: info.dateLabel, label: info.categoryLabel, snippet: snippet(text, terms, engine.fold), score: r.score });
		} else {
			const info = engine.docs.get(ref)!;
			documents.set(ref, {
				type: 'document',
				id: ref,
				title: info.title,
				dateLabel: info.dateLabel,
				label: info.kindLabel,
				status: info.status,
				primary: info.primary,
				paragraph: type === 'p' ? n : undefined,
				page: type === 'g' ? n : undefined,
				row: type === 'r' ? anchor : undefined,
				snippet: snippet(text, terms, engine.fold),
				score: r.score
			});
		}
	}
	return { query: raw, folded: engine.fold(parsed.text), events, documents: [...documents.values()] };
}
