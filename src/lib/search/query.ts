/**
 * Searching the archive's index: reading a query (words, "quoted phrases"), running it with
 * the shared options, applying filters, grouping hits into events and documents, and cutting
 * snippets whose matched terms are marked. Pure apart from the text lookup it is given, so it
 * runs the same in the worker and in unit tests. Snippets are plain segments, never HTML.
 */
import type MiniSearch from 'minisearch';
import type { SearchOptions } from 'minisearch';
import { HELD_TEXT_BOOST, indexOptions, TRANSLATION_FIELDS, queryOptions, PRIMARY_BOOST, RESEARCH_NOTES_BOOST, SEARCH_SCHEMA_VERSION, shardKeys, type HanSplits, type SearchUnit } from './options';
import { queryTerms, rank, unitFields, unitHolds, unitTerms, type DocumentHit, type QueryTerms, type Ranked, type TermHits, type UnitTable } from './rank';
import type { CompactBase, CompactShard } from './shard-codec';
import { IndexStatistics, type ShardIndex } from './shard-index';
import { tokenize } from './tokenize';
import { originalRange, unify } from '../content/unify';

const HAN = /\p{Script=Han}/u;

/** A document as search results show it, and as filters see it. Labels and dates are worded by the page, in its language. */
export interface DocInfo {
	id: string;
	/** As an English page shows it (a supplied title in square brackets). */
	title: string;
	titleLang: string;
	/** False for a title the archive supplied: the others are the document's own words. */
	ownTitle: boolean;
	/** Absent for an undated document. */
	date?: string;
	dateApproximate: boolean;
	decade: string | null;
	kind: string;
	status: 'original' | 'partial' | 'catalogue';
	primary: boolean;
	/** The document's languages (BCP 47), for marking its passages' language. */
	languages: string[];
	/** Our description and the passages it is known to say: the snippet source for a record hit. */
	about: string;
	/** Pages (1-based) whose text OCR read: a hit on one says so. */
	machineRead?: number[];
	/** Of those, the pages a person has checked against the scan. */
	checkedPages?: number[];
}

export interface EventInfo {
	id: string;
	title: string;
	start: string;
	end?: string;
	ongoing: boolean;
	approximate: boolean;
	decade: string;
	category: string;
	/** Summary and quotes: the snippet source for an event hit. */
	text: string;
}

export interface ClaimInfo {
	id: string;
	title: string;
	/** An id of archive/site.yaml's claimants. */
	claimant: string;
	finding: string;
	/** The allegation, the finding's note and the evidence: the snippet source for a claim hit. */
	text: string;
}

/**
 * The archive's own words in one Chinese interface's script, for the records that have them:
 * titles as that interface shows them and the texts a snippet is cut from. Fetched by the worker
 * for a Chinese reader (and for an English reader whose query is Chinese), never with the index.
 */
export interface RecordTexts {
	locale: string;
	events: Record<string, { title: string; text: string }>;
	/** A document's title as the interface shows it (its own Chinese title, or the archive's translation of a supplied one), in `titleLang`. */
	docs: Record<string, { title: string; titleLang: string; titleSource: boolean; text: string }>;
	claims: Record<string, { title: string; text: string }>;
}

/** MiniSearch's JSON form: the global part (document ids, field lengths) and the term list. */
export type MiniSearchJson = Parameters<typeof MiniSearch.loadJS>[0];
/** A shard: some of the index's terms with their postings, as MiniSearch serializes them. */
export type ShardEntries = MiniSearchJson['index'];

