/**
 * Checks of a Chinese page's interface language, run in the browser: English words may appear
 * only inside elements marked lang="en" (or another non-Chinese language), and a Traditional page
 * holds no Simplified-only character.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import STPhrases from 'opencc-js/dict/STPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** OpenCC's tables: "a b c|d e" entries, the first of each the key, the rest its values. */
const table = (dict: string) => dict.split('|').map((entry) => entry.split(' '));

/**
 * Characters only Simplified writes. The issue's wording ("a key of STCharacters never a value of
 * TSCharacters") selects almost nothing, since TSCharacters' values are the Simplified forms (发 is
 * the value of 發). So: a key of STCharacters (a Simplified form) that is never a Traditional form
 * itself — not a key of TSCharacters, nor in a value of STCharacters or STPhrases (皇后 keeps 后),
 * nor in Taiwan's own tables (TWVariants, TWPhrases: 台, 里). 发, 国, 档 are in; 台, 后, 着 are out.
 */
export const SIMPLIFIED_ONLY: ReadonlySet<string> = (() => {
	const chars = (entries: string[][]) => entries.flatMap(([, ...values]) => [...values.join('')]);
	const traditional = new Set([...table(TSCharacters).map(([key]) => key!), ...chars(table(STCharacters)), ...chars(table(STPhrases)), ...chars(table(TWVariants)), ...chars(table(TWPhrases))]);
	return new Set(table(STCharacters).map(([key]) => key!).filter((key) => !traditional.has(key)));
})();

/**
 * The words the archive's translations keep exactly as the sources write them (⟪…⟫ in the
 * records: names, identifiers, titles, quoted words). They are the sources', not the interface's,
 * so a Traditional page may show 朱利锋 and a name in an accessible label may be Latin.
 */
export function keptWords(archiveDir = 'archive'): string[] {
	const files = [
		...readdirSync(`${archiveDir}/events`).map((f) => `${archiveDir}/events/${f}`),
		...readdirSync(`${archiveDir}/claims`).map((f) => `${archiveDir}/claims/${f}`),
		...readdirSync(`${archiveDir}/documents`).map((d) => `${archiveDir}/documents/${d}/meta.yaml`),
		`${archiveDir}/site.yaml`
	];
	const kept = new Set<string>();
	for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/⟪([^⟫]*)⟫/g)) kept.add(m[1]!);
	// Longest first, so that a kept phrase is removed before a shorter one inside it.
	return [...kept].sort((a, b) => b.length - a.length);
}

const KEPT = keptWords();
const withoutKept = (text: string) => KEPT.reduce((t, word) => t.split(word).join(' '), text);

export interface LanguageSlip {
	/** The text (or attribute) as found. */
	text: string;
	/** Where: the element's tag and class, or the attribute's name. */
	where: string;
	attribute?: boolean;
}

/**
 * Visible text and spoken attributes (aria-label, placeholder, title, alt) whose inherited language
 * is Chinese and which contain a run of two or more Latin letters: English interface words left
 * unmarked. Hidden elements count when a screen reader reads them (visually-hidden does). Labels
 * and the page title cannot mark a run's language, so in a label only Latin outside the kept
 * words counts, and the title is not checked.
 */
export async function englishInChinese(page: Page): Promise<LanguageSlip[]> {
	// A string, not a function: the test runner's transform would name inner functions with a helper the page lacks.
	const slips: LanguageSlip[] = await page.evaluate(`(() => {
		const slips = [];
		const latin = /[A-Za-z]{2,}/;
		const chineseAt = (el) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('zh');
		const describe = (el) => el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
		const shown = (el) => {
			if (el.closest('[hidden], [aria-hidden="true"], script, style, noscript, template')) return false;
			const style = getComputedStyle(el);
			return style.display !== 'none' && style.visibility !== 'hidden';
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			const text = node.textContent ?? '';
			if (!el || !latin.test(text) || !chineseAt(el) || !shown(el)) continue;
			slips.push({ text: text.trim().slice(0, 80), where: describe(el) });
		}
		for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]')) {
			if (!chineseAt(el) || el.closest('head')) continue;
			for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
				const value = el.getAttribute(name);
				if (value && latin.test(value)) slips.push({ text: value, where: describe(el) + '[' + name + ']', attribute: true });
			}
		}
		return slips;
	})()`);
	// An accessible label is one string and cannot mark a run's language: Latin in it is a slip only outside the words kept from the sources.
	return slips.filter((slip) => !slip.attribute || /[A-Za-z]{2,}/.test(withoutKept(slip.text))).map(({ text, where }) => ({ text: text.slice(0, 80), where }));
}

/** Simplified-only characters in a page's text outside the sources' own words (elements marked data-source-text or lang="zh-Hans", and the words the records keep). */
export async function simplifiedOnlyIn(page: Page, ownWordsSelector = '[data-source-text], [lang="zh-Hans"]'): Promise<string[]> {
	const text: string = await page.evaluate(`(() => {
		const skip = ${JSON.stringify(ownWordsSelector)};
		const parts = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (!el || el.closest(skip) || el.closest('script, style')) continue;
			parts.push(node.textContent ?? '');
		}
		for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) if (!el.closest(skip)) parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
		// Not the page title: it cannot mark a source's own title (a Chinese document's is shown as the source writes it).
		return parts.join('\\n');
	})()`);
	return [...new Set([...withoutKept(text)].filter((ch) => SIMPLIFIED_ONLY.has(ch)))];
}
