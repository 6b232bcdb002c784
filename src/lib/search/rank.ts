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
import type { MatchInfo, SearchResult } from 'minisearch';
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

/** A unit that holds at least one of the query's words. */
export interface UnitHit {
	id: string;
	score: number;
	/** How many of the query's words it holds. */
	words: number;
	/** The index terms it matched (a prefix or a typo derives others than the query's): what its snippet marks. */
	terms: string[];
	/** Index term → the fields it matched in. */
	match: MatchInfo;
}

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

/** The unit's type and the record it belongs to: "p:wgad-opinion-10-2003:7" → ['p', 'wgad-opinion-10-2003']. */
function typeAndRef(id: string): [string, string] {
	const first = id.indexOf(':');
	const second = id.indexOf(':', first + 1);
	return [id.slice(0, first), id.slice(first + 1, second === -1 ? undefined : second)];
}

const byScore = <T extends { score: number }>(a: T, b: T) => b.score - a.score;
const byWordsThenScore = (a: UnitHit, b: UnitHit) => b.words - a.words || b.score - a.score;

/**
 * Joins each term's matches (`matches`: term → MiniSearch's results for that term alone) into
 * events, claims and documents, best first. `keep` leaves out the units a filter excludes.
 */
export function rank(query: QueryTerms, matches: ReadonlyMap<string, readonly SearchResult[]>, keep: (unitId: string) => boolean = () => true): Ranked {
	const wordCount = query.words.length;
	// Unit id → term → its score for that term.
	const byUnit = new Map<string, Map<string, SearchResult>>();
	for (const term of query.terms) {
		for (const result of matches.get(term) ?? []) {
			const id = String(result.id);
			let terms = byUnit.get(id);
			if (!terms) {
				if (!keep(id)) continue;
				byUnit.set(id, (terms = new Map()));
			}
			terms.set(term, result);
		}
	}
	const ranked: Ranked = { events: [], claims: [], documents: [] };
	// Document → for each word, its best unit score; and the units.
	const docs = new Map<string, { best: number[]; units: UnitHit[] }>();
	for (const [id, found] of byUnit) {
		const [type, ref] = typeAndRef(id);
		let held = 0;
		let sum = 0;
		let distinct = 0;
		const wordScores: number[] = [];
		for (const word of query.words) {
			const results = word.map((t) => found.get(t));
			if (results.some((r) => r === undefined)) {
				wordScores.push(-1);
				continue;
			}
			const score = results.reduce((total, r) => total + r!.score, 0);
			wordScores.push(score);
			held++;
			sum += score;
			distinct += word.length;
		}
		if (held === 0) continue;
		const terms = new Set<string>();
		const match: MatchInfo = {};
		for (const result of found.values()) {
			for (const t of result.terms) terms.add(t);
			Object.assign(match, result.match);
		}
		// MiniSearch's AND: the sum of the terms' scores times the number of query terms matched.
		const unit: UnitHit = { id, score: sum * distinct, words: held, terms: [...terms], match };
		if (type === 'e' || type === 'c') {
			if (held === wordCount) (type === 'e' ? ranked.events : ranked.claims).push(unit);
			continue;
		}
		let doc = docs.get(ref);
		if (!doc) docs.set(ref, (doc = { best: query.words.map(() => -1), units: [] }));
		doc.units.push(unit);
		wordScores.forEach((score, i) => (doc.best[i] = Math.max(doc.best[i]!, score)));
	}
	const termCount = query.terms.length;
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
