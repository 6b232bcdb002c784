/**
 * Joining a query's terms: each term is searched alone, in its own shard (shard-index.ts), and
 * the units it matches are joined here. Pure: the same in the worker, the tests and the bench.
 *
 * An event or a claim is one unit: it matches when it holds every word of the query, and scores
 * as MiniSearch's AND would score it (the sum of its terms' scores, times their number).
 *
 * A document is its record and its passages (paragraphs, pages, table rows): it matches when
 * every word of the query is somewhere in it, not necessarily on one page. Its words found
 * together in one passage score that passage's whole score; words found apart score the sum of
 * each word's best passage, times APART. A document's hit leads to the passage that holds the
 * most words (then the best scored).
 *
 * A word is one Latin-script word, or one stretch of Chinese characters with all its character
 * pairs: a name's pairs must stand in one passage (王炳 on one page and 炳章 on another is not 王炳章).
 */
import type { MatchInfo } from 'minisearch';
import { words } from './tokenize';

/** A document's words found apart score this share of what they would score together. */
export const APART = 0.5;

export interface QueryTerms {
	/** The distinct terms, as the index holds them (folded, lower case), in the query's order. */
	terms: string[];
	/** Each word's terms. */
	words: string[][];
	/** The query's last term: the word still being typed, matched as a prefix too. */
	last: string | undefined;
}

/** A query's words and terms, each term processed as the index processes it. */
export function queryTerms(text: string, processTerm: (term: string) => string): QueryTerms {
	const grouped = new Map<string, string[]>();
	for (const word of words(text)) {
		const terms = [...new Set(word.map(processTerm).filter(Boolean))];
		// A word typed twice is one word.
		if (terms.length > 0) grouped.set(terms.join(' '), terms);
	}
	const last = words(text).at(-1)?.map(processTerm).filter(Boolean).at(-1);
	return { terms: [...new Set([...grouped.values()].flat())], words: [...grouped.values()], last };
}

/** A unit one term matched: its id, MiniSearch's score for the term, and its match (index term → its fields). */
export interface TermMatch {
	id: string;
	score: number;
	match: MatchInfo;
}

/**
 * The units one term matched (shard-index.ts): short ids, each with MiniSearch's score for the
 * term, in the order MiniSearch first meets them. Which index terms and fields matched a unit is
 * asked only for the results shown.
 */
export interface TermHits {
	readonly units: Int32Array;
	readonly scores: Float64Array;
	match(unit: number): MatchInfo;
}

/** Every unit of the index by its short id (its place in the base file), with the record it belongs to. */
export class UnitTable {
	/** Each unit's record, by short id: an index into `kinds` and `refs`. */
	readonly record: Int32Array;
	/** Each record's type: "e" an event, "c" a claim, "d" a document (its record and its passages). */
	readonly kinds: string[] = [];
	readonly refs: string[] = [];

	constructor(readonly ids: readonly string[]) {
		this.record = new Int32Array(ids.length);
		const records = new Map<string, number>();
		ids.forEach((id, unit) => {
			// "p:wgad-opinion-10-2003:7" belongs to document wgad-opinion-10-2003; "e:abduction" is its own record.
			const first = id.indexOf(':');
			const second = id.indexOf(':', first + 1);
			const type = id.slice(0, first);
			const kind = type === 'e' || type === 'c' ? type : 'd';
			const ref = id.slice(first + 1, second === -1 ? undefined : second);
			const key = kind === 'd' ? `d ${ref}` : id;
			let record = records.get(key);
			if (record === undefined) {
				records.set(key, (record = this.refs.length));
				this.kinds.push(kind);
				this.refs.push(ref);
			}
			this.record[unit] = record;
		});
	}

	#places: Int32Array | null = null;
	/** One slot per unit, each -1: where rank() numbers a query's candidate units, reset to -1 before it returns (so a query allocates no array of the index's size). */
	scratchPlaces(): Int32Array {
		this.#places ??= new Int32Array(this.ids.length).fill(-1);
		return this.#places;
	}

	#shortIds: Map<string, number> | null = null;
	/** A unit's short id by its id (undefined: not in the index). */
	shortId(id: string): number | undefined {
		this.#shortIds ??= new Map(this.ids.map((unitId, unit) => [unitId, unit]));
		return this.#shortIds.get(id);
	}
}