/** The index's base file: what every query needs. Term shards and translations are named here and loaded on demand. */
export interface IndexFile {
	schemaVersion: number;
	docs: DocInfo[];
	events: EventInfo[];
	claims: ClaimInfo[];
	/** MiniSearch's JSON form without its terms, compact (shard-codec.ts). */
	base: CompactBase;
	/** Shard key → site path of the shard file. */
	shards: Record<string, string>;
	/** The Chinese characters whose pairs are split into parts, with their number (options.ts, shardKey). */
	hanSplits: HanSplits;
	/** Chinese locale → the name of its RecordTexts file in the folder of passage texts (content-hashed). */
	records: Record<string, string>;
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
	type: 'event' | 'document' | 'claim';
	/** Event, document or claim id. */
	id: string;
	/** In the reader's interface where the archive has it so, else as the record gives it. */
	title: string;
	titleLang: string;
	/** True when the title is the source's own words (a document's own title), not the archive's. */
	titleSource: boolean;
	/** The event's span or the document's date (absent for an undated document and for a claim). */
	date?: { start: string; end?: string; ongoing?: boolean; approximate: boolean };
	kind?: string;
	category?: string;
	status?: DocInfo['status'];
	primary?: boolean;
	claimant?: string;
	finding?: string;
	/** True on a Chinese interface for a record the archive has not translated yet. */
	untranslated?: boolean;
	/** Paragraph or page the best match is in, for the link and for the reader. */
	paragraph?: number;
	page?: number;
	/** The element id of the table row the best match is in. */
	row?: string;
	/** True when the best match is in text OCR read; `checked` when a person has checked that page against the scan. */
	machineRead?: boolean;
	checked?: boolean;
	snippet: Segment[];
	/** The language of the snippet's text: the source's own for a passage, the archive's words' for a record. */
	snippetLang: string;
	/** True when the snippet is the archive's own words in the reader's interface (not a source's, nor another language's). */
	snippetOwn: boolean;
	score: number;
}

