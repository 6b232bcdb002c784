/**
 * The copy of a text that every comparison reads: the search index and its queries, the quote
 * check, the reader's find and its marks. Chinese comes out of some PDFs as look-alike code points
 * (Chromium printing with Noto CJK gives ⽂ U+2F42 for 文 and ⻘ U+2ED8 for 青), and out of others
 * in full-width forms; a reader types the unified ideographs and the ordinary forms. So the copy is
 * NFKC (compatibility forms, full-width letters and punctuation, Kangxi radicals) with the CJK
 * Radicals Supplement and CJK strokes mapped through Unicode's EquivalentUnifiedIdeograph data,
 * which NFKC leaves alone.
 *
 * Stored and shown text is never rewritten: `unify` keeps, for every character of the copy, where
 * its source lies in the original, so a match in the copy marks the original's characters.
 *
 * Width is ignored on purpose: "，" and "," are one character to a comparison. Copies of one
 * source differ in nothing else (the Beijing Spring page has half-width commas in one reading and
 * full-width in another), and a quote is checked for its words, not for its typesetting.
 */
import { EQUIVALENT_IDEOGRAPHS } from './ideographs.generated';

const IDEOGRAPH_OF: ReadonlyMap<string, string> = (() => {
	const chars = [...EQUIVALENT_IDEOGRAPHS];
	const map = new Map<string, string>();
	for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
	return map;
})();

/** Kangxi Radicals, CJK Radicals Supplement, CJK Strokes: where EquivalentUnifiedIdeograph's code points lie. */
const RADICAL = /[\u2e80-\u2fdf\u31c0-\u31ef]/u;
const RADICALS = /[\u2e80-\u2fdf\u31c0-\u31ef]/gu;
/** Text of characters NFKC leaves as they are (ASCII, the unified ideographs, common CJK and English punctuation) needs no copy. */
const PLAIN = /^[\x00-\x7f\u2013\u2014\u2018\u2019\u201c\u201d\u3001\u3002\u3008-\u3011\u4e00-\u9fff]*$/u;

/** The compared copy of a text, without the way back to the original (the search index's tokens). */
export function unifiedText(text: string): string {
	if (PLAIN.test(text)) return text;
	const nfkc = text.normalize('NFKC');
	return RADICAL.test(nfkc) ? nfkc.replace(RADICALS, (c) => IDEOGRAPH_OF.get(c) ?? c) : nfkc;
}

export interface Unified {
	/** The compared copy. */
	text: string;
	/** For each UTF-16 index of `text`, the original's index where that character's source starts; null when the copy is the original. */
	starts: readonly number[] | null;
	/** ... and where it ends. */
	ends: readonly number[] | null;
}

const COMBINING = /\p{M}/u;

/**
 * The compared copy with its way back. NFKC is applied to each character with the marks that
 * follow it (so é and e + ◌́ meet), which is what NFKC of the whole text gives for any text but
 * conjoining Hangul jamo.
 */
export function unify(original: string): Unified {
	// Most texts come out as they went in (NFKC is native and fast): they need no map.
	if (PLAIN.test(original) || unifiedText(original) === original) return { text: original, starts: null, ends: null };
	// The reader's find asks again for every page at every keystroke: keep the copies it made.
	const kept = copies.get(original);
	if (kept) return kept;
	const copy = unifyWithMap(original);
	if (copies.size >= COPIES_KEPT) copies.delete(copies.keys().next().value!);
	copies.set(original, copy);
	return copy;
}

const COPIES_KEPT = 500;
const copies = new Map<string, Unified>();

function unifyWithMap(original: string): Unified {
	const chars = [...original];
	let text = '';
	const starts: number[] = [];
	const ends: number[] = [];
	let at = 0;
	for (let i = 0; i < chars.length; ) {
		let group = chars[i]!;
		for (i++; i < chars.length && COMBINING.test(chars[i]!); i++) group += chars[i]!;
		const copy = [...group.normalize('NFKC')].map((c) => IDEOGRAPH_OF.get(c) ?? c).join('');
		for (let k = 0; k < copy.length; k++) {
			starts.push(at);
			ends.push(at + group.length);
		}
		text += copy;
		at += group.length;
	}
	return { text, starts, ends };
}

/** The original's [start, end) of the copy's [from, to). */
export function originalRange(unified: Unified, from: number, to: number): [number, number] {
	if (!unified.starts || !unified.ends) return [from, to];
	if (to <= from) {
		const at = unified.starts[from] ?? (unified.ends.at(-1) ?? 0);
		return [at, at];
	}
	return [unified.starts[from]!, unified.ends[to - 1]!];
}
