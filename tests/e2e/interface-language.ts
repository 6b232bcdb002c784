/**
 * Checks of a Chinese page's interface language, run in the browser: English words may appear
 * only inside elements marked lang="en" (or another non-Chinese language), and a Traditional page
 * holds no Simplified-only character.
 */
import STCharacters from 'opencc-js/dict/STCharacters';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWPhrases from 'opencc-js/dict/TWPhrases';
import TWVariants from 'opencc-js/dict/TWVariants';
import type { Page } from 'playwright-core';

/** OpenCC's tables: "a b c|d e" entries, the first of each the key, the rest its values. */
const table = (dict: string) => dict.split('|').map((entry) => entry.split(' '));

/**
 * Characters only Simplified writes. The issue's wording ("a key of STCharacters never a value of
 * TSCharacters") selects almost nothing, since TSCharacters' values are the Simplified forms (发 is
 * the value of 發). So: a key of STCharacters (a Simplified form) that is neither a Traditional
 * form itself (a key of TSCharacters, a value of STCharacters) nor a form Taiwan's own tables use
 * (TWVariants, TWPhrases: 台, 里). 发, 国, 档 are in; 台, 里, 着 are out.
 */
export const SIMPLIFIED_ONLY: ReadonlySet<string> = (() => {
	const traditional = new Set([...table(TSCharacters).map(([key]) => key!), ...table(STCharacters).flatMap(([, ...values]) => values)]);
	const taiwan = new Set([...table(TWVariants), ...table(TWPhrases)].flatMap(([, ...values]) => [...values.join('')]));
	return new Set(table(STCharacters).map(([key]) => key!).filter((key) => !traditional.has(key) && !taiwan.has(key)));
})();

export interface LanguageSlip {
	/** The text (or attribute) as found. */
	text: string;
	/** Where: the element's tag and class, or the attribute's name. */
	where: string;
}

/**
 * Visible text and spoken attributes (aria-label, placeholder, title, alt) whose inherited language
 * is Chinese and which contain a run of two or more Latin letters: English interface words left
 * unmarked. Hidden elements count when a screen reader reads them (visually-hidden does). The
 * page title cannot carry a language mark, so it is not checked here.
 */
export async function englishInChinese(page: Page): Promise<LanguageSlip[]> {
	return page.evaluate(() => {
		const slips: { text: string; where: string }[] = [];
		const latin = /[A-Za-z]{2,}/;
		const chineseAt = (el: Element | null) => (el?.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('zh');
		const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
		const shown = (el: Element) => {
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
				if (value && latin.test(value)) slips.push({ text: value.slice(0, 80), where: `${describe(el)}[${name}]` });
			}
		}
		return slips;
	});
}

/** Simplified-only characters in a page's Chinese interface text (everything not inside a source's own words). */
export async function simplifiedOnlyIn(page: Page, ownWordsSelector = '[data-source-text], [lang="zh-Hans"]'): Promise<string[]> {
	const text: string = await page.evaluate((skip) => {
		const parts: string[] = [];
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const el = node.parentElement;
			if (!el || el.closest(skip) || el.closest('script, style')) continue;
			parts.push(node.textContent ?? '');
		}
		for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) if (!el.closest(skip)) parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('placeholder') ?? '', el.getAttribute('title') ?? '');
		return parts.join('\n') + '\n' + document.title;
	}, ownWordsSelector);
	return [...new Set([...text].filter((ch) => SIMPLIFIED_ONLY.has(ch)))];
}
