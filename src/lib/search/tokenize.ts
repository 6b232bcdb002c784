/**
 * Tokens for search, the same at index and query time. Latin-script words are split at
 * anything that is not a letter or digit; Chinese has no spaces, so a run of Han characters
 * becomes its overlapping character pairs ("王炳章" → "王炳", "炳章"), and a lone character
 * stays itself. A query's pairs must all occur, which finds names and titles without a dictionary.
 */

import { unifiedText } from '../content/unify';

const HAN = /\p{Script=Han}/u;
const WORD_OR_HAN = /[\p{L}\p{N}]+/gu;

export const isHan = (char: string) => HAN.test(char);

/** Splits a run of letters and digits into Han and non-Han stretches. */
function stretches(run: string): { han: boolean; text: string }[] {
	const out: { han: boolean; text: string }[] = [];
	for (const char of run) {
		const han = isHan(char);
		const last = out.at(-1);
		if (last && last.han === han) last.text += char;
		else out.push({ han, text: char });
	}
	return out;
}

/** Character pairs of a Han stretch; a single character is its own token. */
export function hanBigrams(text: string): string[] {
	const chars = [...text];
	if (chars.length === 1) return chars;
	const out: string[] = [];
	for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
	return out;
}

/**
 * @example tokenize('王炳章 (Wang Bingzhang), 2003') // ['王炳', '炳章', 'Wang', 'Bingzhang', '2003']
 */
export function tokenize(text: string): string[] {
	return words(text).flat();
}

/**
 * The tokens of each word: a Latin-script word is one token, a stretch of Han characters its
 * pairs. A query's word is found where all its tokens are in one passage (a name's pairs
 * together), while different words may be on different pages of a document.
 * @example words('王炳章 Wang') // [['王炳', '炳章'], ['Wang']]
 */
export function words(text: string): string[][] {
	const out: string[][] = [];
	// Compared as every comparison is (radicals as their ideographs, full-width as half-width): src/lib/content/unify.ts.
	for (const [run] of unifiedText(text).matchAll(WORD_OR_HAN)) {
		for (const part of stretches(run)) out.push(part.han ? hanBigrams(part.text) : [part.text]);
	}
	return out;
}
