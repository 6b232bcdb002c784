/**
 * Originals that came as images, in the browser: a document added as a folder of a phone's
 * photograph and a PNG scan (the reader's fixture site) opens in the same reader as a PDF, its
 * pages upright and painted, the machine-read words marked on the image by ?q=, its corrections
 * and its files said in every interface; what is published from it carries no EXIF or GPS data;
 * and the command line refuses an image that is not one, and a missing language pack, plainly.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { TMP_ROOT } from '../fixtures/archive-builder';
import { buildViewerSite, type ViewerFixture } from '../fixtures/viewer-site';
import { openSite, watchedPage, type Site } from './harness';

/** How many of the screen's pixels over page n's box are dark: what a reader sees, not what the canvas holds. */
async function inkOnScreen(page: Page, n: number): Promise<number> {
	const box = page.locator(`.pdf-page[data-page="${n}"]`);
	await box.and(page.locator('[data-painted="yes"]')).waitFor({ timeout: 30_000 });
	await box.scrollIntoViewIfNeeded();
	const shot = await box.screenshot();
	const sharp = (await import('sharp')).default;
	const { data, info } = await sharp(shot).greyscale().raw().toBuffer({ resolveWithObject: true });
	let dark = 0;
	for (let i = 0; i < data.length; i += info.channels) if (data[i]! < 128) dark++;
	return dark;
}

describe('documents that came as images', () => {
	let fixture: ViewerFixture;
	let site: Site;
	before(async () => {
		fixture = await buildViewerSite();
		site = await openSite({ dir: fixture.dir });
	});
	after(async () => {
		await site?.close();
	});

	it('open in the PDF reader upright, with their words found and marked on the image by ?q=', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/${fixture.photo.id}?q=embassy`);
		// Page 2 is the PNG scan of the English lines: the search's word is marked on it, and the reader went there.
		const marks = page.locator('.pdf-page[data-page="2"] .textLayer.ocrLayer span > mark');
		await marks.first().waitFor({ timeout: 30_000 });
		assert.equal((await marks.first().textContent())?.toLowerCase(), 'embassy');
		const mark = await marks.first().boundingBox();
		const canvas = await page.locator('.pdf-page[data-page="2"] canvas').boundingBox();
		assert.ok(mark && canvas && mark.x > canvas.x && mark.y > canvas.y && mark.y + mark.height < canvas.y + canvas.height, `the mark ${JSON.stringify(mark)} lies on the page image ${JSON.stringify(canvas)}`);
		assert.ok(mark.y >= 0 && mark.y + mark.height <= (page.viewportSize()?.height ?? 0), 'the mark is in view');
		// The phone's photograph was stored on its side; shown upright, its page is wider than tall, as the line of text is.
		const first = await page.locator('.pdf-page[data-page="1"]').boundingBox();
		assert.ok(first && first.width > first.height, `page 1 is upright (${first?.width}×${first?.height})`);
		assert.ok((await inkOnScreen(page, 2)) > 500, 'page 2 shows ink on screen');
		assert.ok((await inkOnScreen(page, 1)) > 500, 'page 1 shows ink on screen');
		assert.deepEqual(errors, []);
	});

	it('say where their pages and text come from, and who corrected what, in Traditional Chinese too', async () => {
		const { page, errors } = await watchedPage(site);
		for (const [prefix, fromImages, pagesRole, corrected, find] of [
			['', 'The original came as 2 image files.', 'page images made from page-1.jpg, page-2.png, upright and without their metadata', 'page 1: words corrected by Fixture reviewer (1 December 2026): A generated correction.', 'Find in the PDF'],
			['/zh-hant', '原件為2個影像文件。', '由page-1.jpg、page-2.png製成的頁面影像（已轉正，已去除後設資料）', '第1頁：Fixture reviewer更正了文字（2026年12月1日），理由：A generated correction。', '在PDF中尋找']
		] as const) {
			await page.goto(`${site.origin}${prefix}/archive/${fixture.photo.id}`);
			assert.match((await page.locator('[data-from-images]').textContent()) ?? '', new RegExp(`^${fromImages.replace(/[.()]/g, '\\$&')}`));
			assert.match((await page.locator('.files').textContent()) ?? '', new RegExp(pagesRole.replace(/[.()（）]/g, '\\$&')));
			assert.match((await page.locator('.machine-read[role="note"] [data-corrected="1"]').textContent()) ?? '', new RegExp(`^${corrected.replace(/[.()（）]/g, '\\$&')}`));
			assert.equal(await page.getByRole('searchbox', { name: find }).count(), 1);
			// The corrected word is the page's text, and find reaches it on the image.
			await page.getByRole('searchbox', { name: find }).fill(fixture.photo.corrected.word);
			await page.getByRole('searchbox', { name: find }).press('Enter');
			await page.locator(`.pdf-page[data-page="${fixture.photo.corrected.page}"] .textLayer.ocrLayer mark`).first().waitFor({ timeout: 30_000 });
		}
		assert.deepEqual(errors, []);
	});

	it('publish the originals byte for byte, and a page PDF without the photograph’s EXIF or GPS data', async () => {
		const meta = readFileSync(join(fixture.archiveDir, 'documents', fixture.photo.id, 'meta.yaml'), 'utf8');
		const served = async (name: string) => Buffer.from(await (await fetch(`${site.origin}/files/${fixture.photo.id}/${name}`)).arrayBuffer());
		const original = await served('page-1.jpg');
		assert.ok(original.includes('Exif'), 'the photograph as it came, EXIF and all');
		const { createHash } = await import('node:crypto');
		assert.ok(meta.includes(createHash('sha256').update(original).digest('hex')), 'its recorded hash');
		const pages = await served('pages.pdf');
		assert.equal(pages.subarray(0, 5).toString('latin1'), '%PDF-');
		assert.deepEqual(['Exif', 'GPS'].map((s) => pages.includes(s)), [false, false]);
	});

	it('archive:add refuses, on the command line, an image that is not one and a missing language pack, saying what to do', () => {
		const inbox = join(TMP_ROOT, 'scans-cli');
		mkdirSync(inbox, { recursive: true });
		const fake = join(inbox, 'photo.jpg');
		writeFileSync(fake, 'Not a photograph: a text file named .jpg\n');
		const cli = (args: string[], env: Record<string, string> = {}) => spawnSync('npx', ['tsx', 'src/pipeline/cli.ts', 'add', ...args, '--id', 'cli-refused', '--title', 'Refused', '--date', '2005', '--kind', 'letter'], { encoding: 'utf8', env: { ...process.env, ARCHIVE_DIR: fixture.archiveDir, ...env } });
		const notImage = cli([fake, '--language', 'en']);
		assert.equal(notImage.status, 1);
		assert.match(notImage.stderr, /photo\.jpg: \(file\): is not an image by its content, but is declared image\/jpeg \(archive the image itself/);
		assert.match(notImage.stderr, /Nothing was added\./);
		const page = join(inbox, 'page.png');
		writeFileSync(page, readFileSync(join(fixture.archiveDir, 'documents', fixture.photo.id, 'page-2.png')));
		const empty = join(inbox, 'no-tessdata');
		mkdirSync(empty, { recursive: true });
		const noPack = cli([page, '--language', 'th'], { TESSDATA_PREFIX: empty });
		assert.equal(noPack.status, 1);
		assert.match(noPack.stderr, /page\.png: --language: needs Tesseract's language pack tha, not installed \(install tesseract-ocr-tha/);
	});
});