/** Plain matches (MiniSearch's own search results, for one term) as hits over `table`: for comparing with MiniSearch itself. */
export function hitsOf(table: UnitTable, matches: readonly TermMatch[]): TermHits {
	const byUnit = new Map(matches.map((m) => [table.shortId(m.id)!, m]));
	return {
		units: Int32Array.from(byUnit.keys()),
		scores: Float64Array.from(byUnit.values(), (m) => m.score),
		match: (unit) => byUnit.get(unit)?.match ?? {}
	};
}

/** The per-term scores of the units a query's terms matched: where a unit's match is looked up when a result needs it. */
interface MatchSource {
	/** The query's terms, in the order of `hits`. */
	terms: readonly string[];
	hits: readonly TermHits[];
	/** Per term, each candidate unit's score for it, by the unit's place among the query's candidates (NaN: the unit lacks the term). */
	scores: readonly Float64Array[];
}

/** A unit that holds at least one of the query's words. */
export interface UnitHit {
	id: string;
	score: number;
	/** How many of the query's words it holds. */
	words: number;
	/** Its short id, and where its matches are. */
	unit: number;
	/** Its place among the query's candidate units (`source.scores`). */
	place: number;
	source: MatchSource;
}

const matchesOf = (hit: UnitHit): MatchInfo[] => hit.source.hits.flatMap((terms, t) => (Number.isNaN(hit.source.scores[t]![hit.place]!) ? [] : [terms.match(hit.unit)]));

/** The index terms a unit matched (a prefix or a typo derives others than the query's): what its snippet marks. */
export const unitTerms = (unit: UnitHit): string[] => [...new Set(matchesOf(unit).flatMap((match) => Object.keys(match)))];

/** The fields each index term matched in the unit. */
export const unitFields = (unit: UnitHit): MatchInfo => Object.assign({}, ...matchesOf(unit));

/** Whether the unit holds every one of `terms` (the query's, as queryTerms gives them): a unit lacking one cannot hold a phrase of them. */
export const unitHolds = (unit: UnitHit, terms: readonly string[]): boolean =>
	terms.every((term) => {
		const t = unit.source.terms.indexOf(term);
		return t >= 0 && !Number.isNaN(unit.source.scores[t]![unit.place]!);
	});

export interface DocumentHit {
	ref: string;
	score: number;
	/** True when one unit holds every word. */
	together: boolean;
	/** Its units holding any word: most words first, then best scored. The first is where the hit leads. Made when first read: only the documents shown need them. */
	readonly units: UnitHit[];
}

/** A document's units, as numbers until a result reads them. */
class LazyDocumentHit implements DocumentHit {
	#units: UnitHit[] | null = null;
	constructor(
		readonly ref: string,
		readonly score: number,
		readonly together: boolean,
		private readonly members: readonly number[],
		private readonly made: (place: number) => UnitHit
	) {}
	get units(): UnitHit[] {
		this.#units ??= this.members.map(this.made).sort(byWordsThenScore);
		return this.#units;
	}
}

export interface Ranked {
	events: UnitHit[];
	claims: UnitHit[];
	documents: DocumentHit[];
}

/**
 * How many of the terms each record was found with, the rarest term first: only the units of
 * records found with every term (`hits.length`) can be hits; an event or a claim is its own
 * record, so its one unit must hold every term. `keep` is asked of the rarest term's units.
 */
function recordsWithEveryTerm(table: UnitTable, hits: readonly TermHits[], keep: (unitId: string) => boolean): Uint16Array {
	const order = hits.map((_, t) => t).sort((a, b) => hits[a]!.units.length - hits[b]!.units.length);
	const found = new Uint16Array(table.refs.length);
	for (let k = 0; k < order.length; k++) {
		const { units } = hits[order[k]!]!;
		let any = false;
		for (let i = 0; i < units.length; i++) {
			const record = table.record[units[i]!]!;
			if (found[record] === k && (k > 0 || keep(table.ids[units[i]!]!))) {
				found[record] = k + 1;
				any = true;
			}
		}
		if (!any) break;
	}
	return found;
}

const byScore = <T extends { score: number }>(a: T, b: T) => b.score - a.score;
const byWordsThenScore = (a: UnitHit, b: UnitHit) => b.words - a.words || b.score - a.score;

