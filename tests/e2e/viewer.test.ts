/**
 * Reading documents in the browser, on a fixture site whose PDFs are generated: pages painted
 * and selectable, #page=<n>, Chinese PDFs with and without embedded fonts, find, marks from a
 * search and from a quote link, Verify, Cite this, a damaged PDF, and pdf.js kept off pages
 * without a PDF.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { CHINESE_CMAP_TEXT, CHINESE_EMBEDDED_TEXT, PAGE_WORDS } from '../fixtures/pdfs';
import { buildViewerSite, type ViewerFixture } from '../fixtures/viewer-site';
import { axeViolations } from './axe';
import { openSite, watchedPage, type Site } from './harness';

/** Waits for page n to be painted and returns how many of its canvas pixels are not white. */
async function paintedPixels(page: Page, n: number): Promise<number> {
	const box = page.locator(`.pdf-page[data-page="${n}"]`);
	await box.and(page.locator('[data-painted="yes"]')).waitFor({ timeout: 20_000 });
	return box.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
		const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
		let dark = 0;
		for (let i = 0; i < data.length; i += 4) if (data[i]! < 200 || data[i + 1]! < 200 || data[i + 2]! < 200) dark++;
		return dark;
	});
}

/** The text of page n's text layer, once pdf.js has laid it. */
async function textLayerOf(page: Page, n: number): Promise<string> {
	const layer = page.locator(`.pdf-page[data-page="${n}"] .textLayer`);
	await layer.locator('span').first().waitFor({ timeout: 20_000 });
	return (await layer.textContent()) ?? '';
}

const noSpace = (s: string) => s.replace(/\s+/g, '');

/** At 1280×800 the first page starts at most this far down: most of the first screen is the document. */
const FIRST_PAGE_TOP = 400;

