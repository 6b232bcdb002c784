/**
 * The document page in the two Chinese interfaces, one page of each kind: a text held in part (the
 * resolution), a catalogue record of a Chinese document (the judgment), a data record's table (the
 * roll call). Headings and labels in the page's language, no English outside lang="en", no
 * Simplified-only character on a Traditional page beyond the source's own words; Cite this with
 * GB/T 7714-2015 first, copied in the page's language; and the prerendered page without JavaScript.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { keptSpans } from '../../src/lib/content/translation';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, SIMPLIFIED_ONLY, simplifiedOnlyIn } from './interface-language';

const LOCALES = [
	{ prefix: '/zh-hans', headings: ['关于本文件', '本档案存有什么', '引用本文件', '记录'], copied: '已复制到剪贴板。', copy: '复制 GB/T 7714', site: '王炳章案档案' },
	{ prefix: '/zh-hant', headings: ['關於本文件', '本檔案存有什麼', '引用本文件', '記錄'], copied: '已複製到剪貼簿。', copy: '複製 GB/T 7714', site: '王炳章案檔案' }
] as const;

const PAGES = [
	{ id: 'hconres326-108-rfs', more: { '/zh-hans': ['存档摘录'], '/zh-hant': ['存檔摘錄'] }, code: 'Z' },
	{ id: 'shenzhen-judgment-2003', more: { '/zh-hans': ['已知其所载内容', '引用本文件的事件'], '/zh-hant': ['已知其所載內容', '引用本文件的事件'] }, code: 'Z' },
	{ id: 'house-roll-call-151-2004', more: { '/zh-hans': ['数据记录（表格形式）'], '/zh-hant': ['資料記錄（表格形式）'] }, code: 'Z' }
] as const;

/**
 * Words a record keeps as its sources write them (names, titles, case numbers, marked ⟪…⟫ in its
 * translation) and the document's own title stay Simplified on a Traditional page: the pipeline
 * does not yet mark them on the page, and the page's title cannot carry a mark at all.
 */
function keptCharacters(id: string): Set<string> {
	const meta = parse(readFileSync(`archive/documents/${id}/meta.yaml`, 'utf8')) as { originalTitle?: { text: string }; 'zh-Hans'?: unknown };
	const kept: string[] = [meta.originalTitle?.text ?? ''];
	const walk = (value: unknown): void => {
		if (typeof value === 'string') kept.push(...keptSpans(value).filter((s) => s.kept).map((s) => s.text));
		else if (value && typeof value === 'object') Object.values(value).forEach(walk);
	};
	walk(meta['zh-Hans']);
	return new Set([...kept.join('')].filter((c) => SIMPLIFIED_ONLY.has(c)));
}

const headings = (page: Page) => page.locator('h1, h2, h3').allTextContents();

describe('the document page in Chinese', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
		// esbuild (tsx) names the helpers' inner functions with __name, which the page lacks.
		await site.context.addInitScript({ content: 'window.__name = (f) => f;' });
		await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.origin).origin });
	});
	after(async () => site?.close());

	for (const locale of LOCALES) {
		it(`${locale.prefix}: headings, labels and Cite this in the page's language, English only inside lang="en"`, async () => {
			for (const doc of PAGES) {
				const { page, errors } = await watchedPage(site);
				await page.goto(`${site.origin}${locale.prefix}/archive/${doc.id}`, { waitUntil: 'networkidle' });
				const found = await headings(page);
				for (const heading of [...locale.headings, ...doc.more[locale.prefix]]) assert.ok(found.some((h) => h.trim() === heading), `${doc.id}: "${heading}" in ${JSON.stringify(found)}`);
				// GB/T 7714-2015 first, with the site's Chinese name and the date of citing (today, once the page runs).
				assert.equal(await page.locator('.cite-text').first().getAttribute('data-format'), 'gbt');
				const gbt = (await page.locator('#cite-gbt').textContent()) ?? '';
				assert.match(gbt, new RegExp(`\\[${doc.code}/OL\\]\\. ${locale.site}, \\(\\d{4}-\\d{2}-\\d{2}\\)\\[\\d{4}-\\d{2}-\\d{2}\\]\\. http://127\\.0\\.0\\.1:\\d+${locale.prefix}/archive/${doc.id}\\.$`));
				assert.deepEqual(await englishInChinese(page), [], `${locale.prefix}/archive/${doc.id}`);
				if (locale.prefix === '/zh-hant') {
					const kept = keptCharacters(doc.id);
					assert.deepEqual((await simplifiedOnlyIn(page)).filter((c) => !kept.has(c)), [], `${locale.prefix}/archive/${doc.id}`);
				}
				assert.deepEqual(errors, []);
				await page.close();
			}
		});
	}

	it('copies the GB/T reference and says so in Chinese; the English formats stay English, pointing at the Chinese page', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/zh-hant/archive/shenzhen-judgment-2003`, { waitUntil: 'networkidle' });
		await page.getByRole('button', { name: LOCALES[1].copy }).click();
		await page.getByText(LOCALES[1].copied).first().waitFor();
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		assert.match(copied, /^Shenzhen Intermediate People's Court\. 深圳市中级人民法院刑事判决书\[Z\/OL\]\. 王炳章案檔案, \(2003-02-10\)\[\d{4}-\d{2}-\d{2}\]\. /);
		await page.getByRole('button', { name: '複製 Chicago' }).click();
		assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^Shenzhen Intermediate People's Court\. \[Criminal judgment .*\] \(深圳市中级人民法院刑事判决书\)\. February 10, 2003\. .*Wang Bingzhang case archive, shenzhen-judgment-2003\. http:\/\/127\.0\.0\.1:\d+\/zh-hant\/archive\/shenzhen-judgment-2003\.$/);
		assert.equal(await page.locator('#cite-csl').getAttribute('lang'), 'en');
		assert.deepEqual((JSON.parse((await page.locator('#cite-csl').textContent()) ?? '') as { id: string }[]).map((i) => i.id), ['shenzhen-judgment-2003']);
		assert.deepEqual(errors, []);
	});

	it('reads completely without JavaScript: the Chinese title first, the record, and GB/T leaving the date of citing to the reader', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.origin}/zh-hans/archive/shenzhen-judgment-2003`);
		assert.equal((await page.locator('h1').textContent())?.trim(), '深圳市中级人民法院刑事判决书');
		assert.equal(await page.locator('h1').getAttribute('lang'), 'zh-Hans');
		assert.match((await page.locator('.status').textContent()) ?? '', /目录记录：原件未存档。/);
		assert.match((await page.locator('#cite-gbt').textContent()) ?? '', /\(2003-02-10\)\[引用日期\]\. /);
		await page.goto(`${site.origin}/zh-hant/archive/house-roll-call-151-2004`);
		assert.match((await page.locator('.totals').textContent()) ?? '', /共 433 個條目。/);
		assert.equal(await page.locator('.totals .count[data-value="Yea"]').textContent(), 'Yea 399');
		await context.close();
	});
});