/**
 * Joins each term's matches (`hits`: one list per term of `query.terms`, MiniSearch's for that
 * term alone, over the units of `table`) into events, claims and documents, best first. `keep`
 * leaves out the units a filter excludes.
 */
export function rank(query: QueryTerms, table: UnitTable, hits: readonly TermHits[], keep: (unitId: string) => boolean = () => true): Ranked {
	const termCount = query.terms.length;
	const wordCount = query.words.length;
	const ranked: Ranked = { events: [], claims: [], documents: [] };
	if (termCount === 0 || hits.length !== termCount) return ranked;
	const wordTerms = query.words.map((word) => word.map((t) => query.terms.indexOf(t)));
	const found = recordsWithEveryTerm(table, hits, keep);
	// The candidates (units of records found with every term), in the order first met, each given
	// its place: the query's arrays are as long as its candidates, not as the index (a query
	// allocates no array of the index's size, which for common words was most of its garbage).
	const places = table.scratchPlaces();
	const units: number[] = [];
	for (const list of hits) {
		for (let i = 0; i < list.units.length; i++) {
			const unit = list.units[i]!;
			if (found[table.record[unit]!] !== termCount || places[unit]! >= 0) continue;
			places[unit] = units.length;
			units.push(unit);
		}
	}
	const count = units.length;
	const scores = hits.map((list) => {
		const score = new Float64Array(count).fill(NaN);
		for (let i = 0; i < list.units.length; i++) {
			const place = places[list.units[i]!]!;
			if (place >= 0) score[place] = list.scores[i]!;
		}
		return score;
	});
	for (const unit of units) places[unit] = -1; // left as found, for the next query
	const source: MatchSource = { terms: query.terms, hits, scores };
	// Each candidate's words held and score, by place; a document's units stay numbers (LazyDocumentHit).
	const unitWords = new Uint16Array(count);
	const unitScore = new Float64Array(count);
	const made = (place: number): UnitHit => ({ id: table.ids[units[place]!]!, score: unitScore[place]!, words: unitWords[place]!, unit: units[place]!, place, source });
	// Document (its record) → each word's best unit score (-1: not found yet), its units' places, and its best unit's (most words, then score).
	const docs = new Map<number, { best: number[]; members: number[]; top: number }>();
	const wordScores = new Array<number>(wordCount);
	for (let place = 0; place < count; place++) {
		const unit = units[place]!;
		let held = 0;
		let sum = 0;
		let distinct = 0;
		for (let w = 0; w < wordCount; w++) {
			let score = 0;
			for (const t of wordTerms[w]!) {
				const s = scores[t]![place]!;
				if (Number.isNaN(s)) {
					score = -1;
					break;
				}
				score += s;
			}
			wordScores[w] = score;
			if (score < 0) continue;
			held++;
			sum += score;
			distinct += wordTerms[w]!.length;
		}
		if (held === 0) continue;
		const record = table.record[unit]!;
		const type = table.kinds[record]!;
		if ((type === 'e' || type === 'c') && held < wordCount) continue;
		// MiniSearch's AND: the sum of the terms' scores times the number of query terms matched.
		unitWords[place] = held;
		unitScore[place] = sum * distinct;
		if (type === 'e') ranked.events.push(made(place));
		else if (type === 'c') ranked.claims.push(made(place));
		else {
			let doc = docs.get(record);
			if (!doc) docs.set(record, (doc = { best: new Array<number>(wordCount).fill(-1), members: [], top: place }));
			doc.members.push(place);
			// The first of the most words and the best score, as a stable sort by both puts first.
			if (held > unitWords[doc.top]! || (held === unitWords[doc.top]! && unitScore[place]! > unitScore[doc.top]!)) doc.top = place;
			for (let w = 0; w < wordCount; w++) if (wordScores[w]! > doc.best[w]!) doc.best[w] = wordScores[w]!;
		}
	}
	for (const [record, { best, members, top }] of docs) {
		if (best.some((score) => score < 0)) continue;
		const together = unitWords[top] === wordCount;
		const apart = best.reduce((a, b) => a + b, 0) * termCount * APART;
		ranked.documents.push(new LazyDocumentHit(table.refs[record]!, together ? Math.max(unitScore[top]!, apart) : apart, together, members, made));
	}
	// Stable: equal scores keep MiniSearch's order.
	ranked.events.sort(byScore);
	ranked.claims.sort(byScore);
	ranked.documents.sort(byScore);
	return ranked;
}
