/**
 * The document reader in the Chinese interfaces, with JavaScript: the PDF viewer's toolbar, find,
 * #page= (also across the language switch) and its load errors, on a small fixture site (the
 * archive holds no PDF yet); the transcript's find, #p- and the claims beside the founding
 * letter's paragraphs on the real site. The sources' words stay in their own language; only the
 * controls, statuses and errors follow the interface.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { buildViewerSite } from '../fixtures/viewer-site';
import { axeViolations } from './axe';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, simplifiedOnlyIn, type LanguageSlip } from './interface-language';

/** The reader's own parts of a document page (the page around them is another template's). */
const VIEWER = '.find, ol.text, .excerpt-end, section.pdf';

/**
 * The page cut down to the viewer's parts (the document page around them, its title included, is
 * another template's, checked on its own), for englishInChinese and simplifiedOnlyIn; call last.
 */
async function onlyTheViewer(page: Page): Promise<void> {
	await page.evaluate((mine) => {
		const parts = [...document.querySelectorAll(mine)].filter((el) => !el.parentElement?.closest(mine));
		document.body.replaceChildren(...parts);
		document.title = '';
	}, VIEWER);
}

async function languageSlips(page: Page, traditional: boolean): Promise<{ english: LanguageSlip[]; simplified: string[] }> {
	await onlyTheViewer(page);
	return { english: await englishInChinese(page), simplified: traditional ? await simplifiedOnlyIn(page) : [] };
}

const WORDS = {
	'zh-hans': { heading: 'PDF，逐页显示', previous: '上一页', fit: '适合宽度', findPdf: '在PDF中查找', findExcerpt: '在摘录中查找', matches: '第1处，共2处匹配', notPdf: '不是可读的PDF', http: '无法获取该文件（HTTP 404）。', connection: '连接失败', failed: '无法显示此PDF。', ends: '存档的摘录到此结束。', checked: '本段中核查的主张：', paragraph: '第8段中核查的主张' },
	'zh-hant': { heading: 'PDF，逐頁顯示', previous: '上一頁', fit: '適合寬度', findPdf: '在PDF中', findExcerpt: '在摘錄中', matches: '第1處，共2處', notPdf: '不是可讀的PDF', http: '（HTTP 404）。', connection: '連線失敗', failed: '無法顯示此PDF。', ends: '存檔的摘錄到此結束。', checked: '本段中核查的主張：', paragraph: '第8段中核查的主張' }
} as const;

