/**
 * Splitting an archived text into the numbered paragraphs that `#p-<n>` anchors point at. A
 * document's `paragraphs.startPattern` is archive content, so it is run by RE2JS, a linear-time
 * engine without backtracking: no pattern can make the build run for hours ("^(a+)+$" on a
 * long line takes microseconds, not aeons). RE2 syntax has no lookaround or backreferences.
 */
import { RE2JS } from 're2js';
import { stripEmphasis } from '../lib/content/text';

export interface ParagraphRule {
	split: 'blank-line' | 'line';
	startPattern?: string;
	stripEmphasis?: boolean;
}

/** The error RE2 gives for a pattern it cannot compile, or null when it compiles. */
export function startPatternError(source: string): string | null {
	try {
		RE2JS.compile(source);
		return null;
	} catch (error) {
		return (error as Error).message;
	}
}

/**
 * Splits text into paragraphs. Lines keep their own whitespace (GPO texts are fixed-width);
 * leading and trailing blank lines are dropped.
 * @example splitParagraphs('a\nb\n\nc', { split: 'blank-line' }) // ['a\nb', 'c']
 */
export function splitParagraphs(text: string, rule: ParagraphRule): string[] {
	const start = rule.startPattern ? RE2JS.compile(rule.startPattern) : null;
	const paragraphs: string[] = [];
	let current: string[] = [];
	const flush = () => {
		if (current.length > 0) paragraphs.push(current.join('\n').trimEnd());
		current = [];
	};
	for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
		if (line.trim() === '') {
			flush();
			continue;
		}
		if (rule.split === 'line' || (start && start.matcher(line).find())) flush();
		current.push(line);
	}
	flush();
	return rule.stripEmphasis ? paragraphs.map(stripEmphasis) : paragraphs;
}
