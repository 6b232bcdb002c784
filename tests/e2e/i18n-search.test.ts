/**
 * Search in the Chinese interfaces: Traditional and Simplified labels, the archive's translations
 * found (绑架 finds the abduction), a Traditional query finding Simplified sources, results leading
 * into the reader's interface and onto the marked passage, bad and empty queries said in Chinese,
 * the page without JavaScript, and no English or Simplified-only text left unmarked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, simplifiedOnlyIn } from './interface-language';

/**
 * Characters SIMPLIFIED_ONLY lists that Traditional writes too, in words OpenCC's own phrase
 * table keeps (皇后, 若干, 獲准): the archive's Traditional summaries have them. Not a slip.
 */
const TRADITIONAL_TOO = new Set(['后', '干', '准']);

/** Waits until the status line answers exactly this query. */
async function answered(page: Page, query: string) {
	await page.waitForFunction((q) => document.querySelector('.status q.literal')?.textContent === q, query, { timeout: 15_000 });
}

const hrefs = (page: Page, selector: string) => page.locator(selector).evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));

describe('search in the Chinese interfaces', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
		// tsx names the functions it compiles with a helper the page lacks; page.evaluate needs it there.
		await site.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
	});
	after(async () => site?.close());

	it('/zh-hant/search has Traditional labels, finds 王炳章, and its result lands on the marked passage', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/zh-hant/search?q=${encodeURIComponent('王炳章')}`);
		await answered(page, '王炳章');
		assert.equal(await page.locator('h1').textContent(), '搜尋本檔案');
		assert.match((await page.locator('label[for="q"]').textContent()) ?? '', /^詞語、/);
		assert.match((await page.locator('.status').textContent()) ?? '', /找到與.*王炳章.*相符的\d+個事件、\d+份文件/);
		assert.equal(await page.locator('#docs-h').textContent(), '文件');
		assert.equal(await page.locator('#events-h').textContent(), '事件');
		assert.equal(await page.locator('#claims-h').textContent(), '主張');
		const links = await hrefs(page, '.hit a.title');
		assert.ok(links.length > 0 && links.every((h) => h.startsWith('/zh-hant/')), links.join(' '));
		assert.deepEqual(await englishInChinese(page), []);
		assert.deepEqual((await simplifiedOnlyIn(page)).filter((c) => !TRADITIONAL_TOO.has(c)), []);

		const passage = page.locator('#docs-h + ul a.title[href*="#p-"]').first();
		const href = (await passage.getAttribute('href'))!;
		const paragraph = /#p-(\d+)$/.exec(href)![1];
		assert.match(href, /^\/zh-hant\/archive\/[a-z0-9-]+\?q=[^#]+#p-\d+$/);
		await passage.click();
		await page.waitForURL((url) => url.pathname.startsWith('/zh-hant/archive/') && url.hash === `#p-${paragraph}`);
		const target = page.locator(`[id="p-${paragraph}"]`);
		await target.locator('mark').first().waitFor();
		assert.equal(await target.locator('mark').first().textContent(), '王炳章');
		assert.ok(await target.isVisible());
		assert.deepEqual(errors, []);
	});

	it('a Traditional query 中國之春 finds the Simplified documents that 中国之春 finds, their words marked as the sources write them', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/zh-hant/search?q=${encodeURIComponent('中国之春')}`);
		await answered(page, '中国之春');
		const simplified = await hrefs(page, '#docs-h + ul a.title');
		await page.locator('#q').fill('中國之春');
		await answered(page, '中國之春');
		const traditional = await hrefs(page, '#docs-h + ul a.title');
		assert.ok(traditional.length > 0);
		assert.deepEqual(traditional.map((h) => h.split('?')[0]), simplified.map((h) => h.split('?')[0]));
		// A source's passage keeps its Simplified, marked as its own words; the archive's words come in Traditional.
		const marks = await page.locator('#docs-h + ul .snippet mark').evaluateAll((ms) => ms.map((m) => ({ text: m.textContent, source: m.closest('[data-source-text]') !== null })));
		assert.ok(marks.some((m) => m.source && m.text === '中国之春'), JSON.stringify(marks));
		assert.ok(marks.some((m) => !m.source && m.text === '中國之春'), JSON.stringify(marks));
		assert.deepEqual(await englishInChinese(page), []);
		assert.deepEqual((await simplifiedOnlyIn(page)).filter((c) => !TRADITIONAL_TOO.has(c)), []);
		assert.deepEqual(errors, []);
	});

	it('/zh-hans/search finds the abduction by 绑架 in the archive’s translation, and a bad or empty query says so in Chinese', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/zh-hans/search?q=${encodeURIComponent('绑架')}`);
		await answered(page, '绑架');
		assert.equal(await page.locator('h1').textContent(), '搜索本档案');
		const abduction = page.locator('#events-h + ul a.title[href="/zh-hans/events/abduction-2002"]');
		assert.equal(await abduction.textContent(), '在越南被绑架并带入中国');
		assert.deepEqual(await englishInChinese(page), []);
		await page.locator('#q').fill('😀 "');
		await answered(page, '😀 "');
		assert.match((await page.locator('.status').textContent()) ?? '', /没有可搜索的内容：请输入词语、人名或数字。/);
		await page.locator('#q').fill('xyzzyqq');
		await answered(page, 'xyzzyqq');
		assert.equal((await page.locator('.status').textContent())?.trim(), '没有找到与xyzzyqq相符的结果');
		assert.deepEqual(await englishInChinese(page), []);
		assert.deepEqual(errors, []);
	});

	it('without JavaScript, the Chinese search pages say that search needs it and lead to the archive and the timeline', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		for (const [prefix, text] of [
			['/zh-hans', /^搜索在您的浏览器中运行，需要JavaScript。/],
			['/zh-hant', /^搜尋在您的瀏覽器中執行，需要JavaScript。/]
		] as const) {
			const page = await context.newPage();
			await page.goto(`${site.origin}${prefix}/search?q=${encodeURIComponent('王炳章')}`);
			const notice = page.locator('noscript .notice, .notice').first();
			assert.match((await notice.textContent()) ?? '', text);
			assert.equal(await notice.locator('span[lang="en"]').textContent(), 'JavaScript');
			assert.deepEqual(await hrefs(page, '.notice a'), [`${prefix}/archive`, `${prefix}/timeline`]);
			await page.close();
		}
		await context.close();
	});
});