describe('the document reader in Chinese', () => {
	let site: Site;
	let real: Server;
	let realOrigin: string;
	before(async () => {
		// The reader's fixture site (shared with viewer.test.ts): its multi-page PDF says "Page n of the fixture says wordnalpha and wordnomega." on each page.
		site = await openSite({ dir: (await buildViewerSite()).dir });
		// tsx names the functions inside page.evaluate callbacks with a helper the page lacks.
		await site.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
		real = await startStaticServer('build');
		const address = real.address();
		realOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	});
	after(async () => {
		await site?.close();
		await new Promise((done) => (real ? real.close(done) : done(undefined)));
	});

	for (const locale of ['zh-hans', 'zh-hant'] as const) {
		const words = WORDS[locale];

		it(`${locale}: a PDF's toolbar and find in the interface's words, its pages in their own language, #page=2 honoured`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.goto(`${site.origin}/${locale}/archive/fixture-multipage#page=2`);
			await page.locator('.pdf-page[data-page="2"][data-painted="yes"]').waitFor({ timeout: 20_000 });
			assert.equal(await page.locator('#pdf-page-input').inputValue(), '2');
			const box = await page.locator('.pdf-page[data-page="2"]').boundingBox();
			assert.ok(box && box.y < 400, `page 2 is at the top (${box?.y})`);
			assert.equal(await page.locator('#pdf-h').textContent(), words.heading);
			assert.ok(await page.getByRole('button', { name: words.previous }).isVisible());
			assert.ok(await page.getByRole('button', { name: words.fit }).isVisible());
			assert.equal(await page.locator('.pdf-page[data-page="2"] .textLayer').getAttribute('lang'), 'en', 'the PDF keeps its language');
			await page.getByRole('searchbox', { name: words.findPdf }).fill('word2');
			await page.locator('.find output[data-total="2"]').waitFor();
			assert.match((await page.locator('.find output').textContent()) ?? '', new RegExp(`^${words.matches}`));
			assert.deepEqual(await axeViolations(page), [], 'axe on a PDF document');
			assert.deepEqual(await languageSlips(page, locale === 'zh-hant'), { english: [], simplified: [] });
			assert.deepEqual(errors, []);
		});

		it(`${locale}: a PDF that cannot be fetched or read says so in the interface's words`, async () => {
			const page = await site.context.newPage();
			const cases: [string, (route: import('playwright-core').Route) => Promise<void>, string][] = [
				['not found', (route) => route.fulfill({ status: 404, body: 'gone' }), words.http],
				['no connection', (route) => route.abort('connectionfailed'), words.connection],
				['damaged', (route) => route.fulfill({ status: 200, contentType: 'application/pdf', body: '%PDF-1.7\nnot a pdf at all' }), words.notPdf]
			];
			for (const [what, answer, expected] of cases) {
				await page.unrouteAll();
				await page.route('**/files/fixture-multipage/fixture-multipage.pdf', answer);
				await page.goto(`${site.origin}/${locale}/archive/fixture-multipage`);
				const alert = page.locator('.load-error');
				await alert.waitFor({ timeout: 20_000 });
				const text = (await alert.textContent()) ?? '';
				assert.ok(text.includes(words.failed) && text.includes(expected), `${what}: ${text}`);
				assert.deepEqual(await languageSlips(page, locale === 'zh-hant'), { english: [], simplified: [] }, what);
			}
			await page.close();
		});
	}

	for (const [locale, words] of [
		['zh-hans', { group: '页面显示为', scan: '扫描件', text: '文字', label: '机器识读的文字' }],
		['zh-hant', { group: '頁面顯示為', scan: '掃描件', text: '文字', label: '機器識讀的文字' }]
	] as const) {
		it(`${locale}: a scan's switch between its images and its text, and the machine-read label, in the interface's words`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.goto(`${site.origin}/${locale}/archive/fixture-scan`);
			const toggle = page.getByRole('group', { name: words.group });
			// The switch is the reader's, drawn once its script has started.
			await toggle.getByRole('button', { name: words.text, exact: true }).waitFor();
			assert.deepEqual(await toggle.getByRole('button').allTextContents(), [words.scan, words.text]);
			assert.equal(await toggle.getByRole('button', { name: words.scan, exact: true }).getAttribute('aria-pressed'), 'true');
			await toggle.getByRole('button', { name: words.text, exact: true }).click();
			await page.locator('section.pdf[data-view="text"]').waitFor();
			assert.equal(await toggle.getByRole('button', { name: words.text, exact: true }).getAttribute('aria-pressed'), 'true');
			assert.deepEqual(await page.locator('.pdf-page .machine-read-label').allTextContents(), [words.label, words.label]);
			assert.equal(await page.locator('.pdf-page[data-page="2"] .page-text').getAttribute('lang'), 'zh-Hans', 'the source keeps its language');
			assert.deepEqual(await axeViolations(page), [], 'axe on a scan shown as text');
			// The interface's own words only: the scan's page 1 is English text in a document recorded as Chinese.
			await page.evaluate(() => document.body.replaceChildren(...document.querySelectorAll('section.pdf .toolbar, .machine-read-label')));
			assert.deepEqual({ english: await englishInChinese(page), simplified: locale === 'zh-hant' ? await simplifiedOnlyIn(page) : [] }, { english: [], simplified: [] });
			assert.deepEqual(errors, []);
		});
	}

	it('keeps #page= across the language switch, and the viewer honours it', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/zh-hans/archive/fixture-multipage#page=2`);
		await page.locator('.pdf-page[data-page="2"][data-painted="yes"]').waitFor({ timeout: 20_000 });
		await page.locator('nav.languages a[hreflang="zh-Hant"]').click();
		await page.waitForURL('**/zh-hant/archive/fixture-multipage#page=2');
		await page.locator('.pdf-page[data-page="2"][data-painted="yes"]').waitFor({ timeout: 20_000 });
		assert.equal(await page.locator('#pdf-page-input').inputValue(), '2');
		assert.deepEqual(errors, []);
	});

	for (const locale of ['zh-hans', 'zh-hant'] as const) {
		const words = WORDS[locale];

		it(`${locale}: a transcript's find, #p- anchor and end of excerpt, the text left in English`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.goto(`${realOrigin}/${locale}/archive/hconres326-108-rfs#p-3`);
			const target = page.locator('#p-3');
			assert.ok(await target.evaluate((li) => li.matches(':target')));
			const box = await target.boundingBox();
			assert.ok(box && box.y >= 0 && box.y < 400, `¶ 3 is in view (${box?.y})`);
			assert.equal(await target.locator('.para').getAttribute('lang'), 'en');
			assert.match((await page.locator('.excerpt-end').textContent()) ?? '', new RegExp(`^${words.ends}`));
			await page.getByRole('searchbox', { name: words.findExcerpt }).fill('Whereas');
			await page.locator('.find output:not([data-total="0"])').waitFor();
			assert.ok(/^第1/.test((await page.locator('.find output').textContent()) ?? ''));
			assert.deepEqual(await languageSlips(page, locale === 'zh-hant'), { english: [], simplified: [] });
			assert.deepEqual(errors, []);
		});

		it(`${locale}: the claims checked beside the family letter's paragraphs, their findings in the interface's words`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.goto(`${realOrigin}/${locale}/archive/family-letter-guterres-2022`);
			const aside = page.getByRole('complementary', { name: words.paragraph });
			assert.equal(await aside.locator('.claims-h').textContent(), words.checked);
			for (const finding of await aside.locator('.finding').allTextContents()) assert.match(finding, /^\p{Script=Han}/u, finding);
			assert.deepEqual(await axeViolations(page), [], 'axe on a text document with claims');
			assert.deepEqual(await languageSlips(page, locale === 'zh-hant'), { english: [], simplified: [] });
			assert.deepEqual(errors, []);
		});
	}
});
