/**
 * Marking a query's terms in a document's text, on the page a search result leads to. Uses the
 * search tokens (words, and Chinese character pairs) without the folding tables, so that this
 * costs nothing on a page's first load.
 */
import { matchRanges, segments, type Segment } from './query';
import { tokenize } from './tokenize';

const identity = (s: string) => s;

/** Lower-cased query terms worth marking: words of two letters or more, Chinese pairs and single characters. */
export function highlightTerms(query: string): string[] {
	return [...new Set(tokenize(query.replace(/"/g, ' ')).map((t) => t.toLowerCase()))].filter((t) => t.length > 1 || /\p{Script=Han}/u.test(t));
}

export function highlight(text: string, terms: readonly string[]): Segment[] {
	return terms.length === 0 ? [{ text, mark: false }] : segments(text, matchRanges(text, terms, identity));
}
