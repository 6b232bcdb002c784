/**
 * Finding words in a document as a reader does with a browser's find: case-insensitive, any run
 * of white space matching any other, radicals and full-width forms matching the characters a
 * reader types (both sides compared as src/lib/content/unify.ts makes them; the marks fall on the
 * text as it is). The same pattern counts matches in the text the build
 * extracted (so the count covers pages not yet drawn) and marks them in what is on screen.
 */
import * as m from '$lib/paraglide/messages';
import { originalRange, unify } from '$lib/content/unify';
import type { Segment } from '$lib/search/query';

export interface FindOptions {
	/**
	 * PDF text comes in pieces that may or may not carry the spaces between words, so in a PDF
	 * the white space of a query may also match nothing.
	 */
	looseSpaces?: boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern for all the terms (any of them matches); null when there is nothing to find. */
export function findPattern(terms: readonly string[], options: FindOptions = {}): RegExp | null {
	const parts = terms
		.map((t) => unify(t.trim()).text)
		.filter((t) => t.length > 0)
		.sort((a, b) => b.length - a.length)
		// A hyphen may end a line ("coronary-\n   arterial"), as the archive's quote check allows.
		.map((t) => t.split(/\s+/).map((w) => escape(w).replace(/-/g, '-\\s*')).join(options.looseSpaces ? '\\s*' : '\\s+'));
	return parts.length === 0 ? null : new RegExp(parts.join('|'), 'giu');
}

/** Where the pattern matches in `text`, as [start, end) offsets; empty matches are skipped. */
export function matchesIn(text: string, pattern: RegExp | null): [number, number][] {
	if (!pattern) return [];
	const out: [number, number][] = [];
	const copy = unify(text);
	for (const m of copy.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
		if (m[0].length > 0) out.push(originalRange(copy, m.index, m.index + m[0].length));
	}
	return out;
}

/** Text split into plain and marked segments at the matches. */
export function markMatches(text: string, pattern: RegExp | null): Segment[] {
	const out: Segment[] = [];
	let at = 0;
	for (const [from, to] of matchesIn(text, pattern)) {
		if (from > at) out.push({ text: text.slice(at, from), mark: false });
		out.push({ text: text.slice(from, to), mark: true });
		at = to;
	}
	if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: false });
	return out;
}

/** A match's place in the document: its unit (page or paragraph, 1-based) and its order within it. */
export interface MatchPlace {
	unit: number;
	index: number;
}

/** Every match in the document, in reading order. */
export function matchPlaces(units: readonly string[], pattern: RegExp | null): MatchPlace[] {
	return units.flatMap((text, i) => matchesIn(text, pattern).map((_, index) => ({ unit: i + 1, index })));
}

/** The next (step 1) or previous (step -1) match, wrapping around; 0 when there are none. */
export const stepMatch = (current: number, step: 1 | -1, total: number) => (total === 0 ? 0 : (current + step + total) % total);

/**
 * What the find box says beside it, in the page's language: nothing while the box is empty, "No
 * matches", or "3 of 12 matches" (`current` is 0-based).
 */
export function findStatus(value: string, current: number, total: number): string {
	if (value.trim() === '') return '';
	if (total === 0) return m.viewer_no_matches();
	return (total === 1 ? m.viewer_match_count_one : m.viewer_match_count_other)({ current: current + 1, total });
}

/** `#page=7` → 7; anything else → null. */
export function pageFromHash(hash: string): number | null {
	const m = /^#page=(\d+)$/.exec(hash);
	const n = m ? Number(m[1]) : NaN;
	return Number.isSafeInteger(n) && n > 0 ? n : null;
}
