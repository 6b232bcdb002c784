/**
 * The terms of a query that a document page marks when a search result leads to it (the reader
 * marks them). Uses the search tokens (words, and Chinese character pairs) without the folding
 * tables or the index code, so that this costs nothing on a page's first load.
 */
import { tokenize } from './tokenize';

/** Lower-cased query terms worth marking: words of two letters or more, Chinese pairs and single characters. */
export function highlightTerms(query: string): string[] {
	return [...new Set(tokenize(query.replace(/"/g, ' ')).map((t) => t.toLowerCase()))].filter((t) => t.length > 1 || /\p{Script=Han}/u.test(t));
}

