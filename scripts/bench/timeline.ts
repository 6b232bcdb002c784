/**
 * `npm run bench:timeline`: generated events over 1900–2025 (500, then 5,000; env BENCH_SIZES,
 * one build of the site each), the built timeline in headless Chromium at 1280×800 beside a
 * reference page, plain D3 + SVG on the same events (scripts/bench/reference-timeline.ts), run
 * alternately, BENCH_RUNS times each (default 3), at the default /timeline and at
 * ?from=1900&to=2025. Each run: first render, then 100 steps (50 wheel zooms in and out, 50 drag
 * pans) with frame intervals from requestAnimationFrame and main-thread time per step (CDP
 * TaskDuration). Prints the median and the spread (min–max) of each figure for ours and the
 * reference, and the ratio of the medians (ours / reference). Then, on the last size, the vertical
 * layout at 390×780 with touch: first render, and frame intervals while scrolling and zooming.
 * Before timing, every page is checked from a screenshot: marks in their colours on screen (a
 * blank chart stops the run, so that it can never score well). Figures, not a pass/fail test; on
 * a shared machine they are noisy, hence the spread.
 *
 * Also the English home page's JavaScript: every script file it loads on a first visit (from the
 * browser's own requests, so lazy chunks it loads count too), gzipped one by one from build/ at
 * zlib's default level and summed; pdf.js must not be among them.
 *
 * First render, for both pages alike: from navigation start to the moment `.timeline` gets
 * `data-ready="true"` (seen by a MutationObserver installed before the page's scripts); both set
 * it two animation frames after the marks are drawn and d3-zoom is attached.
 */
/** Pixels of the categories' colours in a screenshot of the element: what a reader sees of the marks. */
async function markPixels(page: Page, selector: string): Promise<number> {
	const { data, info } = await sharp(await page.locator(selector).screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const colours = Object.values(CATEGORY_STYLES).map(({ colour }) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)));
	let count = 0;
	for (let i = 0; i < data.length; i += info.channels) if (colours.some(([r, g, b]) => Math.abs(data[i]! - r!) < 40 && Math.abs(data[i + 1]! - g!) < 40 && Math.abs(data[i + 2]! - b!) < 40)) count++;
	return count;
}
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { CATEGORY_STYLES } from '../../src/lib/timeline/marks';
import { buildSite, ms, percentile, restoreRealBuild, serveAndLaunch } from './browser';
import { writeTimelineArchive } from './generate';
import { REFERENCE_PATH, writeReferencePage } from './reference-timeline';

const SIZES = (process.env.BENCH_SIZES ?? '500,5000').split(',').map(Number);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const WINDOWS = [
	{ name: 'default view (1966–2022)', query: '' },
	{ name: '?from=1900&to=2025', query: '?from=1900&to=2025' }
];
const archiveDir = resolve('tests/.tmp/bench-timeline');
// SKIP_BUILD=1 reuses a build of a generated archive already in build/ (for quick iterations): one size, whatever it holds.
const reuse = process.env.SKIP_BUILD === '1';

/** Records when `.timeline` gets data-ready="true": installed before any of the page's scripts. A string: tsx's helpers do not exist in the page. */
const READY_PROBE = `(() => {
	window.__readyAt = null;
	new MutationObserver((records, observer) => {
		for (const r of records) if (r.target.classList && r.target.classList.contains('timeline') && r.target.getAttribute('data-ready') === 'true') {
			window.__readyAt = performance.now();
			observer.disconnect();
			return;
		}
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
})()`;

async function readyAt(page: Page): Promise<number> {
	await page.locator('.timeline[data-ready="true"]').waitFor({ timeout: 60_000 });
	const at = (await page.evaluate('window.__readyAt')) as number | null;
	if (at === null) throw new Error('data-ready was set without the probe seeing it: first render would not be measured alike');
	return at;
}

interface Figures {
	firstRender: number;
	htmlReceived: number;
	domContentLoaded: number;
	markPixels: number;
	zoomP50: number;
	zoomP95: number;
	panP50: number;
	panP95: number;
	frameP50: number;
	frameP95: number;
	frameMax: number;
	framesOver50: number;
	range: string;
}