export interface Results {
	query: string;
	/** The query with Traditional Chinese folded to Simplified, as the index holds it: what result links carry. */
	folded: string;
	/** False when the query holds nothing to search for (only punctuation, symbols or emoji). */
	searchable: boolean;
	/** True when the query was longer than MAX_QUERY_LENGTH and only its start was searched. */
	truncated: boolean;
	events: Hit[];
	documents: Hit[];
	claims: Hit[];
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

/** Quotation marks a reader may type for a phrase: ASCII, curly (a Chinese input method's “…”), corner brackets (「…」, 『…』), full-width. */
const QUOTE_MARKS = /[“”„‟＂「」『』]/g;

/** Reads a query: "quoted phrases" (or “…”, 「…」) and words. An unbalanced quote is ignored, not an error. */
export function parseQuery(raw: string): ParsedQuery {
	const query = raw.slice(0, MAX_QUERY_LENGTH).replace(QUOTE_MARKS, '"');
	const phrases = [...query.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim()).filter((p) => tokenize(p).length > 1);
	return { text: query.replace(/"/g, ' ').trim(), phrases };
}

/** Terms searched alone, each with MiniSearch's matching, prefix, typo tolerance and scoring, over the index's units. */
export interface TermSearch {
	units: UnitTable;
	/** The units `term` matches, in no order. */
	search(term: string, options: SearchOptions): TermHits;
}

const NO_HITS: TermHits = { units: new Int32Array(0), scores: new Float64Array(0), match: () => ({}) };

/** One term's hits from several shards (a split character's prefix) as one: scores added, as one index would add its derived terms'. */
function mergeHits(parts: readonly TermHits[]): TermHits {
	const scores = new Map<number, number>();
	for (const part of parts) part.units.forEach((unit, i) => scores.set(unit, (scores.get(unit) ?? 0) + part.scores[i]!));
	return { units: Int32Array.from(scores.keys()), scores: Float64Array.from(scores.values()), match: (unit) => Object.assign({}, ...parts.map((part) => part.match(unit))) };
}

export interface Engine {
	docs: Map<string, DocInfo>;
	events: Map<string, EventInfo>;
	claims: Map<string, ClaimInfo>;
	fold: (text: string) => string;
	/** Searches each of `terms` (as the index holds them) in its own shard, once every shard they need is loaded; `prefixed`, the term also matched as a prefix. */
	searcher(terms: readonly string[], prefixed?: string): Promise<TermSearch>;
	/** The archive's words in a Chinese locale's script (null for English, or where the index has none), loaded on first use. */
	records(locale: string): Promise<RecordTexts | null>;
}

/** An index of another schema version than this code reads: a page older or newer than the site's files. */
export class IndexVersionError extends Error {
	constructor(readonly found: number) {
		super(`The search index has schema version ${found}; this page expects ${SEARCH_SCHEMA_VERSION}. Reload the page.`);
		this.name = 'IndexVersionError';
	}
}

/**
 * An engine over a sharded index. The base file's statistics are read once, on the first query;
 * each shard is fetched (by `loadShard`) the first time a query needs it and becomes an index of
 * its own over those statistics (shard-index.ts). A shard adds to what is loaded: nothing is
 * rebuilt, whatever the order in which readers' queries need them.
 */
export function loadEngine(
	file: IndexFile,
	fold: (text: string) => string,
	loadShard: (path: string) => Promise<CompactShard>,
	loadRecords: (name: string) => Promise<RecordTexts> = () => Promise.reject(new Error('no record texts'))
): Engine {
	if (file.schemaVersion !== SEARCH_SCHEMA_VERSION) throw new IndexVersionError(file.schemaVersion);
	const options = indexOptions(fold);
	let base: IndexStatistics | null = null;
	const shards = new Map<string, Promise<ShardIndex>>();
	const records = new Map<string, Promise<RecordTexts>>();
	const shardOf = (key: string) => {
		let shard = shards.get(key);
		if (!shard) {
			base ??= new IndexStatistics(file.base, options.fields);
			const statistics = base;
			shards.set(key, (shard = loadShard(file.shards[key]!).then((compact) => statistics.withTerms(compact))));
			// A shard that failed to load is asked for again by the next query.
			shard.catch(() => shards.delete(key));
		}
		return shard;
	};
	return {
		docs: new Map(file.docs.map((d) => [d.id, d])),
		events: new Map(file.events.map((e) => [e.id, e])),
		claims: new Map(file.claims.map((c) => [c.id, c])),
		fold,
		async records(locale) {
			const name = file.records[locale];
			if (!name) return null;
			let found = records.get(locale);
			if (!found) {
				records.set(locale, (found = loadRecords(name)));
				found.catch(() => records.delete(locale)); // asked again by the next query
			}
			return found;
		},
		async searcher(terms, prefixed) {
			const keysOf = (term: string, prefix: boolean) => shardKeys(term, prefix, file.hanSplits).filter((k) => file.shards[k]);
			const keys = [...new Set(terms.flatMap((t) => keysOf(t, t === prefixed)))];
			const loaded = new Map(await Promise.all(keys.map(async (k) => [k, await shardOf(k)] as const)));
			base ??= new IndexStatistics(file.base, options.fields);
			return {
				units: base.units,
				search: (term, options) => {
					// A term whose shard the index does not have matches nothing; a split character's prefix is in several.
					const hits = keysOf(term, options.prefix === true).flatMap((k) => loaded.get(k)?.matches(term, options) ?? []);
					return hits.length === 1 ? hits[0]! : hits.length === 0 ? NO_HITS : mergeHits(hits);
				}
			};
		}
	};
}

export interface UnitId {
	type: 'e' | 'd' | 'c' | 'p' | 'g' | 'r';
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
	// A claim has no kind, source, status or date of its own: any filter leaves it out.
	if (type === 'c') return false;
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

/** Kept-word marks (⟪…⟫) a Traditional record text carries around the words it keeps in Simplified. */
const KEPT_MARKS = /[⟪⟫]/gu;

/**
 * Ranges of `terms` in `text` (case- and script-folded), merged. Kept-word marks are skipped
 * (中⟪国⟫之春 holds 中国之春), and a range around them covers them.
 */
export function matchRanges(text: string, terms: readonly string[], fold: (text: string) => string): [number, number][] {
	if (!text.includes('⟪') && !text.includes('⟫')) return matchPlain(text, terms, fold);
	// Offsets in the text without marks, mapped back to the text with them.
	const at: number[] = [];
	let plain = '';
	for (let i = 0; i < text.length; i++) {
		if (text[i] === '⟪' || text[i] === '⟫') continue;
		at.push(i);
		plain += text[i];
	}
	return matchPlain(plain, terms, fold).map(([from, to]) => [at[from]!, at[to - 1]! + 1]);
}

/**
 * Folded texts, kept: folding is the costly part of cutting a snippet (OpenCC's tables over a
 * whole summary), and a reader's queries cut snippets from the same records again and again.
 */
const FOLDED_KEPT = 4000;
const foldedTexts = new WeakMap<(text: string) => string, Map<string, string>>();
function foldedLower(text: string, fold: (text: string) => string): string {
	let kept = foldedTexts.get(fold);
	if (!kept) foldedTexts.set(fold, (kept = new Map()));
	let folded = kept.get(text);
	if (folded === undefined) {
		folded = fold(text).toLowerCase();
		if (kept.size >= FOLDED_KEPT) kept.delete(kept.keys().next().value!);
		kept.set(text, folded);
	}
	return folded;
}

function matchPlain(original: string, terms: readonly string[], fold: (text: string) => string): [number, number][] {
	// Terms are tokens, compared as the index compares them (src/lib/content/unify.ts); the ranges are the original's.
	const copy = unify(original);
	const text = copy.text;
	// Folding converts Chinese characters only, and it is the costly step: skip it for other terms.
	const folded = terms.some((t) => HAN.test(t)) && HAN.test(text) ? foldedLower(text, fold) : text.toLowerCase();
	// Folding is character for character; if it ever changes the length, match without it.
	const haystack = folded.length === text.length ? folded : text.toLowerCase();
	const ranges: [number, number][] = [];
	for (const term of terms) {
		if (!term) continue;
		for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) ranges.push(originalRange(copy, at, at + term.length));
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

/** A text a snippet may be cut from, and its language. */
interface Candidate {
	text: string;
	lang: string;
	/** The archive's own words in the reader's interface. */
	own: boolean;
}

const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/gu;
const HAN_CHAR = /\p{Script=Han}/gu;

/**
 * The language of a document's passage: Chinese where Chinese characters carry it (a Han
 * character weighs about a Latin word), tagged as the document's Chinese language, else the
 * document's other language ("und", undetermined, reads as English: its tables are labelled so).
 */
export function passageLang(text: string, languages: readonly string[]): string {
	const han = text.match(HAN_CHAR)?.length ?? 0;
	const latin = text.match(LATIN_LETTER)?.length ?? 0;
	if (han > 0 && han * 4 >= latin) return languages.find((l) => l.startsWith('zh')) ?? 'zh';
	return languages.find((l) => !l.startsWith('zh') && l !== 'und') ?? 'en';
}

/**
 * Runs a query for a reader of `locale` ("en", "zh-Hans", "zh-Hant"): titles and the archive's
 * words come in that interface's script where the archive has them; passages as their sources
 * give them. `textOf` gives a passage's text (fetched on demand in the browser); it is asked only
 * for hits that are shown or that a phrase must be checked in.
 */
export async function runSearch(
	engine: Engine,
	raw: string,
	filters: SearchFilters,
	textOf: (docId: string, unit: 'p' | 'g' | 'r', n: number) => Promise<string>,
	locale = 'en'
): Promise<Results> {
	const parsed = parseQuery(raw);
	const folded = engine.fold(parsed.text);
	const results: Results = { query: raw, folded, searchable: tokenize(parsed.text).length > 0, truncated: raw.length > MAX_QUERY_LENGTH, events: [], documents: [], claims: [] };
	if (!results.searchable) return results;
	const ranked = await findUnits(engine, parsed.text, filters);

	// The archive's words in the reader's script; an English reader's Chinese query matches them in Simplified.
	const chinese = locale !== 'en';
	const translation = chinese ? await engine.records(locale) : HAN.test(parsed.text) ? await engine.records('zh-Hans').catch(() => null) : null;
	const translated = (own: { text: string } | undefined, title: string | undefined): Candidate[] =>
		own && translation ? [{ text: `${title ?? ''} ${own.text}`.trim(), lang: translation.locale, own: chinese }] : [];

	/** What a unit's snippet may come from, the reader's language first. */
	const candidatesFor = async (type: UnitId['type'], ref: string, n: number | undefined): Promise<Candidate[]> => {
		if (type === 'e') {
			const info = engine.events.get(ref)!;
			const english = { text: `${info.title} ${info.text}`, lang: 'en', own: !chinese };
			const zh = translated(translation?.events[ref], translation?.events[ref]?.title);
			return chinese ? [...zh, english] : [english, ...zh];
		}
		if (type === 'c') {
			const info = engine.claims.get(ref)!;
			const english = { text: `${info.title} ${info.text}`, lang: 'en', own: !chinese };
			const zh = translated(translation?.claims[ref], translation?.claims[ref]?.title);
			return chinese ? [...zh, english] : [english, ...zh];
		}
		if (type === 'd') {
			const info = engine.docs.get(ref)!;
			const english = { text: `${info.title} ${info.about}`, lang: 'en', own: !chinese };
			const own = translation?.docs[ref];
			const zh = translated(own, own && own.titleLang === translation?.locale ? own.title : undefined);
			return chinese ? [...zh, english] : [english, ...zh];
		}
		const text = await textOf(ref, type, n ?? 0);
		const languages = engine.docs.get(ref)?.languages ?? [];
		// Worked out only for the passage a snippet is shown from: most passages read are only checked for a phrase.
		return [{ text, get lang() { return passageLang(text, languages); }, own: false }];
	};

	const phrasesIn = (texts: Candidate[]) => parsed.phrases.every((p) => texts.some((t) => containsPhrase(t.text.replace(KEPT_MARKS, ''), p, engine.fold)));
	// A phrase is checked in at most MAX_PHRASE_CANDIDATES units (best first), so a phrase of common words stays fast.
	let checked = 0;
	const mayCheck = () => parsed.phrases.length === 0 || checked++ < MAX_PHRASE_CANDIDATES;
	/** The snippet comes from the first text the words are found in (a translation, or the English). */
	const shownFrom = (texts: Candidate[], terms: string[], score: number) => {
		const source = texts.find((t) => matchRanges(t.text, terms, engine.fold).length > 0) ?? texts[0]!;
		return { snippet: snippet(source.text, terms, engine.fold), snippetLang: source.lang, snippetOwn: source.own, score };
	};
	const untranslated = (group: 'events' | 'claims' | 'docs', ref: string) => (chinese && !translation?.[group][ref] ? { untranslated: true } : {});

	for (const unit of ranked.events) {
		if (results.events.length >= MAX_HITS_PER_GROUP || !mayCheck()) break;
		const { ref } = unitParts(unit.id);
		const texts = await candidatesFor('e', ref, undefined);
		if (!phrasesIn(texts)) continue;
		const info = engine.events.get(ref)!;
		const own = chinese ? translation?.events[ref] : undefined;
		results.events.push({
			type: 'event',
			id: ref,
			title: own?.title ?? info.title,
			titleLang: own ? locale : 'en',
			titleSource: false,
			date: { start: info.start, ...(info.end ? { end: info.end } : {}), ongoing: info.ongoing, approximate: info.approximate },
			category: info.category,
			...untranslated('events', ref),
			...shownFrom(texts, unitTerms(unit), unit.score)
		});
	}
	checked = 0;
	for (const unit of ranked.claims) {
		if (results.claims.length >= MAX_HITS_PER_GROUP || !mayCheck()) break;
		const { ref } = unitParts(unit.id);
		const texts = await candidatesFor('c', ref, undefined);
		if (!phrasesIn(texts)) continue;
		const info = engine.claims.get(ref)!;
		const own = chinese ? translation?.claims[ref] : undefined;
		results.claims.push({ type: 'claim', id: ref, title: own?.title ?? info.title, titleLang: own ? locale : 'en', titleSource: false, claimant: info.claimant, finding: info.finding, ...untranslated('claims', ref), ...shownFrom(texts, unitTerms(unit), unit.score) });
	}

	/**
	 * Where a document's hit leads: its first unit (most words, then best scored) whose texts hold
	 * every phrase. A record found through the archive's translation of its description, whose
	 * source's own words match as well, leads to those words (a record found through its English
	 * stays the result).
	 */
	// A passage lacking one of a phrase's words cannot hold the phrase: its text is not read.
	const phraseTerms = queryTerms(parsed.phrases.join(' '), (t) => engine.fold(t.toLowerCase())).terms;
	const leadOf = async (doc: DocumentHit) => {
		for (const unit of doc.units) {
			if (phraseTerms.length > 0 && !unitHolds(unit, phraseTerms)) continue;
			if (!mayCheck()) return null;
			const place = parseUnitId(unit.id);
			const texts = await candidatesFor(place.type, doc.ref, place.n);
			if (!phrasesIn(texts)) continue;
			const throughTranslation = place.type === 'd' && Object.values(unitFields(unit)).some((fields) => fields.some((f) => (TRANSLATION_FIELDS as readonly string[]).includes(f)));
			const passage = throughTranslation ? doc.units.find((u) => u.words === unit.words && !u.id.startsWith('d:')) : undefined;
			if (passage) {
				const at = parseUnitId(passage.id);
				const passageTexts = await candidatesFor(at.type, doc.ref, at.n);
				if (phrasesIn(passageTexts) && matchRanges(passageTexts[0]!.text, unitTerms(passage), engine.fold).length > 0) return { place: at, texts: passageTexts, terms: unitTerms(passage) };
			}
			return { place, texts, terms: unitTerms(unit) };
		}
		return null;
	};
	checked = 0;
	for (const doc of ranked.documents) {
		if (results.documents.length >= MAX_HITS_PER_GROUP) break;
		const lead = await leadOf(doc);
		if (!lead) {
			if (parsed.phrases.length > 0 && checked > MAX_PHRASE_CANDIDATES) break;
			continue;
		}
		const { type, n, anchor } = lead.place;
		const info = engine.docs.get(doc.ref)!;
		const own = chinese ? translation?.docs[doc.ref] : undefined;
		results.documents.push({
			type: 'document',
			id: doc.ref,
			title: own?.title ?? info.title,
			titleLang: own?.titleLang ?? info.titleLang,
			titleSource: own?.titleSource ?? info.ownTitle,
			...(info.date ? { date: { start: info.date, approximate: info.dateApproximate } } : {}),
			kind: info.kind,
			status: info.status,
			primary: info.primary,
			paragraph: type === 'p' ? n : undefined,
			page: type === 'g' ? n : undefined,
			row: type === 'r' ? anchor : undefined,
			...(type === 'g' && n !== undefined && info.machineRead?.includes(n) ? { machineRead: true, ...(info.checkedPages?.includes(n) ? { checked: true } : {}) } : {}),
			...untranslated('docs', doc.ref),
			...shownFrom(lead.texts, lead.terms, doc.score)
		});
	}
	return results;
}

/** How a document is weighted: the issuer's own first, held texts above catalogue records, research notes last. One function per engine, so that the index keeps each unit's boost (shard-index.ts). */
const boosts = new WeakMap<Engine, (id: string) => number>();
function documentBoost(engine: Engine) {
	let boost = boosts.get(engine);
	if (!boost) boosts.set(engine, (boost = unitBoost(engine)));
	return boost;
}
function unitBoost(engine: Engine) {
	return (id: string) => {
		const { type, ref } = unitParts(id);
		if (type === 'e' || type === 'c') return 1;
		const doc = engine.docs.get(ref);
		if (!doc || doc.kind === 'research-notes') return RESEARCH_NOTES_BOOST;
		return (doc.primary ? PRIMARY_BOOST : 1) * (doc.status === 'catalogue' ? 1 : HELD_TEXT_BOOST);
	};
}

/** The query's term matched as a prefix too: only the last word is still being typed. A Chinese character pair is never a prefix of a longer term (the index holds pairs and lone characters), so it is looked up exactly. */
export function prefixTerm(query: QueryTerms): string | undefined {
	const last = query.last;
	return last !== undefined && !(HAN.test(last) && [...last].length === 2) ? last : undefined;
}

/** A term searched alone: the query's terms are already tokenized and folded. */
const asIs = { tokenize: (term: string) => [term], processTerm: (term: string) => term };

/**
 * The events, claims and documents a query's words find, best first, with the filters applied:
 * each term searched in its shard, joined by rank.ts. Typo tolerance is the costly part of a
 * search: the words are tried as typed first, and typos forgiven only when that finds nothing.
 */
export async function findUnits(engine: Engine, text: string, filters: SearchFilters = {}): Promise<Ranked> {
	const query = queryTerms(text, (t) => engine.fold(t.toLowerCase()));
	const { units, search } = await engine.searcher(query.terms, prefixTerm(query));
	const options = queryOptions(engine.fold, documentBoost(engine));
	const keep = Object.values(filters).some(Boolean) ? (id: string) => passes(engine, id, filters) : undefined;
	const prefix = (term: string) => term === prefixTerm(query);
	const run = (fuzzy: boolean) => rank(query, units, query.terms.map((term) => search(term, { ...options, ...asIs, prefix: prefix(term), ...(fuzzy ? {} : { fuzzy: false }) })), keep);
	const found = run(false);
	const count = found.events.length + found.claims.length + found.documents.length;
	return count < FUZZY_FALLBACK_BELOW ? run(true) : found;
}
