/**
 * Search as a journalist uses it: typing, results with marked terms, landing on the marked
 * passage, Chinese in either script, bad input, the header's box, and the archive's facets
 * with and without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/content/manifest';
import { openSite, watchedPage, type Site } from './harness';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();

/** Types a query and waits until the results (or "No results") for exactly that query are shown. */
async function searchFor(page: Page, query: string) {
	await page.locator('#q').fill(query);
	await page.waitForFunction((q) => document.querySelector('.status q.literal')?.textContent === q, query, { timeout: 15_000 });
}

describe('search', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('shows results with the matched words marked as you type, and the URL follows', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/search`);
		await searchFor(page, 'Napolitano');
		assert.equal(new URL(page.url()).searchParams.get('q'), 'Napolitano');
		const first = page.locator('#docs-h + ul .hit').first();
		assert.match((await first.locator('a.title').getAttribute('href')) ?? '', /\/archive\/(hconres326-108-[a-z-]+\?q=Napolitano#p-\d+|house-roll-call-151-2004\?q=Napolitano#member-N000179)$/);
		assert.deepEqual(await first.locator('mark').allTextContents(), ['Napolitano']);
		assert.ok((await page.locator('#events-h + ul .hit').count()) > 0);
		assert.deepEqual(errors, []);
	});

	it('keeps the words a reader typed before the page’s script started, and searches them', async () => {
		const { page, errors } = await watchedPage(site);
		// The page's script held back until the reader has typed, as on a slow phone.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/entry/start.*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${site.origin}/search`, { waitUntil: 'domcontentloaded' });
		await page.locator('#q').fill('Napolitano');
		release();
		await page.waitForFunction(() => document.querySelector('.status q.literal')?.textContent === 'Napolitano', undefined, { timeout: 15_000 });
		assert.equal(await page.locator('#q').inputValue(), 'Napolitano');
		assert.deepEqual(errors, []);
	});

	it('lands on the marked passage when a result is followed', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/search?q=blindfolded`);
		await page.waitForFunction(() => document.querySelector('.status q.literal')?.textContent === 'blindfolded');
		const link = page.locator('a.title[href*="/archive/hconres326-108-rfs"]');
		const href = (await link.getAttribute('href'))!;
		const paragraph = /#p-(\d+)$/.exec(href)![1];
		await link.click();
		await page.waitForURL(`**/archive/hconres326-108-rfs?q=blindfolded#p-${paragraph}`);
		const target = page.locator(`[id="p-${paragraph}"]`);
		await target.locator('mark').first().waitFor();
		assert.equal((await target.locator('mark').first().textContent())?.toLowerCase(), 'blindfolded');
		assert.ok(await target.isVisible());
		assert.deepEqual(errors, []);
	});

	it('finds Chinese names, titles and the judgment number, in Simplified and Traditional script', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/search`);
		const found: Record<string, string[]> = {};
		for (const q of ['中国之春', '中國之春', '王炳章', '(2003)深中法刑一初字第41号']) {
			await searchFor(page, q);
			found[q] = await page.locator('.hit a.title').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
			assert.ok(found[q]!.length > 0, `nothing found for ${q}`);
		}
		assert.deepEqual(found['中國之春']!.map((h) => h.split('?')[0]), found['中国之春']!.map((h) => h.split('?')[0]));
		assert.ok(found['(2003)深中法刑一初字第41号']!.some((h) => h.includes('/archive/shenzhen-judgment-2003')));
		assert.deepEqual(errors, []);
	});

	it('takes bad input without a crash, a console error or a script running, and shows the query literally', async () => {
		const { page, errors } = await watchedPage(site);
		const dialogs: string[] = [];
		page.on('dialog', (d) => {
			dialogs.push(d.message());
			void d.dismiss();
		});
		await page.goto(`${site.origin}/search`);
		for (const q of ['x'.repeat(10_000), '.*+?^${}()|[]\\', '<img src=x onerror=alert(1)>', '<script>alert(2)</script>', '😀 emoji', '"unbalanced', 'a "b']) {
			await searchFor(page, q);
		}
		await page.locator('#q').fill('');
		await page.waitForFunction(() => !document.querySelector('.status q.literal'));
		assert.equal(await page.locator('img[src="x"]').count(), 0);
		assert.deepEqual(dialogs, []);
		assert.deepEqual(errors, []);
	});

	it('the search box in the header of any page leads to the results', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/about`);
		await page.getByRole('searchbox', { name: 'Search the archive' }).fill('Guterres');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/search\?q=Guterres/);
		await page.waitForFunction(() => document.querySelector('.status q.literal')?.textContent === 'Guterres');
		assert.ok((await page.locator('.hit').count()) > 0);
		assert.deepEqual(errors, []);
	});

	it('without JavaScript, a facet on /archive leads to a page of only the matching documents', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.origin}/archive`);
		await page.locator('.facets a', { hasText: 'Catalogue record (original not archived)' }).click();
		await page.waitForURL('**/archive/status/catalogue');
		const expected = manifest.documents.filter((d) => d.status === 'catalogue').length;
		assert.equal(await page.locator('tbody tr').count(), expected);
		assert.equal(await page.locator('tbody .tag', { hasNotText: 'Catalogue record' }).count(), 0);
		await context.close();
	});

	it('with JavaScript, facets combine and the URL carries them', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive`);
		await page.locator('.facets a', { hasText: /^Primary source$/ }).click();
		await page.waitForURL('**/archive?source=primary');
		await page.locator('.facets a', { hasText: /^2000s$/ }).click();
		await page.waitForURL(/\/archive\?source=primary&decade=2000s$/);
		const expected = manifest.documents.filter((d) => d.primary && d.date?.startsWith('200')).length;
		await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length === n, expected);
		assert.ok(expected > 0);
		assert.deepEqual(errors, []);
	});
});
