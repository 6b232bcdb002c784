/**
 * The one set of MiniSearch options, imported by the build-time indexer and the browser's
 * worker alike: an index is only readable with the options it was built with.
 */
import type { Options, SearchOptions } from 'minisearch';
import { tokenize } from './tokenize';

/** Bumped whenever the index's shape or options change; a mismatched index is refused, not misread. */
export const SEARCH_SCHEMA_VERSION = 8;

/**
 * The index is split into shards by the start of each term, so a query loads only the shards
 * its words need, and a shard is small enough to fetch at once (tens of kB for an archive of
 * 20 MB of text). A Latin-script or numeric term goes by its first two characters ("na" for
 * "napolitano", "20" for "2003"; a one-character term by itself); a Chinese term by its first
 * character's code point, into one of HAN_SHARDS. Prefix search and typo tolerance stay within a
 * shard: a word's first two letters are matched as typed (a one-letter word whole), and a typo
 * there is not forgiven.
 *
 * A common Chinese character begins thousands of pairs (in the benchmark's corpus one
 * character's pairs alone are 215 kB gzipped). A group of HAN_SHARDS whose pairs hold more than
 * SHARD_POSTINGS postings has them split into parts by the pair's second character
 * (`h<group>-<part>`); the base file lists those groups (IndexFile.hanSplits). A pair is always
 * looked up whole, so it needs only its part; a lone character stays in its group's shard, and
 * typed as a prefix it needs every part too (shardKeys).
 */
export const HAN_SHARDS = 256;
export const SHARD_POSTINGS = 25_000;
/** Split groups (their number, as a string) → how many parts their pairs are in. */
export type HanSplits = Readonly<Record<string, number>>;

const partsOf = (splits: HanSplits, group: number) => (Object.prototype.hasOwnProperty.call(splits, String(group)) ? splits[String(group)]! : 0);

export function shardKey(term: string, splits: HanSplits = {}): string {
	const first = term.codePointAt(0) ?? 0;
	const char = String.fromCodePoint(first);
	if (/\p{Script=Han}/u.test(char)) {
		const group = first % HAN_SHARDS;
		const parts = partsOf(splits, group);
		const second = term.codePointAt(char.length);
		return parts && second !== undefined ? `h${group}-${second % parts}` : `h${group}`;
	}
	if (/[a-z0-9]/.test(char)) return /^[a-z0-9]{2}/.test(term) ? term.slice(0, 2) : char;
	return 'x';
}

/** The shards a term's matches can be in: its own; for a lone Chinese character of a split group matched as a prefix, also every part of the group's pairs. */
export function shardKeys(term: string, prefix: boolean, splits: HanSplits = {}): string[] {
	const key = shardKey(term, splits);
	const first = term.codePointAt(0) ?? 0;
	const lone = [...term].length === 1 && /\p{Script=Han}/u.test(term);
	const parts = prefix && lone ? partsOf(splits, first % HAN_SHARDS) : 0;
	return [key, ...Array.from({ length: parts }, (_, part) => `h${first % HAN_SHARDS}-${part}`)];
}

/** A searchable unit: an event, a document's record, a claim, or one paragraph or page of a document's text. */
export interface SearchUnit {
	/** "e:<event>", "d:<document>", "c:<claim>", "p:<document>:<n>" (paragraph), "g:<document>:<n>" (PDF page), "r:<document>:<n>:<anchor>" (row n of a data table, with its element id). */
	id: string;
	title: string;
	/** Identifiers, issuer, kind, original title: what a journalist types to find a record. */
	meta: string;
	text: string;
	/**
	 * The archive's own words in its Simplified Chinese translation (title, labels, summary or
	 * description), in fields of their own: the English fields' lengths, and so the ranking of
	 * English queries, stay what they were. Only their Chinese terms are indexed.
	 */
	zhTitle?: string;
	zhMeta?: string;
	zhText?: string;
}

/** The fields of a unit that hold the archive's Chinese translation. */
export const TRANSLATION_FIELDS = ['zhTitle', 'zhMeta', 'zhText'] as const;
const isTranslationField = (field: string | undefined) => field !== undefined && (TRANSLATION_FIELDS as readonly string[]).includes(field);
const HAN = /\p{Script=Han}/u;

/** Boosts, by name, so that ranking choices are visible. */
export const TITLE_BOOST = 3;
export const META_BOOST = 2;
/** The issuer's own document ranks above reports about it. */
export const PRIMARY_BOOST = 1.5;
/** A document whose text is held here can be read and checked at once. */
export const HELD_TEXT_BOOST = 1.5;
/** The archive's research notes mention everything; they should not outrank the sources themselves. */
export const RESEARCH_NOTES_BOOST = 0.5;
/** Typo tolerance: an edit distance of 20% of the term's length (one letter in a surname). */
export const FUZZY = 0.2;
/** Terms shorter than this are never matched fuzzily (or "act" would find "art"). */
export const FUZZY_MIN_LENGTH = 5;

/**
 * Options for an index whose terms are folded by `fold` (Traditional → Simplified Chinese,
 * lower case). `fold` must be the same function at index and query time.
 */
export function indexOptions(fold: (term: string) => string): Options<SearchUnit> {
	return {
		idField: 'id',
		fields: ['title', 'meta', 'text', ...TRANSLATION_FIELDS],
		storeFields: [],
		tokenize,
		// A translation's Latin words (a name, "H.Con.Res. 326") are the English fields' already.
		processTerm: (term, field) => (isTranslationField(field) && !HAN.test(term) ? null : fold(term.toLowerCase()))
	};
}

export function queryOptions(fold: (term: string) => string, boostDocument: SearchOptions['boostDocument']): SearchOptions {
	return {
		tokenize,
		processTerm: (term) => fold(term.toLowerCase()),
		boost: { title: TITLE_BOOST, meta: META_BOOST, zhTitle: TITLE_BOOST, zhMeta: META_BOOST },
		// Only the last word is still being typed: prefix matching for it alone keeps queries fast.
		prefix: (_term, i, terms) => i === terms.length - 1,
		fuzzy: (term) => ([...term].length >= FUZZY_MIN_LENGTH ? FUZZY : false),
		maxFuzzy: 2,
		combineWith: 'AND',
		boostDocument
	};
}
