/**
 * `npm run bench:viewer`: a generated 300-page PDF in a fixture archive, built as a site beside
 * the real one, opened in headless Chromium at 1280×800. Prints, over RUNS cold loads each:
 * time from navigation to the first page's words visible and to its canvas painted; time to
 * page 250 painted and in view when opened with #page=250; then, scrolling through to the end,
 * the peak memory of all the browser's processes (PSS, above a blank page's) and the most
 * canvases alive at once. Figures, not a pass/fail test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { buildViewerSite } from '../../tests/fixtures/viewer-site';
import { ms, percentile, serveAndLaunch } from './browser';

const PAGES = 300;
const TARGET = 250;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const started = performance.now();
const fixture = await buildViewerSite({ pages: PAGES, name: 'bench-viewer' });
console.log(`Generated a ${PAGES}-page PDF and built its fixture site in ${ms(performance.now() - started)}`);

/** PSS in kB of this process's Chromium and all its children (renderers, GPU, utility). */
function browserPss(): number {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const ours = new Set<number>([process.pid]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, parent] of parents) {
			if (!ours.has(pid) && ours.has(parent)) {
				ours.add(pid);
				grew = true;
			}
		}
	}
	ours.delete(process.pid);
	let total = 0;
	for (const pid of ours) {
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) continue;
			total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
		} catch {
			// The process ended while we looked.
		}
	}
	return total;
}

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

const site = await serveAndLaunch(fixture.dir);
const url = `${site.origin}/archive/${fixture.multipage.id}`;
async function timed(hash: string, n: number): Promise<{ words: number; painted: number; steps: Record<string, number> }> {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.addInitScript({ content: watchPage(n) });
	await page.goto(url + hash);
	await page.waitForFunction(() => (window as unknown as { __marks: { painted?: number } }).__marks?.painted !== undefined, undefined, { timeout: 30_000 });
	const marks = await page.evaluate(() => (window as unknown as { __marks: { words: number; painted: number } }).__marks);
	const steps = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').filter((m) => m.name.startsWith('pdf:')).map((m) => [m.name, m.startTime])));
	await context.close();
	return { ...marks, steps };
}

try {
	type Timing = Awaited<ReturnType<typeof timed>>;
	const first: Timing[] = [];
	const deep: Timing[] = [];
	for (let run = 0; run < RUNS; run++) {
		first.push(await timed('', 1));
		deep.push(await timed(`#page=${TARGET}`, TARGET));
	}

	// Memory: a blank page first, then the document scrolled from top to bottom.
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page: Page = await context.newPage();
	await page.goto('about:blank');
	await page.waitForTimeout(1000);
	const blank = browserPss();
	await page.goto(url);
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

	const p = (values: number[]) => `median ${ms(percentile(values, 50))}, worst ${ms(Math.max(...values))}`;
	console.log(`\nPDF viewer benchmark: a ${PAGES}-page PDF (${fixture.multipage.file}), Chromium 1280×800, ${RUNS} cold loads each`);
	console.log(`  first page's words visible (extracted text, before pdf.js): ${p(first.map((m) => m.words))}`);
	console.log(`  first page painted (non-blank canvas): ${p(first.map((m) => m.painted))}  [goal ≤ 600 ms]`);
	const step = (name: string) => ms(percentile(first.map((m) => m.steps[name] ?? NaN), 50));
	console.log(`    where the time goes (medians from navigation start): pdf.js and its worker asked for at ${step('pdf:library-start')}, library ready ${step('pdf:library-ready')}, PDF bytes in ${step('pdf:bytes')}, document open ${step('pdf:open')}, page 1 painted ${step('pdf:painted-1')}`);
	console.log(`  page ${TARGET} painted and in view, opened with #page=${TARGET}: ${p(deep.map((m) => m.painted))}  [goal ≤ 650 ms]; its words visible: ${p(deep.map((m) => m.words))}`);
	console.log(`  scrolling through all ${PAGES} pages (${ms(scrollTime)}): peak memory above a blank page ${((peak - blank) / 1024).toFixed(0)} MB (PSS of all browser processes; blank page ${(blank / 1024).toFixed(0)} MB)  [goal ≤ 300 MB]`);
	console.log(`  most canvases alive at once: ${maxCanvases} (of ${PAGES} pages; last page painted: ${lastPainted === 1 ? 'yes' : 'no'})  [goal: bounded by the viewport]`);
} finally {
	await site.close();
}
