/**
 * `npm run bench:viewer`: a generated 300-page PDF and a generated 50-page scan (one 300 dpi JPEG
 * a page, no text, its words in an OCR file beside it) in a fixture archive, built as a site
 * beside the real one, opened in headless Chromium at 1280×800. Prints, over RUNS cold loads
 * each, for each document: time from navigation to the first page's words visible and to its
 * canvas painted (the scan opened with #page=1: on a plain load its first page is below the fold,
 * under the machine-read notice, and a page off screen is not drawn); time to a deep page (250 of
 * the PDF, 40 of the scan) painted and in view when opened with #page=<n>. Each page counted as
 * painted is then checked on a screenshot: the part of its box on screen must show ink, not a
 * blank box. Then, scrolling through the PDF to the end, the peak memory of all the browser's
 * processes (PSS, above a blank page's) and the most canvases alive at once. Figures, not a
 * pass/fail test, except that a page reported painted but blank on screen stops it.
 *
 * Each figure is also taken for a reference, pdf.js's own viewer component (PDFViewer, see
 * viewer-reference.ts), on the same PDFs from the same server, its loads interleaved with ours,
 * and printed beside ours with the ratio ours/reference.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildViewerSite } from '../../tests/fixtures/viewer-site';
import { browserPss, inkIn, ms, percentile, serveAndLaunch } from './browser';
import { installReference, referenceScroll, referenceUrl, timedReference, type ReferenceTiming } from './viewer-reference';

const PAGES = 300;
const TARGET = 250;
const SCAN_PAGES = 50;
const SCAN_TARGET = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const started = performance.now();
const fixture = await buildViewerSite({ pages: PAGES, name: 'bench-viewer', longScan: SCAN_PAGES });
const scan = fixture.longScan!;
console.log(`Generated a ${PAGES}-page PDF and a ${SCAN_PAGES}-page scan and built their fixture site in ${ms(performance.now() - started)}`);

/**
 * In the page, from navigation start: when page n's words are on screen, and when its canvas
 * has pixels. Plain JavaScript in a string: tsx would wrap a TypeScript function's inner
 * functions in a helper the page does not have.
 */
const watchPage = (n: number) => `(() => {
	const marks = {};
	window.__marks = marks;
	const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
	const loop = () => {
		const box = document.querySelector('.pdf-page[data-page="${n}"]');
		if (box && inView(box)) {
			if (marks.words === undefined && box.querySelector('.page-text')?.textContent?.includes('fixture says')) marks.words = performance.now();
			// The build's image of the page (page 1 only): decoded and in view.
			const image = box.querySelector('img.page-image');
			if (marks.image === undefined && image && image.complete && image.naturalWidth > 0 && inView(image)) marks.image = performance.now();
			const canvas = box.querySelector('canvas');
			if (marks.painted === undefined && box.getAttribute('data-painted') === 'yes' && canvas) {
				const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
				for (let i = 0; i < data.length; i += 4) {
					if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) { marks.painted = performance.now(); break; }
				}
			}
		}
		if (marks.painted === undefined) requestAnimationFrame(loop);
	};
	requestAnimationFrame(loop);
})()`;

/** The least share of a page's visible pixels that must be ink for it to count as drawn: a few lines of text are well above it. */
const MIN_INK = 0.001;

/**
 * Page n as the screen shows it: a screenshot of the viewport, cropped to the part of the page's
 * box that is on screen, below the sticky toolbar and the page-number label (which are not the
 * page's pixels), inside its border. Returns the share of those pixels that are ink. Before the
 * canvas is painted the box shows the extracted words instead, so this is only meaningful once
 * the box says painted (the words are then hidden).
 */
async function inkOnScreen(page: Page, n: number): Promise<{ ink: number; area: { width: number; height: number } }> {
	const clip = (await page.evaluate(`(() => {
		const box = document.querySelector('.pdf-page[data-page="${n}"]');
		const r = box.getBoundingClientRect();
		const label = box.querySelector('.page-number')?.getBoundingClientRect();
		const toolbar = document.querySelector('.pdf .toolbar')?.getBoundingClientRect();
		const top = Math.max(r.top + 2, label ? label.bottom + 2 : 0, toolbar ? toolbar.bottom : 0, 0);
		const bottom = Math.min(r.bottom - 2, innerHeight);
		const left = Math.max(r.left + 2, 0);
		const right = Math.min(r.right - 2, innerWidth);
		return { x: Math.ceil(left), y: Math.ceil(top), width: Math.floor(right - Math.ceil(left)), height: Math.floor(bottom - Math.ceil(top)) };
	})()`)) as { x: number; y: number; width: number; height: number };
	return { ink: await inkIn(page, clip), area: clip };
}

