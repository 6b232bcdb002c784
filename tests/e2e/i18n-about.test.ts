/**
 * The about page in both Chinese interfaces, and the one 404 page a static host serves for every
 * missing address: without JavaScript it says its message in all three languages, each in its own
 * lang with links into its own interface; with JavaScript the reader's language (the address's
 * prefix) comes first, and the page is in that language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, simplifiedOnlyIn } from './interface-language';

/** The not-found blocks in page order: their language, heading and link targets. */
const blocks = (page: Page) =>
	page.locator('.not-found').evaluateAll((els) =>
		els.map((el) => ({ lang: el.getAttribute('lang'), heading: el.querySelector('h1, h2')?.textContent, level: el.querySelector('h1, h2')?.tagName, links: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')) }))
	);

describe('about and not found in the Chinese interfaces', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
		// The browser-side checks are compiled by tsx, which names functions with a helper the page lacks.
		await site.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	});
	after(async () => site?.close());

	for (const [locale, heading, section, status, date] of [
		['zh-hans', '关于本档案', '存档状态', '原件已存档', '2002年6月'],
		['zh-hant', '關於本檔案', '存檔狀態', '原件已存檔', '2002年6月']
	] as const) {
		it(`/${locale}/about says the archive's method in its language`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.goto(`${site.origin}/${locale}/about`, { waitUntil: 'networkidle' });
			assert.equal(await page.locator('h1').textContent(), heading);
			await page.getByRole('heading', { name: section }).waitFor();
			assert.equal(await page.locator('dt').first().textContent(), status);
			assert.match(await page.locator('#dates + p').textContent() ?? '', new RegExp(`“${date}”`));
			assert.equal(await page.locator(`#claims + p a[href="/${locale}/claims"]`).count(), 1);
			assert.deepEqual(await englishInChinese(page), []);
			if (locale === 'zh-hant') assert.deepEqual(await simplifiedOnlyIn(page), []);
			assert.deepEqual(await axeViolations(page), []);
			assert.deepEqual(errors, []);
		});
	}

	it('without JavaScript, the 404 page says its message in all three languages', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const path of ['/zh-hans/no-such-page', '/zh-hant/events/no-such-event']) {
			const response = await page.goto(site.origin + path);
			assert.equal(response?.status(), 404);
			assert.deepEqual(await blocks(page), [
				{ lang: 'en', heading: 'Page not found', level: 'H1', links: ['/archive', '/'] },
				{ lang: 'zh-Hans', heading: '未找到页面', level: 'H2', links: ['/zh-hans/archive', '/zh-hans'] },
				{ lang: 'zh-Hant', heading: '未找到頁面', level: 'H2', links: ['/zh-hant/archive', '/zh-hant'] }
			]);
		}
		await context.close();
	});

	it('with JavaScript, the 404 page shows the reader’s language first', async () => {
		const { page } = await watchedPage(site);
		const response = await page.goto(`${site.origin}/zh-hant/no-such-page`, { waitUntil: 'networkidle' });
		assert.equal(response?.status(), 404);
		await page.waitForFunction(() => document.querySelector('.not-found')?.getAttribute('lang') === 'zh-Hant');
		assert.deepEqual((await blocks(page)).map((b) => [b.lang, b.level]), [['zh-Hant', 'H1'], ['en', 'H2'], ['zh-Hans', 'H2']]);
		assert.equal(await page.locator('h1').textContent(), '未找到頁面');
		assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
		assert.match(await page.title(), /^未找到頁面｜/);
		assert.deepEqual(await englishInChinese(page), []);
		assert.deepEqual(await simplifiedOnlyIn(page), []);

		await page.goto(`${site.origin}/zh-hans/events/no-such-event`, { waitUntil: 'networkidle' });
		await page.waitForFunction(() => document.querySelector('.not-found')?.getAttribute('lang') === 'zh-Hans');
		assert.equal(await page.locator('h1').textContent(), '未找到页面');
		assert.deepEqual(await englishInChinese(page), []);
	});
});
