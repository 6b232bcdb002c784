/**
 * Archived text: finding a quote in it. Shared by the pipeline (which verifies quotes) and the
 * site (which highlights them), so both agree on what "the quote occurs here" means. (Splitting
 * a text into paragraphs is the pipeline's: src/pipeline/paragraphs.ts.)
 */

import { unifiedText } from './unify';

/**
 * Normalises text for quote matching: a hyphen at a line break joins the two lines (GPO
 * layout breaks "coronary-\n        arterial"), then every run of whitespace becomes one space.
 */
export function normaliseWhitespace(text: string): string {
	return text
		.replace(/-[ \t]*\n\s*/g, '-')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Where a quote was found: the 1-based number of the paragraph (or page) it starts in. */
export interface QuoteLocation {
	/** 1-based paragraph or page number. */
	index: number;
	/** True when the quote runs on past the end of that paragraph or page. */
	spansBreak: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN_CHAR = /\p{Script=Han}/u;

/** True when `outside` and `inside` are letters or digits of one word (not Han, which has no spaces). */
function cutsWord(outside: string | undefined, inside: string | undefined): boolean {
	if (!outside || !inside) return false;
	return WORD_CHAR.test(outside) && WORD_CHAR.test(inside) && !HAN_CHAR.test(outside) && !HAN_CHAR.test(inside);
}

interface PreparedText {
	joined: string;
	/** Offset in `joined` where each unit starts. */
	starts: number[];
	lengths: number[];
}

// Many quotes are checked against the same text: normalise each text once.
const prepared = new WeakMap<readonly string[], PreparedText>();

function prepare(units: readonly string[]): PreparedText {
	let text = prepared.get(units);
	if (text) return text;
	// Compared as every comparison is (src/lib/content/unify.ts): a quote typed with 青 is found in a PDF whose text says ⻘.
	const normalised = units.map((unit) => normaliseWhitespace(unifiedText(unit)));
	const starts: number[] = [];
	let offset = 0;
	for (const unit of normalised) {
		starts.push(offset);
		offset += unit.length + 1;
	}
	text = { joined: normalised.join(' '), starts, lengths: normalised.map((u) => u.length) };
	prepared.set(units, text);
	return text;
}

/**
 * Finds a quote in a list of paragraphs (or pages), whitespace-normalised. A quote may run
 * across a paragraph break; it is located by the paragraph it starts in.
 */
export function findQuote(units: readonly string[], quote: string): QuoteLocation[] {
	const needle = normaliseWhitespace(unifiedText(quote));
	if (needle === '') return [];
	const { joined, starts, lengths } = prepare(units);
	const found: QuoteLocation[] = [];
	for (let at = joined.indexOf(needle); at !== -1; at = joined.indexOf(needle, at + 1)) {
		// A quote is whole words: "lawful" must not pass inside "unlawful". (Chinese has no word breaks.)
		if (cutsWord(joined[at - 1], needle[0]) || cutsWord(joined[at + needle.length], needle[needle.length - 1])) continue;
		// The unit the match starts in: the last unit starting at or before it.
		let lo = 0;
		let hi = starts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if ((starts[mid] ?? 0) <= at) lo = mid;
			else hi = mid - 1;
		}
		found.push({ index: lo + 1, spansBreak: at + needle.length > (starts[lo] ?? 0) + (lengths[lo] ?? 0) });
	}
	return found;
}

/**
 * The least a quote must hold to identify a passage: 8 letters or digits, where a Chinese
 * character counts as two (it carries about as much as a short Latin word's two or three
 * letters). So "U.S. citizen" (9), "1982年9月" (5 digits + 2 × 2) and 泰国警方 (4 × 2) pass, while
 * ".", "the", "appeal" or 王炳章 (3 × 2) would match in too many places to show anything.
 */
export const MIN_QUOTE_WEIGHT = 8;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/gu;

/** How much of a quote identifies its passage: letters and digits, Chinese characters counted twice. */
export function quoteWeight(quote: string): number {
	let weight = 0;
	for (const [char] of quote.matchAll(LETTER_OR_DIGIT)) weight += HAN_CHAR.test(char) ? 2 : 1;
	return weight;
}

/**
 * Markdown emphasis removed: "**not** seen" → "not seen", "*Gazette*" → "Gazette". For archived
 * notes written in Markdown (paragraphs.stripEmphasis), the site shows and matches their words
 * without the asterisks; the stored file keeps them. A "* " bullet at the start of a line stays.
 */
export function stripEmphasis(text: string): string {
	return text.replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1').replace(/(?<![\p{L}\p{N}*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\p{L}\p{N}*])/gu, '$1');
}