/** Where page 1's box starts on a plain load (no #page=), in CSS px from the top of a 1280×800 viewport, once the viewer has laid the pages out. */
async function firstPageTop(id: string): Promise<number> {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(documentUrl(id));
	await page.locator('.pdf[data-state="open"]').waitFor({ timeout: 30_000 });
	const top = await page.evaluate(() => document.querySelector('.pdf-page[data-page="1"]')!.getBoundingClientRect().top);
	await context.close();
	return top;
}

/**
 * The build's image of page 1 as the screen shows it, with pdf.js kept from loading (so that the
 * image stays, and the canvas cannot be what is seen): the share of ink in the part of the image
 * in view, below the toolbar. Null when the page has no such image.
 */
async function imageInkOnScreen(id: string): Promise<{ ink: number; area: { width: number; height: number } } | null> {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.route(/pdf\.(min|worker\.min)[^/]*\.mjs/, (route) => route.abort());
	await page.goto(documentUrl(id));
	try {
		await page.waitForFunction(() => { const img = document.querySelector<HTMLImageElement>('.pdf-page[data-page="1"] img.page-image'); return !!img && img.complete && img.naturalWidth > 0; }, undefined, { timeout: 10_000 });
	} catch {
		await context.close();
		return null;
	}
	const clip = (await page.evaluate(`(() => {
		const r = document.querySelector('.pdf-page[data-page="1"] img.page-image').getBoundingClientRect();
		const toolbar = document.querySelector('.pdf .toolbar')?.getBoundingClientRect();
		const top = Math.max(r.top + 2, toolbar ? toolbar.bottom : 0, 0);
		const bottom = Math.min(r.bottom - 2, innerHeight);
		const left = Math.max(r.left + 2, 0);
		const right = Math.min(r.right - 2, innerWidth);
		return { x: Math.ceil(left), y: Math.ceil(top), width: Math.floor(right - Math.ceil(left)), height: Math.floor(bottom - Math.ceil(top)) };
	})()`)) as { x: number; y: number; width: number; height: number };
	const ink = await inkIn(page, clip);
	if (ink < MIN_INK) await page.screenshot({ path: `tests/.tmp/bench-viewer-blank-image-${id}.png` });
	await context.close();
	return { ink, area: clip };
}

// The reference (pdf.js's own PDFViewer) is copied into the site's folder on every run: a cached site built before it was added lacks it.
installReference(fixture.dir);
const pdfPath = `/files/${fixture.multipage.id}/${fixture.multipage.file}`;
const scanPath = `/files/${scan.id}/${scan.file}`;
const site = await serveAndLaunch(fixture.dir);

/** How wide, in CSS px, our viewer draws page 1 at 1280×800. */
async function ourPageWidth(id: string): Promise<number> {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(documentUrl(id));
	await page.locator('.pdf-page[data-page="1"][data-painted="yes"] canvas').waitFor({ timeout: 30_000 });
	const width = await page.evaluate(() => document.querySelector('.pdf-page[data-page="1"] canvas')!.getBoundingClientRect().width);
	await context.close();
	return width;
}
const documentUrl = (id: string) => `${site.origin}/archive/${id}`;
async function timed(id: string, hash: string, n: number): Promise<{ words: number; image?: number; painted: number; ink: number; steps: Record<string, number> }> {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.addInitScript({ content: watchPage(n) });
	await page.goto(documentUrl(id) + hash);
	try {
		await page.waitForFunction(() => (window as unknown as { __marks: { painted?: number } }).__marks?.painted !== undefined, undefined, { timeout: 30_000 });
	} catch (error) {
		await context.close();
		throw new Error(`${id}${hash}: page ${n} was not painted and in view within 30 s`, { cause: error });
	}
	const marks = await page.evaluate(() => (window as unknown as { __marks: { words: number; image?: number; painted: number } }).__marks);
	const steps = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('pdf:')).map((m) => [m.name, m.startTime])));
	const { ink, area } = await inkOnScreen(page, n);
	if (ink < MIN_INK) {
		const file = `tests/.tmp/bench-viewer-blank-${id}-${n}.png`;
		await page.screenshot({ path: file });
		await context.close();
		throw new Error(`${id} page ${n} was reported painted and in view, but the screenshot shows it blank (ink ${(ink * 100).toFixed(3)}% of the ${area.width}×${area.height} px of it on screen; saved as ${file})`);
	}
	await context.close();
	return { ...marks, ink, steps };
}

