/**
 * A dense timeline as a reader sees it: above 300 marks in view the marks are drawn on a canvas
 * layer, and a screenshot of the chart (what is on screen, not the canvas's own pixels, which
 * would hold the marks even where something covers them) must show each lane's marks in that
 * lane, in its category's colour.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { CATEGORIES, type Category } from '../../src/lib/content/vocabulary';
import { INLINE_EVENTS } from '../../src/lib/timeline/data';
import { CATEGORY_STYLES } from '../../src/lib/timeline/marks';
import { buildViewerSite, DENSE_EVENTS, type ViewerFixture } from '../fixtures/viewer-site';
import { openSite, watchedPage, type Site } from './harness';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe('a dense timeline', () => {
	let fixture: ViewerFixture;
	let site: Site;
	before(async () => {
		fixture = await buildViewerSite();
		site = await openSite({ dir: fixture.dir });
	});
	after(async () => site?.close());

	it(`draws ${DENSE_EVENTS} marks on its canvas layer, and each lane's marks are on screen in their colour`, async () => {
		const { page, errors } = await watchedPage(site);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(`${site.origin}/timeline`);
		await page.locator('.timeline[data-ready="true"]').waitFor();
		// The dense layer is in use: few mark elements, the rest on the canvas.
		assert.ok((await page.locator('.timeline svg [data-event-id]').count()) < 50, 'marks are drawn on the canvas, not as elements');
		const chart = page.locator('.timeline .chart');
		// Each lane's band, from the chart's top, measured at one moment (the screenshot may scroll the page).
		const bands = await chart.evaluate((el) => {
			const top = el.getBoundingClientRect().top;
			return Object.fromEntries([...el.querySelectorAll<SVGGElement>('.lane')].map((lane) => [lane.dataset.category, [lane.getBoundingClientRect().top - top, lane.getBoundingClientRect().bottom - top]]));
		});
		const width = await chart.evaluate((el) => el.getBoundingClientRect().width);
		const shot = await chart.screenshot();
		const { data, info } = await sharp(shot).removeAlpha().raw().toBuffer({ resolveWithObject: true });
		const scale = info.width / width;
		for (const category of Object.keys(CATEGORIES) as Category[]) {
			const band = bands[category];
			assert.ok(band, `lane ${category} is drawn`);
			const [r, g, b] = rgb(CATEGORY_STYLES[category].colour);
			const top = Math.max(0, Math.floor(band[0]! * scale));
			const bottom = Math.min(info.height, Math.ceil(band[1]! * scale));
			let matching = 0;
			for (let y = top; y < bottom; y++) {
				for (let x = 0; x < info.width; x++) {
					const i = (y * info.width + x) * info.channels;
					if (Math.abs(data[i]! - r) < 40 && Math.abs(data[i + 1]! - g) < 40 && Math.abs(data[i + 2]! - b) < 40) matching++;
				}
			}
			// Seventy marks a lane, each some 40 pixels of its colour: far more than a lane label or an edge could hold.
			assert.ok(matching > 400, `lane ${category} (rows ${top}–${bottom}): ${matching} pixels of ${CATEGORY_STYLES[category].colour} on screen`);
		}
		assert.deepEqual(errors, []);
	});

	it(`above ${INLINE_EVENTS} events, ships them as a file, and without JavaScript lists every one on a page of its own`, async () => {
		const count = (JSON.parse(readFileSync(join(fixture.dir, 'data', 'events.json'), 'utf8')) as unknown[]).length;
		assert.ok(count > INLINE_EVENTS, `the fixture has ${count} events`);
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const prefix of ['', '/zh-hans', '/zh-hant']) {
			for (const path of [`${prefix}/timeline`, prefix || '/']) {
				await page.goto(site.origin + path);
				// No list inside the page: a link to the page that holds it, and the events file preloaded for the chart.
				assert.equal(await page.locator('.timeline .list li').count(), 0, `${path}: no inline list`);
				const preload = await page.locator('link[rel="preload"][as="fetch"]').getAttribute('href');
				assert.match(preload ?? '', new RegExp(`^${prefix}/timeline/events-[^/]+\\.json$`), `${path}: preloads its interface's events file`);
				const file = (await (await page.request.get(site.origin + preload)).json()) as { events: unknown[] };
				assert.equal(file.events.length, count, `${preload} holds every event`);
				await page.locator(`.timeline .list a[href="${prefix}/timeline/list"]`).click();
				assert.equal(new URL(page.url()).pathname, `${prefix}/timeline/list`);
				assert.equal(await page.locator('main .event-list > li').count(), count, `${prefix}/timeline/list lists every event`);
			}
		}
		await context.close();
	});

	it('says so in the interface\'s words when its events file fails to load, and still leads to the list of every event', async () => {
		const said = { '': 'The events could not be loaded', '/zh-hans': '无法加载事件', '/zh-hant': '無法載入事件' };
		for (const [prefix, words] of Object.entries(said)) {
			const { page, errors } = await watchedPage(site);
			await page.route('**/timeline/events-*.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }));
			await page.goto(`${site.origin}${prefix}/timeline`);
			const range = page.locator('.timeline .range');
			await range.filter({ hasText: words }).waitFor({ timeout: 15_000 });
			assert.match((await range.textContent()) ?? '', new RegExp(`HTTP 503: ${prefix}/timeline/events-`), `${prefix}/timeline: the message names the file and what the server answered`);
			if (prefix) assert.doesNotMatch((await range.textContent()) ?? '', /answered|failed/i, `${prefix}/timeline: no English words inside the Chinese message`);
			assert.ok(await page.locator(`.timeline a[href="${prefix}/timeline/list"]`).first().isVisible(), `${prefix}/timeline: the list of every event is still a link away`);
			// The failed fetch (and its preload) is all that went wrong.
			assert.deepEqual(errors.filter((e) => !/503/.test(e)), []);
			await page.close();
		}
		// A file that is there but is not the events file (a server's error page, a file of another format).
		const { page, errors } = await watchedPage(site);
		await page.route('**/timeline/events-*.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"format":2}' }));
		await page.goto(`${site.origin}/zh-hans/timeline`);
		const range = page.locator('.timeline .range');
		await range.filter({ hasText: said['/zh-hans'] }).waitFor({ timeout: 15_000 });
		assert.match((await range.textContent()) ?? '', /^无法加载事件（\/zh-hans\/timeline\/events-[^/]+\.json）。$/, 'the Chinese message names the file, in no English words');
		assert.ok(errors.some((e) => /format 2, not 1/.test(e)), 'the console says why');
		assert.deepEqual(errors.filter((e) => !/format 2, not 1/.test(e)), [], 'and nothing else went wrong');
		await page.close();
	});
});
