/**
 * The viewer benchmark's reference: pdf.js's own viewer component (`PDFViewer` from
 * pdfjs-dist/web/pdf_viewer.mjs, with its CSS, `EventBus` and `PDFLinkService`, text layer on)
 * in a page of its own (scripts/bench/reference/), copied with the pdf.js files it needs into the
 * fixture site's folder, so that the same static server serves it and the same PDFs. Timed the
 * same way as ours: from navigation start until page n's canvas has pixels (after pdf.js's
 * `pagerendered` for it) and page n is in the viewport, then checked on a screenshot for ink.
 * `#page=<n>` goes to `PDFLinkService.setHash` on `pagesinit`, as pdf.js's app does.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserPss, inkIn } from './browser';

/** Where the reference is served from, under the site's root. */
export const REFERENCE_PATH = '/bench-reference/';

/** Copies the reference page and pdf.js's files (the same minified library and worker ours loads) into siteDir. */
export function installReference(siteDir: string): void {
	const pdfjs = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
	const to = join(siteDir, REFERENCE_PATH);
	mkdirSync(to, { recursive: true });
	cpSync(join(dirname(fileURLToPath(import.meta.url)), 'reference'), to, { recursive: true });
	for (const file of ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'web/pdf_viewer.mjs', 'web/pdf_viewer.css']) cpSync(join(pdfjs, file), join(to, file.split('/')[1]!));
	for (const folder of ['web/images', 'cmaps', 'standard_fonts', 'wasm', 'iccs']) cpSync(join(pdfjs, folder), join(to, folder.split('/').at(-1)!), { recursive: true });
}

/** The reference opening pdfPath, page 1 drawn width CSS px wide, with hash (`#page=<n>` or ''). */
export const referenceUrl = (origin: string, pdfPath: string, width: number, hash = '') => `${origin}${REFERENCE_PATH}?file=${encodeURIComponent(pdfPath)}&width=${Math.round(width)}${hash}`;

/** As the benchmark's watchPage, for pdf.js's viewer: page n's canvas has pixels, once pdf.js says it rendered it, while the page is in view. */
const watchReference = (n: number) => `(() => {
	const marks = {};
	window.__marks = marks;
	const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
	const loop = () => {
		const box = document.querySelector('.page[data-page-number="${n}"]');
		const canvas = box?.querySelector('.canvasWrapper canvas');
		if (box && canvas && inView(box) && performance.getEntriesByName('pdf:painted-${n}').length > 0 && canvas.width > 0) {
			const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
			for (let i = 0; i < data.length; i += 4) {
				if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) { marks.painted = performance.now(); break; }
			}
		}
		if (marks.painted === undefined) requestAnimationFrame(loop);
	};
	requestAnimationFrame(loop);
})()`;

/** The part of page n's canvas on screen, 2 px in from its edges, in viewport CSS px. */
const visibleCanvas = (page: Page, n: number) =>
	page.evaluate(`(() => {
		const r = document.querySelector('.page[data-page-number="${n}"] .canvasWrapper').getBoundingClientRect();
		const top = Math.max(r.top + 2, 0), bottom = Math.min(r.bottom - 2, innerHeight);
		const left = Math.max(r.left + 2, 0), right = Math.min(r.right - 2, innerWidth);
		return { x: Math.ceil(left), y: Math.ceil(top), width: Math.floor(right - Math.ceil(left)), height: Math.floor(bottom - Math.ceil(top)) };
	})()`) as Promise<{ x: number; y: number; width: number; height: number }>;

export interface ReferenceTiming {
	painted: number;
	ink: number;
	steps: Record<string, number>;
	/** The canvas's CSS width, to compare the scale with ours. */
	cssWidth: number;
}

/** One cold load of the reference at url, timed until page n is painted and in view; throws if it is not within 30 s, or if the screenshot shows it blank. */
export async function timedReference(browser: Browser, url: string, n: number, minInk: number): Promise<ReferenceTiming> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		await page.addInitScript({ content: watchReference(n) });
		await page.goto(url);
		try {
			await page.waitForFunction(() => (window as unknown as { __marks: { painted?: number } }).__marks?.painted !== undefined, undefined, { timeout: 30_000 });
		} catch (error) {
			throw new Error(`reference ${url}: page ${n} was not painted and in view within 30 s`, { cause: error });
		}
		const painted = await page.evaluate(() => (window as unknown as { __marks: { painted: number } }).__marks.painted);
		const steps = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('pdf:')).map((m) => [m.name, m.startTime])));
		const clip = await visibleCanvas(page, n);
		const cssWidth = await page.evaluate(`document.querySelector('.page[data-page-number="${n}"] .canvasWrapper').getBoundingClientRect().width`) as number;
		const ink = await inkIn(page, clip);
		if (ink < minInk) {
			const file = `tests/.tmp/bench-viewer-reference-blank-${n}.png`;
			await page.screenshot({ path: file });
			throw new Error(`reference ${url}: page ${n} was reported painted and in view, but the screenshot shows it blank (ink ${(ink * 100).toFixed(3)}% of the ${clip.width}×${clip.height} px of it on screen; saved as ${file})`);
		}
		return { painted, ink, steps, cssWidth };
	} finally {
		await context.close();
	}
}

/** As the benchmark's memory run, for the reference: a blank page's PSS, then the peak while its scroller is scrolled 500 px at a time to the end; the most canvases alive at once. */
export async function referenceScroll(browser: Browser, url: string, pages: number): Promise<{ blank: number; peak: number; scrollTime: number; maxCanvases: number; lastPainted: boolean }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		await page.goto('about:blank');
		await page.waitForTimeout(1000);
		const blank = browserPss();
		await page.goto(url);
		await page.waitForFunction(() => performance.getEntriesByName('pdf:painted-1').length > 0, undefined, { timeout: 30_000 });
		await page.evaluate(`(() => {
			window.__maxCanvases = 0;
			const count = () => { window.__maxCanvases = Math.max(window.__maxCanvases, document.querySelectorAll('canvas').length); requestAnimationFrame(count); };
			count();
		})()`);
		let peak = blank;
		const sampler = setInterval(() => (peak = Math.max(peak, browserPss())), 200);
		const scrollStart = performance.now();
		for (;;) {
			const atEnd = await page.evaluate(() => {
				const scroller = document.getElementById('viewerContainer')!;
				scroller.scrollBy(0, 500);
				return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
			});
			await page.waitForTimeout(40);
			if (atEnd) break;
		}
		await page.waitForTimeout(1000);
		clearInterval(sampler);
		peak = Math.max(peak, browserPss());
		const scrollTime = performance.now() - scrollStart;
		const maxCanvases = await page.evaluate(() => (window as unknown as { __maxCanvases: number }).__maxCanvases);
		const lastPainted = await page.evaluate((n) => performance.getEntriesByName(`pdf:painted-${n}`).length > 0, pages);
		return { blank, peak, scrollTime, maxCanvases, lastPainted };
	} finally {
		await context.close();
	}
}
