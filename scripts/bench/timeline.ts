/**
 * `npm run bench:timeline`: 5,000 generated events over 1900–2025, the built timeline in
 * headless Chromium at 1280×800, 100 steps (50 wheel zooms in and out, 50 drag pans). Prints
 * time to first render, frame intervals (p50, p95, max) from requestAnimationFrame, frames
 * over 50 ms, and main-thread time per zoom step (p50, p95); then the vertical layout at 390×780
 * with touch: first render, and frame intervals while scrolling and zooming. Before timing, each
 * layout is checked from a screenshot: marks in their colours on screen (a blank chart stops the
 * run, so that it can never score well). Figures, not a pass/fail test.
 */

/** Pixels of the categories' colours in a screenshot of the element: what a reader sees of the marks. */
async function markPixels(page: Page, selector: string): Promise<number> {
	const { data, info } = await sharp(await page.locator(selector).screenshot()).removeAlpha().raw().toBuffer({ resolveWithObject: true });
	const colours = Object.values(CATEGORY_STYLES).map(({ colour }) => [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)));
	let count = 0;
	for (let i = 0; i < data.length; i += info.channels) if (colours.some(([r, g, b]) => Math.abs(data[i]! - r!) < 40 && Math.abs(data[i + 1]! - g!) < 40 && Math.abs(data[i + 2]! - b!) < 40)) count++;
	return count;
}
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { CATEGORY_STYLES } from '../../src/lib/timeline/marks';
import { buildSite, ms, percentile, restoreRealBuild, serveAndLaunch } from './browser';
import { writeTimelineArchive } from './generate';

const EVENTS = 5000;
const archiveDir = resolve('tests/.tmp/bench-timeline');
// SKIP_BUILD=1 reuses a build of the generated archive already in build/ (for quick iterations).
const reuse = process.env.SKIP_BUILD === '1';
if (!reuse) {
	writeTimelineArchive(archiveDir, EVENTS, 1900, 2025);
	console.log(`Generated ${EVENTS} events over 1900–2025 in ${archiveDir}`);
	console.log(`Built the site in ${ms(buildSite(archiveDir))}`);
}

const site = await serveAndLaunch();
try {
	const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Performance.enable');
	const taskDuration = async () => {
		const { metrics } = await cdp.send('Performance.getMetrics');
		return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
	};

	// First render: from navigation start to the chart drawn and answering gestures.
	await page.goto(`${site.origin}/timeline?from=1900&to=2025`, { waitUntil: 'commit' });
	await page.locator('.timeline[data-ready="true"]').waitFor({ timeout: 30_000 });
	const firstRender = await page.evaluate(() => performance.now());
	const nav = await page.evaluate(() => {
		const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		return { bytes: n.transferSize, responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd };
	});
	const marks = await page.evaluate(() => ({ elements: document.querySelectorAll('.timeline .mark').length, canvas: (document.querySelector('.timeline canvas') as HTMLCanvasElement).width > 0 }));
	const onScreen = await markPixels(page, '.timeline .chart');
	if (onScreen < 1000) throw new Error(`The chart shows ${onScreen} pixels of marks: it is blank, and its frames would be timed for nothing`);

	// Frame intervals over the whole interaction, from requestAnimationFrame timestamps.
	// A string, not a function: tsx's name helpers do not exist in the page.
	await page.evaluate(`(() => {
		window.__frames = [];
		window.__stop = false;
		const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
		requestAnimationFrame(tick);
	})()`);
	const box = (await page.locator('.timeline .chart svg').boundingBox())!;
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
	const range = await page.locator('.timeline .range').textContent();

	console.log(`\nTimeline benchmark: ${EVENTS} events, 1280×800, headless Chromium`);
	console.log(`  first render (navigation → drawn and interactive): ${ms(firstRender)}  [goal ≤ 500 ms]`);
	console.log(`    of which: HTML received ${ms(nav.responseEnd)} (${(nav.bytes / 1e6).toFixed(2)} MB, the prerendered list of every event included), parsed ${ms(nav.domContentLoaded)}; hydration, layout and drawing ${ms(firstRender - nav.domContentLoaded)}`);
	console.log(`  marks at first render: ${marks.elements} elements, canvas layer ${marks.canvas ? 'drawn' : 'unused'}; on screen (screenshot): ${onScreen.toLocaleString('en')} pixels in the categories' colours`);
	console.log(`  frame interval: p50 ${ms(percentile(intervals, 50))}, p95 ${ms(percentile(intervals, 95))}, max ${ms(Math.max(...intervals))}  [goal p95 ≤ 17 ms]`);
	console.log(`  frames over 50 ms: ${intervals.filter((t) => t > 50).length} of ${intervals.length}  [goal 0]`);
	console.log(`  main-thread time per zoom step: p50 ${ms(percentile(zoomSteps, 50))}, p95 ${ms(percentile(zoomSteps, 95))}  [goal p95 ≤ 8 ms]`);
	console.log(`  main-thread time per drag pan (5 moves): p50 ${ms(percentile(panSteps, 50))}, p95 ${ms(percentile(panSteps, 95))}`);
	console.log(`  view after the steps: ${range}`);
	await context.close();

	// The vertical layout, on a phone.
	const phone = await site.browser.newContext({ viewport: { width: 390, height: 780 }, hasTouch: true, isMobile: true });
	const mobile = await phone.newPage();
	await mobile.goto(`${site.origin}/timeline?from=2001&to=2003`, { waitUntil: 'commit' });
	await mobile.locator('.timeline[data-ready="true"]').waitFor({ timeout: 30_000 });
	const phoneFirst = await mobile.evaluate(() => performance.now());
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
	console.log(`\nVertical layout: the same ${EVENTS} events, 390×780 with touch, /timeline?from=2001&to=2003`);
	console.log(`  first render (navigation → laid out and answering): ${ms(phoneFirst)}; ${rows} rows; on screen (screenshot): ${phoneInk.toLocaleString('en')} pixels of marks`);
	console.log(`  frame interval while scrolling and zooming: p50 ${ms(percentile(phoneIntervals, 50))}, p95 ${ms(percentile(phoneIntervals, 95))}, max ${ms(Math.max(...phoneIntervals))}; frames over 50 ms: ${phoneIntervals.filter((t) => t > 50).length} of ${phoneIntervals.length}`);
	await phone.close();
} finally {
	await site.close();
	if (!reuse) console.log(`\nRebuilt the real archive in ${ms(restoreRealBuild())}`);
}
