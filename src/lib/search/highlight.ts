/**
 * The terms of a query that a document page marks when a search result leads to it (the reader
 * marks them). Uses the search tokens (words, and Chinese character pairs) without the folding
 * tables or the index code, so that this costs nothing on a page's first load.
 */
import { unifiedText } from '../content/unify';
import { tokenize } from './tokenize';

/**
 * Lower-cased query terms worth marking: words of two letters or more, each run of Chinese
 * characters whole (so 王炳章 is marked as one, not as 王炳 and 章), and its character pairs and
 * single characters (which mark the words where the text has them apart).
 */
export function highlightTerms(query: string): string[] {
	const text = query.replace(/["“”「」『』＂]/g, ' ');
	const hanRuns = [...unifiedText(text).matchAll(/\p{Script=Han}{2,}/gu)].map((m) => m[0]);
	return [...new Set([...hanRuns, ...tokenize(text).map((t) => t.toLowerCase())])].filter((t) => t.length > 1 || /\p{Script=Han}/u.test(t));
}