describe('document reader', () => {
	let fixture: ViewerFixture;
	let site: Site;
	before(async () => {
		fixture = await buildViewerSite();
		site = await openSite({ dir: fixture.dir });
		await site.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
	});
	after(async () => {
		await site?.close();
	});

	it('paints a PDF page on a canvas, with a text layer holding its words and metadata for reference managers', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}`);
		assert.ok((await paintedPixels(page, 1)) > 1000, 'page 1 has drawn pixels');
		assert.ok((await textLayerOf(page, 1)).includes(PAGE_WORDS(1)));
		assert.equal(await page.locator('meta[name="citation_title"]').getAttribute('content'), 'A multi-page fixture');
		assert.equal(await page.locator('meta[name="citation_date"]').getAttribute('content'), '2003/02/10');
		assert.match((await page.locator('meta[name="citation_pdf_url"]').getAttribute('content')) ?? '', /\/files\/fixture-multipage\/fixture-multipage\.pdf$/);
		assert.deepEqual(await axeViolations(page), [], 'axe on a document shown as a PDF');
		// Pages far from the screen have no canvas: what is alive follows the window, not the page count.
		await page.locator(`.pdf-page[data-page="${fixture.multipage.pages}"]`).scrollIntoViewIfNeeded();
		await paintedPixels(page, fixture.multipage.pages);
		await page.waitForFunction(() => !document.querySelector('.pdf-page[data-page="1"] canvas'));
		assert.ok((await page.locator('.pdf-page canvas').count()) <= 2 + 2 * 3, 'at most the pages on screen and three either side');
		assert.deepEqual(errors, []);
	});

	it('zooms in and back to the width, redrawing each page once, its text layer and marks kept', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}?q=word1alpha`);
		await page.locator('.pdf-page[data-page="1"] .textLayer mark').first().waitFor({ timeout: 20_000 });
		const widthBefore = (await page.locator('.pdf-page[data-page="1"]').boundingBox())!.width;
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await page.waitForFunction((w) => document.querySelector('.pdf-page[data-page="1"]')!.getBoundingClientRect().width > w + 10, widthBefore);
		await page.locator('.pdf-page[data-page="1"] .textLayer mark').first().waitFor({ timeout: 20_000 });
		assert.equal(await page.locator('.pdf-page[data-page="1"] canvas').count(), 1);
		assert.equal(await page.locator('.pdf-page[data-page="1"] .textLayer').count(), 1);
		assert.ok((await textLayerOf(page, 1)).includes(PAGE_WORDS(1)) && !(await textLayerOf(page, 1)).includes(PAGE_WORDS(1) + PAGE_WORDS(1)), 'no doubled text');
		await page.getByRole('button', { name: 'Fit width' }).click();
		await page.waitForFunction((w) => Math.abs(document.querySelector('.pdf-page[data-page="1"]')!.getBoundingClientRect().width - w) < 20, widthBefore);
		assert.deepEqual(errors, []);
	});

	it('opens the page a #page=<n> link names, drawn and in view', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}#page=7`);
		assert.ok((await paintedPixels(page, 7)) > 1000);
		const text = await textLayerOf(page, 7);
		assert.ok(text.includes('word7alpha') && !text.includes('word8alpha'), 'page 7’s own words');
		const box = await page.locator('.pdf-page[data-page="7"]').boundingBox();
		assert.ok(box && box.y < 800 && box.y + box.height > 0, 'page 7 is in view');
		assert.equal(await page.locator('#pdf-page-input').inputValue(), '7');
		assert.deepEqual(errors, []);
	});

	it('shows page 1 in the first screen at 1280×800, with what the archive holds of the document and any machine-read notice', async () => {
		const { page, errors } = await watchedPage(site);
		for (const [id, notice] of [[fixture.multipage.id, false], [fixture.scan.id, true]] as const) {
			await page.goto(`${site.origin}/archive/${id}`);
			await paintedPixels(page, 1);
			const first = (await page.locator('.pdf-page[data-page="1"]').boundingBox())!;
			assert.ok(first.y <= FIRST_PAGE_TOP, `${id}: page 1 starts ${first.y} px down (at most ${FIRST_PAGE_TOP})`);
			const status = (await page.locator('.status').boundingBox())!;
			assert.ok(status.y >= 0 && status.y + status.height <= 800, `${id}: the holding status is in the first screen (${status.y}–${status.y + status.height})`);
			if (notice) {
				const read = (await page.locator('.machine-read[role="note"]').boundingBox())!;
				assert.ok(read.y + read.height <= 800, `${id}: the machine-read notice is in the first screen (its bottom at ${read.y + read.height})`);
			}
		}
		assert.deepEqual(errors, []);
	});

	it('shows page 1 as the build drew it before pdf.js has loaded, in the box the canvas then takes at the same size; and without JavaScript', async () => {
		const { page, errors } = await watchedPage(site);
		// pdf.js held back: only the build's image can show page 1.
		let release: () => void = () => {};
		const held = new Promise<void>((done) => (release = done));
		await page.route(/pdf\.min[^/]*\.mjs/, async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}`);
		const image = page.locator('.pdf-page[data-page="1"] img.page-image');
		await page.waitForFunction(() => { const img = document.querySelector<HTMLImageElement>('.pdf-page[data-page="1"] img.page-image'); return !!img && img.complete && img.naturalWidth > 0; });
		assert.match((await image.getAttribute('src')) ?? '', /\/page-images\/fixture-multipage\/page-1\.[0-9a-f]{12}\.webp$/);
		assert.match((await image.getAttribute('alt')) ?? '', /^Page 1, as an image this site drew from the PDF/);
		await page.locator('.pdf.enhanced').waitFor();
		const shown = (await image.boundingBox())!;
		const box = (await page.locator('.pdf-page[data-page="1"]').boundingBox())!;
		// The box's border is 1 px: the image fills what is inside it, as the canvas will.
		assert.ok(Math.abs(shown.width - (box.width - 2)) <= 1 && Math.abs(shown.height - (box.height - 2)) <= 1, `image ${shown.width}×${shown.height} fills the box ${box.width}×${box.height}`);
		assert.equal(await page.locator('.pdf-page[data-page="1"] .page-text.visually-hidden').count(), 1, 'its words are there for screen readers, not drawn over the image');
		assert.ok(await page.locator('.pdf .loading[role="status"]').filter({ hasText: 'Loading the PDF viewer' }).isVisible(), 'the reader is told the viewer is loading');
		release();
		assert.ok((await paintedPixels(page, 1)) > 1000, 'the canvas took over');
		assert.equal(await image.count(), 0, 'the image is gone once the canvas is painted');
		const canvas = (await page.locator('.pdf-page[data-page="1"] canvas').boundingBox())!;
		// The loading line goes without moving the page: its box, and the canvas within it, are where the image's were.
		const after = (await page.locator('.pdf-page[data-page="1"]').boundingBox())!;
		assert.equal(await page.locator('.pdf .loading').count(), 0, 'the loading line is gone');
		assert.ok(Math.abs(after.y - box.y) <= 1 && Math.abs(after.x - box.x) <= 1, `page 1 stays put as the viewer opens: ${box.x},${box.y} then ${after.x},${after.y}`);
		const at = `canvas ${canvas.width}×${canvas.height} at ${canvas.x - after.x},${canvas.y - after.y} in its box; image ${shown.width}×${shown.height} at ${shown.x - box.x},${shown.y - box.y}`;
		assert.ok(Math.abs(canvas.width - shown.width) <= 1 && Math.abs(canvas.height - shown.height) <= 1 && Math.abs(canvas.y - after.y - (shown.y - box.y)) <= 1 && Math.abs(canvas.x - after.x - (shown.x - box.x)) <= 1, `the canvas is where the image was, at its size: ${at}`);
		assert.equal(await page.locator('.pdf-page[data-page="2"] img').count(), 0, 'only page 1 has an image');
		assert.deepEqual(errors, []);
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto(`${site.origin}/zh-hant/archive/${fixture.multipage.id}`);
		const noJs = plain.locator('.pdf-page[data-page="1"] img.page-image');
		assert.equal(await noJs.count(), 1, 'without JavaScript, page 1 is its image');
		assert.ok((await noJs.getAttribute('alt'))?.startsWith('第1頁'), 'its alt text in the interface’s language');
		assert.ok((await plain.locator('.pdf-page[data-page="1"] .page-text').textContent())?.includes(PAGE_WORDS(1)), 'and its words, below');
		await context.close();
	});

	it('ships each page’s words once, in the page’s HTML, and fetches them when a link inside the site leads to the document', async () => {
		const occurrences = (text: string, words: string) => text.split(words).length - 1;
		const html = readFileSync(join(fixture.dir, 'archive', `${fixture.multipage.id}.html`), 'utf8');
		assert.equal(occurrences(html, PAGE_WORDS(3)), 1, 'page 3’s words, once');
		const data = readFileSync(join(fixture.dir, 'archive', fixture.multipage.id, '__data.json'), 'utf8');
		assert.equal(occurrences(data, 'word3alpha'), 0, 'not in the data a link inside the site loads');
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/events/${fixture.quote.event}`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
		await page.locator(`a[href*="/archive/${fixture.multipage.id}?quote="]`).first().click();
		await page.waitForURL(`**/archive/${fixture.multipage.id}?quote=*`);
		assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'a navigation inside the page, not a new page');
		await page.locator('.find .count[data-total="1"]').waitFor({ timeout: 10_000 });
		assert.ok((await page.locator('.pdf-page[data-page="3"] .page-text').textContent())?.includes(PAGE_WORDS(3)), 'page 3’s words, fetched');
		assert.deepEqual(errors, []);
	});

	for (const [label, key, expected] of [
		['without embedded fonts (predefined CMap)', 'cmap', CHINESE_CMAP_TEXT],
		['with embedded fonts', 'embedded', CHINESE_EMBEDDED_TEXT]
	] as const) {
		it(`paints a Chinese PDF ${label}, and its text layer holds the Chinese characters`, async () => {
			const { page, errors } = await watchedPage(site);
			const cmaps: number[] = [];
			page.on('response', (response) => {
				if (response.url().includes('/pdfjs/cmaps/')) cmaps.push(response.status());
			});
			await page.goto(`${site.origin}/archive/${fixture[key].id}`);
			assert.ok((await paintedPixels(page, 1)) > 500);
			assert.ok(noSpace(await textLayerOf(page, 1)).includes(noSpace(expected)));
			if (key === 'cmap') assert.ok(cmaps.length > 0, 'the CMap was fetched');
			assert.ok(cmaps.every((status) => status === 200), `every cMap request answered: ${cmaps.join(', ')}`);
			assert.deepEqual(errors, []);
		});
	}

	it('finds a PDF printed by Chromium with Noto CJK (radicals in its text) by Simplified and Traditional queries, with find, marks and a checked quote', async () => {
		// The fixture has the problem: the text the build extracted holds radicals (⻘ for 青).
		const extracted = readFileSync(join(fixture.dir, 'search', 'text', `${fixture.noto.id}.json`), 'utf8');
		assert.match(extracted, /[\u2e80-\u2fdf]/u, 'the printed PDF extracts radicals');
		const { page, errors } = await watchedPage(site);
		// 鳥類 is the Traditional of 鸟类, which the PDF's text writes ⻦类.
		for (const query of ['青年', '鳥類', '最高人民法院']) {
			await page.goto(`${site.origin}/search?q=${encodeURIComponent(query)}`);
			await page.locator(`a.title[href^="/archive/${fixture.noto.id}"]`).first().waitFor({ timeout: 15_000 });
		}
		await page.goto(`${site.origin}/archive/${fixture.noto.id}`);
		await textLayerOf(page, 1);
		await page.getByRole('searchbox', { name: 'Find in the PDF' }).fill('文化');
		await page.locator('.find output[data-total="1"]').waitFor();
		const mark = page.locator('.pdf-page[data-page="1"] .textLayer mark');
		await mark.first().waitFor();
		// The mark holds the PDF's own characters.
		assert.equal(noSpace((await mark.allTextContents()).join('')), '\u2f42化');
		// The event's quote, in ordinary characters, passed the build's check and marks its place.
		await page.goto(`${site.origin}/events/${fixture.notoQuote.event}`);
		await page.locator(`a[href*="/archive/${fixture.noto.id}?quote="]`).first().click();
		const quoted = page.locator('.pdf-page[data-page="1"] .textLayer mark');
		await quoted.first().waitFor({ timeout: 20_000 });
		assert.equal(noSpace((await quoted.allTextContents()).join('')), '最\u2fbc\u2f08\u2ea0法院');
		assert.deepEqual(errors, []);
	});

	it('finds words in the whole PDF, counts them and moves from match to match', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}`);
		await textLayerOf(page, 1);
		const find = page.getByRole('searchbox', { name: 'Find in the PDF' });
		await find.fill('of the fixture says');
		await page.locator('.find output[data-total="12"]').waitFor();
		assert.match((await page.locator('.find output').textContent()) ?? '', /1 of 12 matches/);
		await page.locator('.pdf-page[data-page="1"] .textLayer mark').first().waitFor();
		await find.fill('word9omega');
		await page.locator('.find output[data-total="1"]').waitFor();
		await page.getByRole('button', { name: 'Next match' }).click();
		const current = page.locator('.pdf-page[data-page="9"] .textLayer mark.current');
		await current.first().waitFor({ timeout: 20_000 });
		assert.equal(noSpace((await current.allTextContents()).join('')), 'word9omega');
		assert.ok(await current.first().isVisible());
		assert.deepEqual(errors, []);
	});

	it('marks the words of a search (?q=) on arrival', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}?q=word5omega#page=5`);
		const mark = page.locator('.pdf-page[data-page="5"] .textLayer mark');
		await mark.first().waitFor({ timeout: 20_000 });
		assert.equal(noSpace((await mark.allTextContents()).join('')), 'word5omega');
		assert.deepEqual(errors, []);
	});

	it('a scan added with archive:add is machine-read: search finds it on the right page in English and Chinese, and every page that shows its words says so', async () => {
		const { page, errors } = await watchedPage(site);
		// Page 1 is unchecked; a person has checked page 2 against the scan (the fixture's record says who and when).
		for (const [query, pageNumber, label] of [['embassy', 1, /machine-read \(OCR\), not checked by a person/], ['王炳章', 2, /machine-read \(OCR\), checked by a person/]] as const) {
			await page.goto(`${site.origin}/search?q=${encodeURIComponent(query)}`);
			const hit = page.locator('.hit', { has: page.locator(`a.title[href^="/archive/${fixture.scan.id}"]`) });
			await hit.first().waitFor({ timeout: 15_000 });
			assert.match((await hit.locator('a.title').getAttribute('href')) ?? '', new RegExp(`#page=${pageNumber}$`));
			assert.match((await hit.locator('.meta').textContent()) ?? '', label);
		}
		for (const [prefix, words, checked] of [
			['', /Machine-read text, checked against the scan by a person on some pages only\./, 'page 2: checked against the scan by Fixture reviewer (1 December 2026).'],
			['/zh-hant', /機器識讀的文字，僅部分頁面經人對照掃描件核對。/, '第2頁：已由Fixture reviewer對照掃描件核對（2026年12月1日）。']
		] as const) {
			await page.goto(`${site.origin}${prefix}/archive/${fixture.scan.id}`);
			const notice = page.locator('.machine-read[role="note"]');
			assert.match((await notice.textContent()) ?? '', words);
			assert.match((await notice.textContent()) ?? '', /tesseract \d+\.\d+\.\d+ \(chi_sim, 300 dpi\)/);
			assert.equal(await notice.locator('p').last().textContent(), checked);
		}
		await page.goto(`${site.origin}/events/fixture-scan-quoted`);
		assert.equal(await page.locator('.source .machine-read').textContent(), 'Checked against machine-read (OCR) text, not yet checked by a person.');
		assert.deepEqual(errors, []);
	});

	it('marks a search’s words on the scan itself, where OCR read them, and goes there; in Traditional Chinese too', async () => {
		const { page, errors } = await watchedPage(site);
		for (const prefix of ['', '/zh-hant']) {
			await page.goto(`${site.origin}${prefix}/archive/${fixture.scan.id}?q=${encodeURIComponent('王炳章')}`);
			const marks = page.locator('.pdf-page[data-page="2"] .textLayer.ocrLayer span > mark');
			await marks.first().waitFor({ timeout: 20_000 });
			assert.equal((await marks.allTextContents()).join(''), '王炳章');
			const box = await marks.first().boundingBox();
			const canvas = await page.locator('.pdf-page[data-page="2"] canvas').boundingBox();
			// On the image: inside the page's canvas, in the upper part where the line was drawn, and in view.
			assert.ok(box && canvas && box.x > canvas.x && box.y > canvas.y && box.y < canvas.y + canvas.height / 2, `mark at ${JSON.stringify(box)} on ${JSON.stringify(canvas)}`);
			assert.ok(box.y >= 0 && box.y + box.height <= (page.viewportSize()?.height ?? 0), 'the mark is in view');
			if (prefix) assert.equal(await page.getByRole('searchbox', { name: '在PDF中尋找' }).count(), 1);
		}
		assert.deepEqual(errors, []);
	});

	it('switches a scan to its text and back: the words reflowed at a reading size, said to be machine-read, no canvas; pages, #page= and find still work', async () => {
		const { page, errors } = await watchedPage(site);
		await page.setViewportSize({ width: 1280, height: 600 });
		await page.goto(`${site.origin}/archive/${fixture.scan.id}`);
		const toggle = page.getByRole('group', { name: 'Show the pages as' });
		const scan = toggle.getByRole('button', { name: 'Scan', exact: true });
		const text = toggle.getByRole('button', { name: 'Text', exact: true });
		assert.equal(await scan.getAttribute('aria-pressed'), 'true', 'the scan is shown first');
		assert.equal(await text.getAttribute('aria-pressed'), 'false');
		await page.locator('#pdf-page-1').scrollIntoViewIfNeeded();
		assert.ok((await paintedPixels(page, 1)) > 1000, 'page 1 of the scan is painted');
		const scanHeight = (await page.locator('.pdf-page[data-page="1"]').boundingBox())!.height;
		// With the keyboard.
		await text.focus();
		await page.keyboard.press('Enter');
		await page.locator('section.pdf[data-view="text"]').waitFor();
		assert.equal(await text.getAttribute('aria-pressed'), 'true');
		assert.equal(await scan.getAttribute('aria-pressed'), 'false');
		await page.waitForFunction(() => document.querySelectorAll('section.pdf canvas').length === 0, null, { timeout: 5_000 });
		assert.equal(await page.locator('.pdf-page .textLayer').count(), 0, 'no layer over a scan that is not there');
		assert.equal(await page.getByRole('button', { name: 'Zoom in' }).count(), 0, 'no zoom for reflowed text');
		for (const [n, words] of [[1, 'the embassy was never the target'], [2, '王炳章']] as const) {
			const box = page.locator(`.pdf-page[data-page="${n}"]`);
			const reading = box.locator('.page-text');
			assert.ok(await reading.isVisible(), `page ${n}'s text is shown`);
			assert.ok(noSpace((await reading.textContent()) ?? '').includes(noSpace(words)), `page ${n} holds “${words}”`);
			assert.equal(await reading.getAttribute('lang'), 'zh-Hans', 'in the document’s language');
			assert.equal(await reading.getAttribute('data-source-text'), '');
			assert.equal(await box.locator('.page-number').textContent(), `Page ${n}`);
			assert.ok(await box.locator('.page-number').isVisible());
			const label = box.getByText('Machine-read text', { exact: true });
			assert.ok(await label.isVisible(), `page ${n} says its text is machine-read`);
			assert.ok((await label.boundingBox())!.y < (await reading.boundingBox())!.y, 'the label is above the text');
			const style = await reading.evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), inline: (el.closest('.pdf-page') as HTMLElement).style.height }));
			assert.ok(style.size >= 16, `a reading size (${style.size}px)`);
			assert.equal(style.inline, '', 'no fixed page height');
			const height = (await box.boundingBox())!.height;
			assert.ok(height < scanHeight / 2, `as tall as its words (${height}px, the scan’s page ${scanHeight}px)`);
			assert.ok(await box.evaluate((el) => el.scrollHeight <= el.clientHeight + 1), 'nothing cut off');
		}
		assert.deepEqual(await axeViolations(page), [], 'axe on a scan shown as text');
		// Pages: previous and next, the page number, #page=<n>.
		await page.getByRole('button', { name: 'Next page' }).click();
		await page.waitForURL('**#page=2');
		assert.equal(await page.locator('#pdf-page-input').inputValue(), '2');
		// Scrolled to (below the sticky toolbar), not merely somewhere on the screen.
		const top = async (n: number) => (await page.locator(`.pdf-page[data-page="${n}"]`).boundingBox())!.y;
		assert.ok((await top(2)) >= 0 && (await top(2)) < 200, `page 2 at the top (${await top(2)})`);
		await page.getByRole('button', { name: 'Previous page' }).click();
		await page.waitForURL('**#page=1');
		assert.ok((await top(1)) >= 0 && (await top(1)) < 200, `page 1 at the top (${await top(1)})`);
		await page.locator('#pdf-page-input').fill('2');
		await page.locator('#pdf-page-input').press('Enter');
		await page.waitForURL('**#page=2');
		await page.evaluate(() => window.scrollTo(0, 0));
		await page.evaluate(() => (location.hash = '#page=1'));
		await page.waitForFunction(() => {
			const { top } = document.querySelector('#pdf-page-1')!.getBoundingClientRect();
			return top >= 0 && top < 200;
		});
		// Find marks the words in the text, and brings the current match into view from the foot of the page.
		await page.evaluate(() => window.scrollTo(0, 0));
		const find = page.getByRole('searchbox', { name: 'Find in the PDF' });
		await find.fill('王炳章');
		await page.locator('.find output[data-total="1"]').waitFor();
		const mark = page.locator('.pdf-page[data-page="2"] .page-text mark');
		await mark.first().waitFor();
		assert.equal((await mark.allTextContents()).join(''), '王炳章');
		await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
		await find.press('Enter');
		const current = page.locator('.pdf-page[data-page="2"] .page-text mark.current');
		await current.first().waitFor();
		await page.waitForFunction(() => {
			const box = document.querySelector('.pdf-page[data-page="2"] .page-text mark.current')!.getBoundingClientRect();
			return box.top >= 0 && box.bottom <= innerHeight;
		}, null, { timeout: 5_000 });
		// Back to the scan: painted again, the words laid over it and marked there.
		await scan.click();
		await page.locator('section.pdf[data-view="scan"]').waitFor();
		assert.ok((await paintedPixels(page, 2)) > 1000, 'page 2 of the scan is painted again');
		await page.locator('.pdf-page[data-page="2"] .textLayer.ocrLayer span > mark').first().waitFor({ timeout: 20_000 });
		assert.equal(await page.locator('.pdf-page .page-text:not(.visually-hidden)').count(), 0, 'no text view left');
		assert.deepEqual(errors, []);
	});

	it('in Text view, the words of a search (?q=) are marked in the text of their page and in view', async () => {
		const { page, errors } = await watchedPage(site);
		await page.setViewportSize({ width: 1280, height: 600 });
		await page.goto(`${site.origin}/archive/${fixture.scan.id}?q=${encodeURIComponent('王炳章')}`);
		await page.locator('.pdf-page[data-page="2"] .textLayer.ocrLayer span > mark').first().waitFor({ timeout: 20_000 });
		await page.getByRole('button', { name: 'Text', exact: true }).click();
		const mark = page.locator('.pdf-page[data-page="2"] .page-text mark');
		await mark.first().waitFor();
		assert.equal((await mark.allTextContents()).join(''), '王炳章');
		assert.equal(await mark.first().getAttribute('class'), 'current');
		await page.waitForFunction(() => {
			const box = document.querySelector('.pdf-page[data-page="2"] .page-text mark')!.getBoundingClientRect();
			return box.top >= 0 && box.bottom <= innerHeight;
		}, null, { timeout: 5_000 });
		assert.equal(await page.locator('#pdf-page-input').inputValue(), '2');
		assert.equal(await page.locator('section.pdf canvas').count(), 0);
		assert.deepEqual(errors, []);
	});

	it('the switch between scan and text is a finger wide on a phone, and reads without overflow', async () => {
		const { page, errors } = await watchedPage(site);
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(`${site.origin}/archive/${fixture.scan.id}`);
		const toggle = page.getByRole('group', { name: 'Show the pages as' });
		for (const name of ['Scan', 'Text']) {
			const box = (await toggle.getByRole('button', { name, exact: true }).boundingBox())!;
			assert.ok(box.height >= 44 && box.width >= 44, `${name}: ${box.width}×${box.height}`);
		}
		await toggle.getByRole('button', { name: 'Text', exact: true }).click();
		await page.locator('section.pdf[data-view="text"]').waitFor();
		assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'nothing wider than the screen');
		const reading = (await page.locator('.pdf-page[data-page="1"] .page-text').boundingBox())!;
		assert.ok(reading.x >= 0 && reading.x + reading.width <= 360, `the text fits (${JSON.stringify(reading)})`);
		assert.deepEqual(errors, []);
	});

	it('a PDF with no machine-read page has no switch between scan and text', async () => {
		const { page, errors } = await watchedPage(site);
		for (const id of [fixture.multipage.id, fixture.embedded.id]) {
			await page.goto(`${site.origin}/archive/${id}`);
			await paintedPixels(page, 1);
			assert.equal(await page.getByRole('group', { name: 'Show the pages as' }).count(), 0, id);
			assert.equal(await page.getByRole('button', { name: 'Text', exact: true }).count(), 0, id);
			assert.ok(await page.getByRole('button', { name: 'Zoom in' }).isVisible(), id);
		}
		assert.deepEqual(errors, []);
	});

	it('arriving with ?q= and no #page, goes to the first match', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}?q=word8alpha`);
		const mark = page.locator('.pdf-page[data-page="8"] .textLayer mark');
		await mark.first().waitFor({ timeout: 20_000 });
		await page.waitForFunction(() => (document.querySelector('#pdf-page-input') as HTMLInputElement | null)?.value === '8', null, { timeout: 10_000 });
		const box = await mark.first().boundingBox();
		const height = page.viewportSize()?.height ?? 0;
		assert.ok(box && box.y >= 0 && box.y + box.height <= height, `the match on page 8 is in view (${box?.y} of ${height})`);
		assert.deepEqual(errors, []);
	});

	it('follows a quote link to a PDF page and marks the quoted passage', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/events/${fixture.quote.event}`);
		await page.locator(`a[href*="/archive/${fixture.multipage.id}?quote="]`).first().click();
		await page.waitForURL(`**/archive/${fixture.multipage.id}?quote=*#page=${fixture.quote.page}`);
		const mark = page.locator(`.pdf-page[data-page="${fixture.quote.page}"] .textLayer mark`);
		await mark.first().waitFor({ timeout: 20_000 });
		assert.equal(noSpace((await mark.allTextContents()).join('')), noSpace(fixture.quote.text));
		assert.deepEqual(errors, []);
	});

	it('follows a quote link to a text document and marks the quoted passage in its paragraph', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/events/${fixture.letterQuote.event}`);
		await page.locator(`a[href*="/archive/${fixture.letter.id}?quote="]`).first().click();
		await page.waitForURL(`**/archive/${fixture.letter.id}?quote=*#p-${fixture.letterQuote.paragraph}`);
		const mark = page.locator(`#p-${fixture.letterQuote.paragraph} mark`);
		await mark.first().waitFor();
		assert.equal((await mark.allTextContents()).join(' ').replace(/\s+/g, ' '), fixture.letterQuote.text);
		assert.equal(await page.locator('.text mark').count(), 1, 'only the quoted passage is marked');
		assert.deepEqual(errors, []);
	});

	it('finds words in a text document', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.letter.id}`);
		// Where it was seen: a Robust Link, with the archived copy and its date.
		const seen = page.locator('.seen a[data-originalurl]');
		assert.deepEqual(await seen.evaluate((a) => ({ ...a.dataset, href: a.getAttribute('href') })), {
			originalurl: 'https://example.org/letter',
			versionurl: 'https://web.archive.org/web/20221108000000/https://example.org/letter',
			versiondate: '2022-11-08',
			href: 'https://example.org/letter'
		});
		await page.getByRole('searchbox', { name: 'Find in the text' }).fill('the');
		await page.locator('.find output[data-total="3"]').waitFor();
		assert.equal(await page.locator('.text mark').count(), 3);
		await page.getByRole('button', { name: 'Next match' }).click();
		assert.equal(await page.locator('.text mark.current').getAttribute('data-match'), '1');
		assert.deepEqual(errors, []);
	});

	it('verifies a file against its recorded SHA-256, and reports a served file that differs', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}`);
		await page.getByRole('button', { name: `Verify ${fixture.multipage.file}` }).click();
		await page.locator('[data-outcome="match"]').waitFor();
		assert.match((await page.locator('[data-outcome="match"]').textContent()) ?? '', /Matches/);
		await page.goto(`${site.origin}/archive/${fixture.damaged.id}`);
		await page.getByRole('button', { name: `Verify ${fixture.damaged.file}` }).click();
		await page.locator('[data-outcome="mismatch"]').waitFor();
		assert.match((await page.locator('[data-outcome="mismatch"]').textContent()) ?? '', /Does not match/);
		assert.deepEqual(errors, []);
	});

	it('copies each citation to the clipboard, with the document’s address and identifiers', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.multipage.id}`);
		const url = `${site.origin}/archive/${fixture.multipage.id}`;
		const expectations: [string, (text: string) => void][] = [
			['Copy Chicago', (t) => assert.equal(t, `Fixture generator. “A multi-page fixture.” February 10, 2003. Wang Bingzhang case archive, fixture-multipage. ${url}.`)],
			['Copy BibTeX', (t) => assert.ok(t.startsWith('@misc{fixture-multipage,') && t.includes(`url = {${url}}`) && t.includes('title = {{A multi-page fixture}}'), t)],
			['Copy CSL-JSON', (t) => assert.deepEqual((JSON.parse(t) as { URL: string; id: string }[]).map((i) => [i.id, i.URL]), [['fixture-multipage', url]])]
		];
		for (const [button, check] of expectations) {
			await page.getByRole('button', { name: button }).click();
			await page.getByText('Copied to the clipboard.').waitFor();
			check(await page.evaluate(() => navigator.clipboard.readText()));
		}
		assert.deepEqual(errors, []);
	});

	it('shows a readable message where a damaged PDF would be, and the rest of the page', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.damaged.id}`);
		const alert = page.getByRole('alert');
		await alert.waitFor();
		assert.match((await alert.textContent()) ?? '', /could not be shown.*not a readable PDF/s);
		assert.ok(await page.getByRole('heading', { name: 'Record' }).isVisible());
		assert.ok(await page.getByText(PAGE_WORDS(1)).isVisible(), 'the extracted text of page 1 is shown');
		assert.equal(await page.locator('canvas').count(), 0);
		assert.deepEqual(errors, []);
	});

	it('loads pdf.js only on pages that show a PDF', async () => {
		// pdf.js is served as its own prebuilt files, and no bundle of the site's carries a copy.
		const assets = readdirSync(join(fixture.dir, '_app/immutable/assets'));
		const pdfjs = assets.filter((name) => /^pdf(\.worker)?\.min\.[\w-]+\.mjs$/.test(name));
		assert.equal(pdfjs.length, 2, `pdf.js and its worker: ${pdfjs.join(', ')}`);
		const chunks = join(fixture.dir, '_app/immutable/chunks');
		assert.deepEqual(readdirSync(chunks).filter((name) => readFileSync(join(chunks, name), 'utf8').includes('No "textContentSource" parameter specified')), []);
		const loads = async (path: string) => {
			const { page, errors } = await watchedPage(site);
			const scripts: string[] = [];
			page.on('request', (request) => scripts.push(request.url()));
			await page.goto(site.origin + path, { waitUntil: 'networkidle' });
			assert.deepEqual(errors, []);
			return scripts.some((url) => pdfjs.some((name) => url.endsWith(name)));
		};
		assert.equal(await loads('/'), false, 'home');
		assert.equal(await loads('/timeline'), false, 'timeline');
		assert.equal(await loads(`/archive/${fixture.letter.id}`), false, 'a text document');
		assert.equal(await loads(`/archive/${fixture.multipage.id}`), true, 'a PDF document loads it');
	});
});
