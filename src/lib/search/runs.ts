/**
 * A search result's text (a snippet, a title) in pieces a page can mark by language: the text
 * as a whole has its own language (the source's, or the archive's words'); inside it, runs of the
 * other script are marked (Latin in Chinese text lang="en", Chinese in other text lang="zh"), and
 * words a Traditional text keeps in Simplified (names, titles, quoted words, between ⟪ and ⟫)
 * are marked as the source's Simplified. The marks themselves are never shown.
 */
import { latinRuns, scriptRuns } from '$lib/content/scripts';
import { KEEP_CLOSE, KEEP_OPEN } from '$lib/content/translation';
import type { Segment } from './query';

export interface Run {
	text: string;
	/** A matched word (shown in <mark>). */
	mark: boolean;
	/** Set where the run's language differs from the text's. */
	lang?: string;
	/** True for words kept in the source's own script inside a translation. */
	kept?: boolean;
}

const isChineseTag = (lang: string) => lang.toLowerCase().startsWith('zh');

/** Pieces of `segments` (a text's plain and matched parts), with the language of each where it is not `lang`. */
export function textRuns(segments: readonly Segment[], lang: string): Run[] {
	const chinese = isChineseTag(lang);
	const out: Run[] = [];
	// A snippet may start inside a kept span: its first mark is then a closing one.
	const firstMark = segments.map((s) => s.text).join('').match(/[⟪⟫]/u)?.[0];
	let kept = firstMark === KEEP_CLOSE;
	for (const segment of segments) {
		for (const piece of segment.text.split(/([⟪⟫])/u)) {
			if (piece === KEEP_OPEN) kept = true;
			else if (piece === KEEP_CLOSE) kept = false;
			else if (piece !== '') {
				if (kept) {
					for (const run of scriptRuns(piece)) out.push(run.han ? { text: run.text, mark: segment.mark, lang: 'zh-Hans', kept: true } : { text: run.text, mark: segment.mark, ...(chinese && /[A-Za-z]/.test(run.text) ? { lang: 'en' } : {}) });
				} else if (chinese) {
					for (const run of latinRuns(piece)) out.push({ text: run.text, mark: segment.mark, ...(run.latin ? { lang: 'en' } : {}) });
				} else {
					for (const run of scriptRuns(piece)) out.push({ text: run.text, mark: segment.mark, ...(run.han ? { lang: 'zh' } : {}) });
				}
			}
		}
	}
	return out.filter((r) => r.text !== '');
}

/** The words a result's snippet marks, as its text writes them (its own script, without marks): what the link carries for the reader to mark. */
export function markedWords(segments: readonly Segment[]): string[] {
	return [...new Set(segments.filter((s) => s.mark).map((s) => s.text.replace(/[⟪⟫]/gu, '').trim()).filter(Boolean))];
}

/** Text without the kept-word marks. */
export const unmarked = (text: string) => text.replace(/[⟪⟫]/gu, '');
