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

/** A unit one term matched (MiniSearch's score for the term; index term → its fields). */
export interface TermMatch {
	id: string;
	score: number;
	match: MatchInfo;
}

/** A unit that holds at least one of the query's words. */
export interface UnitHit {
	id: string;
	score: number;
	/** How many of the query's words it holds. */
	words: number;
	/** Its match for each of the query's terms (undefined where it lacks one). */
	matches: (TermMatch | undefined)[];
}

/** The index terms a unit matched (a prefix or a typo derives others than the query's): what its snippet marks. */
export const unitTerms = (unit: UnitHit): string[] => [...new Set(unit.matches.flatMap((m) => (m ? Object.keys(m.match) : [])))];

/** The fields each index term matched in the unit. */
export const unitFields = (unit: UnitHit): MatchInfo => Object.assign({}, ...unit.matches.map((m) => m?.match ?? {}));

export interface DocumentHit {
	ref: string;
	score: number;
	/** True when one unit holds every word. */
	together: boolean;
	/** Its units holding any word: most words first, then best scored. The first is where the hit leads. */
	units: UnitHit[];
}

export interface Ranked {
	events: UnitHit[];
	claims: UnitHit[];
	documents: DocumentHit[];
}

/**
 * The record a unit belongs to, with its type: "p:wgad-opinion-10-2003:7" → "d wgad-opinion-10-2003",
 * "e:abduction" → "e abduction". Asked for every match of every term, so kept.
 */
const records = new Map<string, string>();
function recordOf(id: string): string {
	let record = records.get(id);
	if (record === undefined) {
		const first = id.indexOf(':');
		const second = id.indexOf(':', first + 1);
		const type = id.slice(0, first);
		record = `${type === 'e' || type === 'c' ? type : 'd'} ${id.slice(first + 1, second === -1 ? undefined : second)}`;
		records.set(id, record);
	}
	return record;
}

/** The records every term is found in: only their units can be hits (an event or claim must hold every term itself). */
function recordsWithEveryTerm(matches: readonly (readonly TermMatch[])[], keep: (unitId: string) => boolean): Set<string> {
	const lists = [...matches].sort((a, b) => a.length - b.length);
	let found: Set<string> | null = null;
	for (const list of lists) {
		const here = new Set<string>();
		for (const m of list) {
			// An event or a claim is its own record: its one unit must hold every term.
			const record = recordOf(m.id);
			const key = record[0] === 'd' ? record : m.id;
			if ((found === null ? keep(m.id) : found.has(key))) here.add(key);
		}
		found = here;
		if (found.size === 0) break;
	}
	return found ?? new Set();
}

const byScore = <T extends { score: number }>(a: T, b: T) => b.score - a.score;
const byWordsThenScore = (a: UnitHit, b: UnitHit) => b.words - a.words || b.score - a.score;

/**
 * Joins each term's matches (`matches`: one list per term of `query.terms`, MiniSearch's for
 * that term alone) into events, claims and documents, best first. `keep` leaves out the units
 * a filter excludes.
 */
export function rank(query: QueryTerms, matches: readonly (readonly TermMatch[])[], keep: (unitId: string) => boolean = () => true): Ranked {
	const termCount = query.terms.length;
	const wordCount = query.words.length;
	const wordTerms = query.words.map((word) => word.map((t) => query.terms.indexOf(t)));
	const candidates = recordsWithEveryTerm(matches, keep);
	// Unit id → its match for each term, for the units of records that have every term.
	const byUnit = new Map<string, (TermMatch | undefined)[]>();
	matches.forEach((list, term) => {
		for (const m of list) {
			let found = byUnit.get(m.id);
			if (!found) {
				const record = recordOf(m.id);
				if (!candidates.has(record[0] === 'd' ? record : m.id)) continue;
				byUnit.set(m.id, (found = new Array<TermMatch | undefined>(termCount)));
			}
			found[term] = m;
		}
	});
	const ranked: Ranked = { events: [], claims: [], documents: [] };
	// Document → each word's best unit score (-1: not found yet), and its units.
	const docs = new Map<string, { best: number[]; units: UnitHit[] }>();
	const wordScores = new Array<number>(wordCount);
	for (const [id, found] of byUnit) {
		let held = 0;
		let sum = 0;
		let distinct = 0;
		for (let w = 0; w < wordCount; w++) {
			let score = 0;
			for (const t of wordTerms[w]!) {
				const m = found[t];
				if (!m) {
					score = -1;
					break;
				}
				score += m.score;
			}
			wordScores[w] = score;
			if (score < 0) continue;
			held++;
			sum += score;
			distinct += wordTerms[w]!.length;
		}
		if (held === 0) continue;
		const record = recordOf(id);
		const type = record[0];
		const ref = record.slice(2);
		if ((type === 'e' || type === 'c') && held < wordCount) continue;
		// MiniSearch's AND: the sum of the terms' scores times the number of query terms matched.
		const unit: UnitHit = { id, score: sum * distinct, words: held, matches: found };
		if (type === 'e') ranked.events.push(unit);
		else if (type === 'c') ranked.claims.push(unit);
		else {
			let doc = docs.get(ref);
			if (!doc) docs.set(ref, (doc = { best: new Array<number>(wordCount).fill(-1), units: [] }));
			doc.units.push(unit);
			for (let w = 0; w < wordCount; w++) if (wordScores[w]! > doc.best[w]!) doc.best[w] = wordScores[w]!;
		}
	}
	for (const [ref, { best, units }] of docs) {
		if (best.some((score) => score < 0)) continue;
		units.sort(byWordsThenScore);
		const together = units[0]!.words === wordCount;
		const apart = best.reduce((a, b) => a + b, 0) * termCount * APART;
		ranked.documents.push({ ref, score: together ? Math.max(units[0]!.score, apart) : apart, together, units });
	}
	// Stable: equal scores keep MiniSearch's order.
	ranked.events.sort(byScore);
	ranked.claims.sort(byScore);
	ranked.documents.sort(byScore);
	return ranked;
}