/** One page load and 100 steps, in a fresh context (cold cache), at 1280×800. */
async function measure(browser: Browser, url: string, what: string): Promise<Figures> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		await page.addInitScript(READY_PROBE);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Performance.enable');
		const taskDuration = async () => {
			const { metrics } = await cdp.send('Performance.getMetrics');
			return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
		};

		await page.goto(url, { waitUntil: 'commit' });
		const firstRender = await readyAt(page);
		const nav = await page.evaluate(() => {
			const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
			return { responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd };
		});
		const onScreen = await markPixels(page, '.timeline .chart');
		if (onScreen < 1000) throw new Error(`${what}: the chart shows ${onScreen} pixels of marks: it is blank, and its frames would be timed for nothing`);

		// Frame intervals over the whole interaction, from requestAnimationFrame timestamps.
		await page.evaluate(`(() => {
			window.__frames = [];
			window.__stop = false;
			const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
			requestAnimationFrame(tick);
		})()`);
		const box = (await page.locator('.timeline .chart svg').first().boundingBox())!;
		const cx = box.x + box.width / 2;
		const cy = box.y + Math.min(box.height / 2, 300);
		const zoomSteps: number[] = [];
		const panSteps: number[] = [];
		const nextFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		for (let i = 0; i < 50; i++) {
			await page.mouse.move(cx + ((i * 37) % 400) - 200, cy);
			const before = await taskDuration();
			await page.mouse.wheel(0, i % 10 < 5 ? -120 : 120);
			await nextFrames();
			zoomSteps.push((await taskDuration()) - before);
		}
		for (let i = 0; i < 50; i++) {
			const before = await taskDuration();
			const direction = i % 2 === 0 ? 1 : -1;
			await page.mouse.move(cx, cy);
			await page.mouse.down();
			for (let s = 1; s <= 5; s++) await page.mouse.move(cx + direction * s * 30, cy);
			await page.mouse.up();
			await nextFrames();
			panSteps.push((await taskDuration()) - before);
		}
		const frames = (await page.evaluate('window.__stop = true, window.__frames')) as number[];
		const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
		const range = ((await page.locator('.timeline .range').first().textContent()) ?? '').trim();
		return {
			firstRender,
			htmlReceived: nav.responseEnd,
			domContentLoaded: nav.domContentLoaded,
			markPixels: onScreen,
			zoomP50: percentile(zoomSteps, 50),
			zoomP95: percentile(zoomSteps, 95),
			panP50: percentile(panSteps, 50),
			panP95: percentile(panSteps, 95),
			frameP50: percentile(intervals, 50),
			frameP95: percentile(intervals, 95),
			frameMax: Math.max(...intervals),
			framesOver50: intervals.filter((t) => t > 50).length,
			range
		};
	} finally {
		await context.close();
	}
}

const ROWS: { key: keyof Omit<Figures, 'range'>; label: string; unit: 'ms' | 'count'; goal?: string }[] = [
	{ key: 'firstRender', label: 'first render (navigation → data-ready)', unit: 'ms', goal: 'goal ≤ 500 ms' },
	{ key: 'htmlReceived', label: '  of which HTML received', unit: 'ms' },
	{ key: 'domContentLoaded', label: '  of which DOMContentLoaded', unit: 'ms' },
	{ key: 'zoomP50', label: 'main thread per zoom step, p50', unit: 'ms' },
	{ key: 'zoomP95', label: 'main thread per zoom step, p95', unit: 'ms', goal: 'goal ≤ 8 ms' },
	{ key: 'panP50', label: 'main thread per drag pan (5 moves), p50', unit: 'ms' },
	{ key: 'panP95', label: 'main thread per drag pan (5 moves), p95', unit: 'ms' },
	{ key: 'frameP50', label: 'frame interval (wheel + drag), p50', unit: 'ms' },
	{ key: 'frameP95', label: 'frame interval (wheel + drag), p95', unit: 'ms', goal: 'goal ≤ 17 ms' },
	{ key: 'frameMax', label: 'frame interval (wheel + drag), max', unit: 'ms' },
	{ key: 'framesOver50', label: 'frames over 50 ms', unit: 'count', goal: 'goal 0' },
	{ key: 'markPixels', label: 'mark pixels on screen at first render', unit: 'count' }
];

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const num = (n: number, unit: 'ms' | 'count') => (unit === 'ms' ? n.toFixed(1) : Math.round(n).toLocaleString('en'));
const summary = (values: readonly number[], unit: 'ms' | 'count') =>
	`${num(median(values), unit)}${unit === 'ms' ? ' ms' : ''} (${num(Math.min(...values), unit)}–${num(Math.max(...values), unit)})`;

