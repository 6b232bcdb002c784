/**
 * Accessibility: axe-core finds no violation on any page template, and the main journeys work
 * from the keyboard alone with a visible focus.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { openSite, watchedPage, type Site } from './harness';
import { TEMPLATES } from './templates';


/** Presses Tab (or Shift+Tab) until the focused element matches `selector`; fails after `limit` presses. Checks the focus is visible at each stop. */
async function tabTo(page: Page, selector: string, limit = 250, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press(key);
		const state = await page.evaluate((sel) => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return { match: false, visible: true };
			const style = getComputedStyle(el);
			// An outline or a shadow; a chart mark shows its focus by a thick stroke on its symbol instead.
			const ring =
				(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
				style.boxShadow !== 'none' ||
				(el instanceof SVGElement && [...el.querySelectorAll('*')].some((c) => parseFloat(getComputedStyle(c).strokeWidth) >= 3));
			return { match: el.matches(sel), visible: ring, what: el.outerHTML.slice(0, 120) };
		}, selector);
		assert.ok(state.visible, `focus is visible on ${state.what}`);
		if (state.match) return;
	}
	assert.fail(`no element matching ${selector} within ${limit} presses of Tab`);
}

describe('accessibility', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	for (const [name, path] of TEMPLATES) {
		it(`axe finds no violation on ${name} (${path})`, async () => {
			const { page } = await watchedPage(site);
			await page.goto(site.origin + path, { waitUntil: 'networkidle' });
			if (path.startsWith('/search')) await page.locator('.hit').first().waitFor();
			assert.deepEqual(await axeViolations(page), []);
		});
	}

	it('timeline → event → document → cite, from the keyboard alone', async () => {
		const { page, errors } = await watchedPage(site);
		await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.origin).origin });
		await page.goto(`${site.origin}/timeline?from=2001&to=2003`);
		await page.locator('.timeline[data-ready="true"]').waitFor();
		await tabTo(page, '.timeline .mark[tabindex="0"]');
		await page.keyboard.press('Enter');
		await page.locator('.timeline .details h2').waitFor();
		await tabTo(page, '.timeline .details .source a[href*="/archive/"]');
		const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.pathname === new URL(href!, site.origin).pathname);
		await page.locator('h1').waitFor();
		// Focus starts at the cited paragraph; back up to the page's own contents list.
		await tabTo(page, 'a[href="#cite-h"]', 250, 'Shift+Tab');
		await page.keyboard.press('Enter');
		await tabTo(page, 'button[data-copy="chicago"]', 20);
		await page.keyboard.press('Enter');
		await page.getByText('Copied to the clipboard.').waitFor();
		assert.match(await page.evaluate(() => navigator.clipboard.readText()), /Wang Bingzhang case archive/);
		assert.deepEqual(errors, []);
	});

	it('search → result → the marked place, from the keyboard alone', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/`);
		await tabTo(page, '.site-search input');
		await page.keyboard.type('blindfolded');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/search?q=blindfolded');
		await page.locator('.hit').first().waitFor();
		await tabTo(page, '.hit a.title');
		await page.keyboard.press('Enter');
		await page.waitForURL('**/archive/**?q=blindfolded#p-*');
		const mark = page.locator('li:target mark').first();
		await mark.waitFor();
		assert.equal((await mark.textContent())?.toLowerCase(), 'blindfolded');
		assert.ok(await mark.isVisible());
		assert.deepEqual(errors, []);
	});

	it('has a skip link, one main landmark, headings in order, and Chinese text marked as such', async () => {
		const { page } = await watchedPage(site);
		for (const [, path] of TEMPLATES) {
			await page.goto(site.origin + path);
			// The first thing in the tab order is the skip link (the search page then focuses its box).
			const first = await page.evaluate(() => document.querySelector('a[href], button, input, select, textarea, [tabindex]')?.textContent?.trim());
			assert.equal(first, 'Skip to content', path);
			assert.equal(await page.locator('main').count(), 1, path);
			const levels = await page.locator('main :is(h1, h2, h3, h4)').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
			assert.equal(levels[0], 1, `${path} starts with h1`);
			levels.forEach((level, i) => assert.ok(i === 0 || level <= levels[i - 1]! + 1, `${path}: h${level} after h${levels[i - 1]}`));
			const unmarked = await page.evaluate(() => {
				const out: string[] = [];
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				for (let n = walker.nextNode(); n; n = walker.nextNode()) {
					if (!/\p{Script=Han}/u.test(n.textContent ?? '') || n.parentElement?.closest('script, style')) continue;
					const lang = n.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
					if (!lang.startsWith('zh')) out.push((n.textContent ?? '').trim().slice(0, 40));
				}
				return out;
			});
			assert.deepEqual(unmarked, [], `${path}: Chinese text without lang="zh…"`);
		}
	});
});