try {
	type Timing = Awaited<ReturnType<typeof timed>>;
	const first: Timing[] = [];
	const deep: Timing[] = [];
	const scanFirst: Timing[] = [];
	const scanDeep: Timing[] = [];
	const ref = { first: [] as ReferenceTiming[], deep: [] as ReferenceTiming[], scanFirst: [] as ReferenceTiming[], scanDeep: [] as ReferenceTiming[] };
	// The reference draws its pages as wide as ours (pdf.js's page-width would draw them the viewport's width, about three times the pixels).
	const ourWidth = await ourPageWidth(fixture.multipage.id);
	const reference = (path: string, hash: string, n: number) => timedReference(site.browser, referenceUrl(site.origin, path, ourWidth, hash), n, MIN_INK);
	// Ours and the reference interleaved, load by load, so that the shared machine's load falls on both alike.
	for (let run = 0; run < RUNS; run++) {
		first.push(await timed(fixture.multipage.id, '', 1));
		ref.first.push(await reference(pdfPath, '', 1));
		deep.push(await timed(fixture.multipage.id, `#page=${TARGET}`, TARGET));
		ref.deep.push(await reference(pdfPath, `#page=${TARGET}`, TARGET));
		// #page=1: on a plain load the scan's first page is below the fold (see firstPageTop), and a page off screen is not drawn.
		scanFirst.push(await timed(scan.id, '#page=1', 1));
		ref.scanFirst.push(await reference(scanPath, '#page=1', 1));
		scanDeep.push(await timed(scan.id, `#page=${SCAN_TARGET}`, SCAN_TARGET));
		ref.scanDeep.push(await reference(scanPath, `#page=${SCAN_TARGET}`, SCAN_TARGET));
	}

	const pdfTop = await firstPageTop(fixture.multipage.id);
	const imageInk = await imageInkOnScreen(fixture.multipage.id);
	if (imageInk && imageInk.ink < MIN_INK) throw new Error(`page 1's build-time image was decoded and in view, but the screenshot shows it blank (ink ${(imageInk.ink * 100).toFixed(3)}% of the ${imageInk.area.width}×${imageInk.area.height} px of it on screen)`);
	const scanTop = await firstPageTop(scan.id);

	// Memory: a blank page first, then the document scrolled from top to bottom.
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page: Page = await context.newPage();
	await page.goto('about:blank');
	await page.waitForTimeout(1000);
	const blank = browserPss();
	await page.goto(documentUrl(fixture.multipage.id));
	await page.locator('.pdf-page[data-page="1"][data-painted="yes"]').waitFor({ timeout: 30_000 });
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
			scrollBy(0, 500);
			return scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
		});
		await page.waitForTimeout(40);
		if (atEnd) break;
	}
	await page.waitForTimeout(1000);
	clearInterval(sampler);
	peak = Math.max(peak, browserPss());
	const scrollTime = performance.now() - scrollStart;
	const maxCanvases = await page.evaluate(() => (window as unknown as { __maxCanvases: number }).__maxCanvases);
	const lastPainted = await page.locator(`.pdf-page[data-page="${PAGES}"][data-painted="yes"]`).count();
	await context.close();
	const refMemory = await referenceScroll(site.browser, referenceUrl(site.origin, pdfPath, ourWidth), PAGES);

	const firstPaint = (m: Timing) => Math.min(m.image ?? Infinity, m.painted);
	const paintedBy = (timings: Timing[]) => {
		const byImage = timings.filter((m) => (m.image ?? Infinity) < m.painted).length;
		return `the image in ${byImage} of ${timings.length} loads, the canvas in ${timings.length - byImage}`;
	};
	const p = (values: number[]) => `median ${ms(percentile(values, 50))}, worst ${ms(Math.max(...values))}`;
	const steps = (timings: Timing[], n: number) => {
		const step = (name: string) => ms(percentile(timings.map((m) => m.steps[name] ?? NaN), 50));
		return `pdf.js and its worker asked for at ${step('pdf:library-start')}, library ready ${step('pdf:library-ready')}, PDF bytes in ${step('pdf:bytes')}, document open ${step('pdf:open')}, page ${n} painted ${step(`pdf:painted-${n}`)}`;
	};
	const ink = (timings: Timing[]) => `${(Math.min(...timings.map((m) => m.ink)) * 100).toFixed(1)}%`;
	console.log(`\nPDF viewer benchmark: a ${PAGES}-page PDF (${fixture.multipage.file}), Chromium 1280×800, ${RUNS} cold loads each`);
	console.log(`  first page's words visible (extracted text, before pdf.js): ${p(first.map((m) => m.words))}`);
	console.log(`  first page painted (the build's image decoded in view, or the canvas with ink, whichever first): ${p(first.map(firstPaint))}; painted first by ${paintedBy(first)}`);
	console.log(`  first page's canvas painted (non-blank canvas): ${p(first.map((m) => m.painted))}  [goal ≤ 600 ms]`);
	console.log(`  the build's image of page 1 on screen (pdf.js blocked, so only the image can show): ${imageInk ? `ink on ${(imageInk.ink * 100).toFixed(1)}% of the ${imageInk.area.width}×${imageInk.area.height} px of it in view` : 'no image'}`);
	console.log(`    where the time goes (medians from navigation start): ${steps(first, 1)}`);
	console.log(`  page ${TARGET} painted and in view, opened with #page=${TARGET}: ${p(deep.map((m) => m.painted))}  [goal ≤ 650 ms]; its words visible: ${p(deep.map((m) => m.words))}`);
	console.log(`    where the time goes (medians from navigation start): ${steps(deep, TARGET)}`);
	console.log(`  on screen (screenshot of each page counted as painted, the part of it in view): ink on at least ${ink(first)} of page 1's pixels, ${ink(deep)} of page ${TARGET}'s`);
	console.log(`  scrolling through all ${PAGES} pages (${ms(scrollTime)}): peak memory above a blank page ${((peak - blank) / 1024).toFixed(0)} MB (PSS of all browser processes; blank page ${(blank / 1024).toFixed(0)} MB)  [goal ≤ 300 MB]`);
	console.log(`  most canvases alive at once: ${maxCanvases} (of ${PAGES} pages; last page painted: ${lastPainted === 1 ? 'yes' : 'no'})  [goal: bounded by the viewport]`);
	const scanBytes = readFileSync(`${fixture.dir}/files/${scan.id}/${scan.file}`).length;
	console.log(`\nScanned document: a ${SCAN_PAGES}-page scan (${scan.file}, ${(scanBytes / 1024 / 1024).toFixed(1)} MB: one 2480×3508 JPEG a page, 300 dpi, no text; its words from the OCR file), same browser, ${RUNS} cold loads each`);
	const fold = (top: number) => `page 1's box starts ${top.toFixed(0)} px down the 800 px viewport${top >= 800 ? ': below the fold, so a plain load paints no page until the reader scrolls' : ''}`;
	console.log(`  on a plain load, ${fold(scanTop)} (the PDF's: ${pdfTop.toFixed(0)} px); the first page is timed opened with #page=1, which scrolls it into view`);
	console.log(`  first page's words visible (machine-read text, before pdf.js), #page=1: ${p(scanFirst.map((m) => m.words))}`);
	console.log(`  first page image painted (non-blank canvas), #page=1: ${p(scanFirst.map((m) => m.painted))}  [the PDF's goal: ≤ 600 ms]`);
	console.log(`    where the time goes (medians from navigation start): ${steps(scanFirst, 1)}`);
	console.log(`  page ${SCAN_TARGET} painted and in view, opened with #page=${SCAN_TARGET}: ${p(scanDeep.map((m) => m.painted))}  [the PDF's goal: ≤ 650 ms]; its words visible: ${p(scanDeep.map((m) => m.words))}`);
	console.log(`    where the time goes (medians from navigation start): ${steps(scanDeep, SCAN_TARGET)}`);
	console.log(`  on screen (screenshot of each page counted as painted, the part of it in view): ink on at least ${ink(scanFirst)} of page 1's pixels, ${ink(scanDeep)} of page ${SCAN_TARGET}'s`);

	// Against the reference: pdf.js's own viewer, the same PDFs, server, browser and viewport, its loads interleaved with ours.
	const spread = (values: number[]) => `${ms(percentile(values, 50))} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
	const versus = (label: string, ours: number[], theirs: number[]) =>
		console.log(`  ${label}: ours ${spread(ours)}, reference ${spread(theirs)}, ours/reference ${(percentile(ours, 50) / percentile(theirs, 50)).toFixed(2)}`);
	const refInk = (timings: ReferenceTiming[]) => `${(Math.min(...timings.map((m) => m.ink)) * 100).toFixed(1)}%`;
	console.log(`\nReference: pdf.js's own PDFViewer (pdfjs-dist/web/pdf_viewer.mjs, EventBus, PDFLinkService, text layer on, pages drawn as wide as ours; #page=<n> through PDFLinkService.setHash on pagesinit), the same PDFs, server, browser and 1280×800 viewport, ${RUNS} cold loads each, interleaved with ours; medians (min–max), from navigation start. A shared, loaded machine: the figures are noisy.`);
	versus(`${PAGES}-page PDF, first page painted (image or canvas, whichever first)`, first.map(firstPaint), ref.first.map((m) => m.painted));
	versus(`${PAGES}-page PDF, first page's canvas painted`, first.map((m) => m.painted), ref.first.map((m) => m.painted));
	versus(`${PAGES}-page PDF, page ${TARGET} painted and in view (#page=${TARGET})`, deep.map((m) => m.painted), ref.deep.map((m) => m.painted));
	versus(`${SCAN_PAGES}-page scan, first page painted (#page=1, image or canvas, whichever first)`, scanFirst.map(firstPaint), ref.scanFirst.map((m) => m.painted));
	versus(`${SCAN_PAGES}-page scan, first page's canvas painted (#page=1)`, scanFirst.map((m) => m.painted), ref.scanFirst.map((m) => m.painted));
	versus(`${SCAN_PAGES}-page scan, page ${SCAN_TARGET} painted and in view (#page=${SCAN_TARGET})`, scanDeep.map((m) => m.painted), ref.scanDeep.map((m) => m.painted));
	const refStep = (timings: ReferenceTiming[], name: string) => ms(percentile(timings.map((m) => m.steps[name] ?? NaN), 50));
	console.log(`    the reference's steps (medians, PDF first page): library and viewer ready ${refStep(ref.first, 'pdf:library-ready')}, document open ${refStep(ref.first, 'pdf:open')}, pages laid out ${refStep(ref.first, 'pdf:pagesinit')}, page 1 rendered ${refStep(ref.first, 'pdf:painted-1')}`);
	console.log(`    the reference on screen: ink on at least ${refInk(ref.first)} of the PDF's page 1, ${refInk(ref.deep)} of page ${TARGET}, ${refInk(ref.scanFirst)} of the scan's page 1, ${refInk(ref.scanDeep)} of page ${SCAN_TARGET}; page 1 ${ref.first[0]!.cssWidth.toFixed(0)} CSS px wide (ours ${ourWidth.toFixed(0)})`);
	const mb = (kb: number) => (kb / 1024).toFixed(0);
	console.log(`  scrolling through all ${PAGES} pages, peak memory above a blank page (one pass each): ours ${mb(peak - blank)} MB, reference ${mb(refMemory.peak - refMemory.blank)} MB, ours/reference ${((peak - blank) / (refMemory.peak - refMemory.blank)).toFixed(2)} (reference's pass ${ms(refMemory.scrollTime)})`);
	console.log(`  most canvases alive at once: ours ${maxCanvases}, reference ${refMemory.maxCanvases} (reference's last page painted: ${refMemory.lastPainted ? 'yes' : 'no'})`);
} finally {
	await site.close();
}