function report(events: number, window: string, ours: Figures[], reference: Figures[]): void {
	console.log(`\n${events.toLocaleString('en')} events, ${window}, 1280×800, headless Chromium, ${ours.length} run(s) each, interleaved; median (min–max)`);
	console.log(`  ${'figure'.padEnd(42)} ${'ours'.padEnd(26)} ${'reference (D3 + SVG)'.padEnd(26)} ours / reference`);
	for (const row of ROWS) {
		const a = ours.map((f) => f[row.key]);
		const b = reference.map((f) => f[row.key]);
		const ratio = median(b) === 0 ? (median(a) === 0 ? '—' : '∞') : `${(median(a) / median(b)).toFixed(2)}×`;
		console.log(`  ${row.label.padEnd(42)} ${summary(a, row.unit).padEnd(26)} ${summary(b, row.unit).padEnd(26)} ${ratio}${row.goal ? `  [ours: ${row.goal}]` : ''}`);
	}
	console.log(`  view after the steps: ours ${ours.at(-1)!.range}; reference ${reference.at(-1)!.range}`);
}

/** The JavaScript the English home page loads on a first visit (cold cache), gzipped, from the files in build/. */
async function homeJavaScript(browser: Browser, origin: string): Promise<{ files: number; gzipped: number; largest: string; pdfjs: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await context.newPage();
		const paths = new Set<string>();
		page.on('response', (response) => {
			const path = new URL(response.url()).pathname;
			if (/\.m?js$/.test(path)) paths.add(path);
		});
		await page.goto(`${origin}/`, { waitUntil: 'networkidle' });
		await page.locator('.timeline[data-ready="true"]').waitFor();
		const sizes = [...paths].map((path) => ({ path, gzipped: gzipSync(readFileSync(join('build', decodeURIComponent(path)))).length })).sort((a, b) => b.gzipped - a.gzipped);
		const largest = sizes.slice(0, 4).map((f) => `${f.path.split('/').pop()} ${(f.gzipped / 1000).toFixed(1)}`).join(', ');
		return { files: paths.size, gzipped: sizes.reduce((sum, f) => sum + f.gzipped, 0), largest, pdfjs: [...paths].filter((p) => /pdf/i.test(p)) };
	} finally {
		await context.close();
	}
}

