/**
 * The archive list and its facet pages in the Chinese interfaces: headings, facet names, labels
 * and the status line in the page's language and script, English (titles and issuers of English
 * sources) only inside lang="en", no Simplified-only character in a Traditional page's own words,
 * and, with JavaScript, facets that combine without leaving the reader's interface.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, simplifiedOnlyIn } from './interface-language';

describe('the archive in Chinese', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => {
		await site?.close();
	});

	const pages: [string, { h1: RegExp; facets: string[]; header: string[]; summary: RegExp; traditional: boolean }][] = [
		['/zh-hans/archive', { h1: /^档案$/, facets: ['类型', '来源', '年代', '状态'], header: ['日期', '文件', '类型', '状态'], summary: /^\d+份文件中的\d+份。$/, traditional: false }],
		['/zh-hant/archive', { h1: /^檔案$/, facets: ['類型', '來源', '年代', '狀態'], header: ['日期', '文件', '類型', '狀態'], summary: /^\d+份文件中的\d+份。$/, traditional: true }],
		['/zh-hans/archive/kind/court-judgment', { h1: /^类型：法院判决书$/, facets: ['类型', '来源', '年代', '状态'], header: ['日期', '文件', '类型', '状态'], summary: /^\d+份文件中的1份：法院判决书。$/, traditional: false }],
		['/zh-hant/archive/decade/2000s', { h1: /^年代：2000年代$/, facets: ['類型', '來源', '年代', '狀態'], header: ['日期', '文件', '類型', '狀態'], summary: /^\d+份文件中的\d+份：2000年代。$/, traditional: true }]
	];
	for (const [path, expected] of pages) {
		it(`${path} reads in its interface’s language and script`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.goto(`${site.origin}${path}`);
			await page.waitForFunction(() => document.querySelector('.facets a[aria-current], .facets h2'));
			assert.match((await page.locator('h1').textContent()) ?? '', expected.h1);
			assert.deepEqual(await page.locator('.facets h2').allTextContents(), expected.facets);
			assert.deepEqual(await page.locator('thead th').allTextContents(), expected.header);
			assert.match(((await page.locator('.summary').textContent()) ?? '').trim(), expected.summary);
			assert.equal(await page.locator('.facets').getAttribute('aria-label'), expected.traditional ? '篩選文件' : '筛选文件');
			// Facet links stay in the interface, with the URL values English pages use.
			const prefix = path.slice(0, 8);
			assert.ok((await page.locator('.facets a').evaluateAll((as, p) => as.every((a) => a.getAttribute('href')!.startsWith(`${p}/archive`)), prefix)) === true);
			assert.equal(await page.locator(`.facets a[href="${prefix}/archive/decade/2000s"]`).textContent(), '2000年代');
			assert.deepEqual(await englishInChinese(page), []);
			if (expected.traditional) assert.deepEqual(await simplifiedOnlyIn(page), []);
			assert.deepEqual(errors, []);
			await page.close();
		});
	}

	it('with JavaScript, facets combine on /zh-hant/archive and the status line and the clear link are Traditional', async () => {
		const { page, errors } = await watchedPage(site);
		// Once the page has hydrated (its scripts loaded), a facet's click filters in place instead of following its link.
		await page.goto(`${site.origin}/zh-hant/archive`, { waitUntil: 'networkidle' });
		await page.locator('.facets a', { hasText: /^原始來源$/ }).click();
		await page.waitForURL('**/zh-hant/archive?source=primary');
		await page.locator('.facets a', { hasText: /^2000年代$/ }).click();
		await page.waitForURL(/\/zh-hant\/archive\?source=primary&decade=2000s$/);
		await page.waitForFunction(() => /^\d+份文件中的\d+份：原始來源、2000年代。$/.test(document.querySelector('.summary')?.textContent?.trim() ?? ''));
		await page.getByRole('link', { name: '清除所有篩選條件' }).click();
		await page.waitForURL(/\/zh-hant\/archive$/);
		assert.deepEqual(await simplifiedOnlyIn(page), []);
		assert.deepEqual(errors, []);
		await page.close();
	});
});