async function benchSize(events: number, phone: boolean): Promise<void> {
	writeReferencePage('build');
	const site = await serveAndLaunch();
	try {
		const js = await homeJavaScript(site.browser, site.origin);
		console.log(`\nHome page (English, first visit): ${js.files} JavaScript files, ${(js.gzipped / 1000).toFixed(1)} kB gzipped (${(js.gzipped / 1024).toFixed(1)} KiB)  [goal ≤ 80 KB]; largest (kB): ${js.largest}`);
		if (js.pdfjs.length) throw new Error(`the home page loads pdf.js (${js.pdfjs.join(', ')}): it must never load there`);
		const results = WINDOWS.map(() => ({ ours: [] as Figures[], reference: [] as Figures[] }));
		for (let run = 0; run < RUNS; run++) {
			for (const [w, window] of WINDOWS.entries()) {
				// Alternate which page goes first, so that neither always meets a warmer or a busier machine.
				const order = (run + w) % 2 === 0 ? (['ours', 'reference'] as const) : (['reference', 'ours'] as const);
				for (const which of order) {
					const url = which === 'ours' ? `${site.origin}/timeline${window.query}` : `${site.origin}${REFERENCE_PATH}${window.query}`;
					results[w]![which].push(await measure(site.browser, url, `${which}, ${events} events, ${window.name}`));
				}
			}
			process.stdout.write(`  ${events} events: run ${run + 1} of ${RUNS} done\n`);
		}
		for (const [w, window] of WINDOWS.entries()) report(events, window.name, results[w]!.ours, results[w]!.reference);
		// The vertical layout's check wants at least 20 rows in 2001–2003: the 5,000-event archive has them.
		if (phone && events >= 5000) await vertical(site.browser, site.origin, events);
		else if (phone) console.log(`\nVertical layout: skipped (${events} events; it is timed on 5,000)`);
	} finally {
		await site.close();
	}
}

/** The vertical layout, on a phone. */
async function vertical(browser: Browser, origin: string, events: number): Promise<void> {
	const phone = await browser.newContext({ viewport: { width: 390, height: 780 }, hasTouch: true, isMobile: true });
	const mobile = await phone.newPage();
	await mobile.addInitScript(READY_PROBE);
	await mobile.goto(`${origin}/timeline?from=2001&to=2003`, { waitUntil: 'commit' });
	const phoneFirst = await readyAt(mobile);
	const rows = await mobile.locator('.timeline .row').count();
	const phoneInk = await markPixels(mobile, '.timeline .column');
	if (rows < 20 || phoneInk < 1000) throw new Error(`The vertical timeline shows ${rows} rows and ${phoneInk} pixels of marks: it is not showing the events`);
	await mobile.evaluate(`(() => {
		window.__frames = [];
		window.__stop = false;
		const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
		requestAnimationFrame(tick);
	})()`);
	for (let i = 0; i < 30; i++) {
		await mobile.mouse.wheel(0, i < 20 ? 300 : -450);
		await mobile.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
	}
	for (let i = 0; i < 6; i++) {
		await mobile.getByRole('button', { name: i % 2 === 0 ? 'Zoom out' : 'Zoom in', exact: true }).tap();
		await mobile.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
	}
	const phoneFrames = (await mobile.evaluate('window.__stop = true, window.__frames')) as number[];
	const phoneIntervals = phoneFrames.slice(1).map((t, i) => t - phoneFrames[i]!);
	console.log(`\nVertical layout: the same ${events.toLocaleString('en')} events, 390×780 with touch, /timeline?from=2001&to=2003`);
	console.log(`  first render (navigation → laid out and answering): ${ms(phoneFirst)}; ${rows} rows; on screen (screenshot): ${phoneInk.toLocaleString('en')} pixels of marks`);
	console.log(`  frame interval while scrolling and zooming: p50 ${ms(percentile(phoneIntervals, 50))}, p95 ${ms(percentile(phoneIntervals, 95))}, max ${ms(Math.max(...phoneIntervals))}; frames over 50 ms: ${phoneIntervals.filter((t) => t > 50).length} of ${phoneIntervals.length}`);
	await phone.close();
}

try {
	if (reuse) {
		const events = (JSON.parse(readFileSync('build/data/events.json', 'utf8')) as unknown[]).length;
		console.log(`SKIP_BUILD=1: the build in build/ as it is (${events} events)`);
		await benchSize(events, true);
	} else {
		for (const [i, events] of SIZES.entries()) {
			writeTimelineArchive(archiveDir, events, 1900, 2025);
			console.log(`\nGenerated ${events.toLocaleString('en')} events over 1900–2025 in ${archiveDir}`);
			console.log(`Built the site in ${ms(buildSite(archiveDir))}`);
			await benchSize(events, i === SIZES.length - 1);
		}
	}
} finally {
	if (!reuse) console.log(`\nRebuilt the real archive in ${ms(restoreRealBuild())}`);
}
