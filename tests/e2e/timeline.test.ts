/**
 * The timeline as a reader uses it: zoom, keyboard, selection with its sources, URL state,
 * back and forward, the list without JavaScript, and a phone-sized screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/content/manifest';
import { openSite, watchedPage, type Site } from './harness';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();

const rangeText = (page: Page) => page.locator('.timeline .range').textContent();
const tickLabels = (page: Page) => page.locator('.timeline .axis text').allTextContents();
const focusedEventId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-event-id') ?? null);

/**
 * Waits until a parameter of the page's own URL matches a pattern. (history.replaceState is not
 * always seen as a navigation by waitForURL, so the page is asked directly.)
 */
async function paramMatches(page: Page, key: string, pattern: RegExp) {
	await page.waitForFunction(([k, source]) => new RegExp(source).test(new URLSearchParams(location.search).get(k) ?? ''), [key, pattern.source] as const);
}
const exactly = (value: string) => new RegExp(`^${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const ready = (page: Page) => page.locator('.timeline[data-ready="true"]').waitFor();

describe('the timeline', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('"Zoom in" narrows the visible range and changes the ticks; "Reset" restores it', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		assert.match((await rangeText(page)) ?? '', /^1966–2022:/);
		const before = await tickLabels(page);
		await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
		// The zoom animates (unless the reader prefers reduced motion): wait for it to settle.
		await page.waitForFunction(() => {
			const [a, b] = (document.querySelector('.timeline .range')?.textContent ?? '').split(':')[0]!.split('–').map(Number);
			return b! - a! < 35;
		});
		const [from, to] = ((await rangeText(page)) ?? '').split(':')[0]!.split('–').map(Number);
		assert.ok(from! > 1966 && to! < 2022 && to! - from! < 35, `range after zoom: ${from}–${to}`);
		assert.notDeepEqual(await tickLabels(page), before);
		await page.getByRole('button', { name: 'Zoom out', exact: true }).click();
		await page.getByRole('button', { name: 'Reset', exact: true }).click();
		await page.waitForFunction(() => document.querySelector('.timeline .range')?.textContent?.startsWith('1966–2022'));
		assert.deepEqual(errors, []);
	});

	it('zooms with the wheel and the + key, and updates the URL without adding history entries', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		const historyLength = await page.evaluate(() => history.length);
		const box = (await page.locator('.timeline .chart svg').boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + 100);
		for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
		// The URL follows the settled view; on a loaded machine the wheel's steps may settle one by one.
		await page.waitForFunction(() => {
			const params = new URLSearchParams(location.search);
			const [from, to] = [params.get('from'), params.get('to')];
			return /^\d{4}/.test(from ?? '') && /^\d{4}/.test(to ?? '') && Number(to!.slice(0, 4)) - Number(from!.slice(0, 4)) < 56;
		});
		assert.equal(await page.evaluate(() => history.length), historyLength);
		await page.locator('.timeline .mark[tabindex="0"]').focus();
		const beforeKey = await rangeText(page);
		await page.keyboard.press('+');
		await page.waitForFunction((previous) => document.querySelector('.timeline .range')?.textContent !== previous, beforeKey);
		assert.deepEqual(errors, []);
	});

	it('moves focus event by event with ArrowLeft and ArrowRight; each mark is named by its date and title', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/timeline?from=2002&to=2003`);
		await ready(page);
		const inOrder = manifest.events.filter((e) => e.start >= '2002' && e.start < '2004');
		await page.locator('.timeline .mark[tabindex="0"]').focus();
		const first = await focusedEventId(page);
		const at = manifest.events.findIndex((e) => e.id === first);
		assert.ok(at >= 0 && inOrder.some((e) => e.id === first));
		await page.keyboard.press('ArrowRight');
		await page.waitForFunction((id) => document.activeElement?.getAttribute('data-event-id') !== id, first);
		const second = await focusedEventId(page);
		assert.equal(second, manifest.events[at + 1]!.id, 'ArrowRight goes to the next event in time order');
		const name = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
		assert.ok(name.includes(manifest.events[at + 1]!.title), name);
		await page.keyboard.press('ArrowLeft');
		await page.waitForFunction((id) => document.activeElement?.getAttribute('data-event-id') === id, first);
		assert.deepEqual(errors, []);
	});

	it('selecting an event puts it in the URL and shows its sources, whose links work', async () => {
		const { page, errors } = await watchedPage(site);
		const event = manifest.events.find((e) => e.id === 'abduction-2002') ?? manifest.events.find((e) => e.sources.some((s) => s.paragraph))!;
		await page.goto(`${site.origin}/timeline?from=2001&to=2003`);
		await ready(page);
		await page.locator(`.timeline [data-event-id="${event.id}"]`).focus();
		await page.keyboard.press('Enter');
		await paramMatches(page, 'event', exactly(event.id));
		const panel = page.locator('.timeline .details');
		assert.equal(await panel.getByRole('heading', { level: 2 }).textContent(), event.title);
		const source = event.sources.find((s) => s.paragraph)!;
		const link = panel.locator(`a[href*="/archive/${source.document}?quote="][href$="#p-${source.paragraph}"]`).first();
		assert.ok(await link.isVisible());
		await link.click();
		await page.waitForURL(`**/archive/${source.document}?quote=*#p-${source.paragraph}`);
		assert.ok(await page.locator(`[id="p-${source.paragraph}"]`).isVisible());
		assert.deepEqual(errors, []);
	});

	it('restores a view from the URL, and back and forward move between views', async () => {
		const { page, errors } = await watchedPage(site);
		const event = manifest.events.find((e) => e.category === 'legal' && e.start >= '1998' && e.start < '2005')!;
		await page.goto(`${site.origin}/timeline?from=1998&to=2004&cat=legal,detention&event=${event.id}`);
		await ready(page);
		await page.waitForFunction(() => document.querySelector('.timeline .range')?.textContent?.startsWith('1998–2004'));
		const pressed = await page.locator('.timeline .toggle[aria-pressed="true"]').allTextContents();
		assert.deepEqual(pressed.map((t) => t.trim()), ['Detention and trial', 'Legal findings']);
		assert.deepEqual(await page.locator('.timeline .lane-label').allTextContents(), ['Detention and trial', 'Legal findings']);
		assert.equal(await page.locator('.timeline .details h2').textContent(), event.title);
		const expected = manifest.events.filter((e) => ['legal', 'detention'].includes(e.category) && (e.end ?? e.start) >= '1998' && e.start < '2005').length;
		// The list is built once the chart is ready and follows it once its view has settled: until then it may still hold every event of the categories.
		await page.waitForFunction((n) => { const listed = document.querySelectorAll('.timeline .list li a').length; return listed > 0 && listed <= n; }, expected + 2, { timeout: 5000 }).catch(() => {});
		const listed = await page.locator('.timeline .list li a').allTextContents();
		assert.ok(listed.length > 0 && listed.length <= expected + 2, `${listed.length} listed`);

		await page.getByRole('button', { name: 'Life', exact: true }).click();
		await paramMatches(page, 'cat', /life/);
		await page.goBack();
		await paramMatches(page, 'cat', /^detention,legal$/);
		await page.waitForFunction(() => document.querySelectorAll('.timeline .lane-label').length === 2);
		await page.goForward();
		await page.waitForFunction(() => document.querySelectorAll('.timeline .lane-label').length === 3);
		assert.deepEqual(errors, []);
	});

	it('shows a hidden label on focus, and zooms without animation when the reader prefers reduced motion', async () => {
		const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
		const page = await context.newPage();
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		const mark = page.locator('.timeline .mark[tabindex="0"]');
		await mark.focus();
		const id = await mark.getAttribute('data-event-id');
		const title = manifest.events.find((e) => e.id === id)!.title;
		assert.ok((await page.getByRole('tooltip').textContent())?.includes(title));
		await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
		// No transition: the next frame already shows the final window.
		await page.evaluate(() => new Promise(requestAnimationFrame));
		await page.evaluate(() => new Promise(requestAnimationFrame));
		const [from, to] = ((await rangeText(page)) ?? '').split(':')[0]!.split('–').map(Number);
		assert.ok(to! - from! < 35, `range right after the click: ${from}–${to}`);
		await context.close();
	});

	it('backs a span\'s label with a box as wide as its drawn words, in English and in Chinese', async () => {
		const page = await site.context.newPage();
		for (const path of ['/timeline', '/zh-hans/timeline']) {
			await page.goto(site.origin + path);
			await ready(page);
			const fits = await page.$$eval('.timeline .mark:has(.label-bg)', (marks) =>
				marks.map((mark) => {
					const box = mark.querySelector('.label-bg')!.getBoundingClientRect();
					const text = mark.querySelector('.label')!.getBoundingClientRect();
					return { id: mark.getAttribute('data-event-id'), spare: Math.round(box.right - text.right), covers: box.left <= text.left };
				})
			);
			assert.ok(fits.length > 0, `${path}: no span is labelled`);
			for (const fit of fits) assert.ok(fit.covers && fit.spare >= 0 && fit.spare <= 4, `${path}: the backing of ${fit.id} ends ${fit.spare} px after its words`);
		}
		await page.close();
	});

	it('moves the visible window with the overview brush from the keyboard', async () => {
		const { page } = await watchedPage(site);
		await page.goto(`${site.origin}/timeline?from=1990&to=1999`);
		await ready(page);
		await page.getByRole('slider', { name: /Visible period/ }).focus();
		await page.keyboard.press('PageDown');
		await page.waitForFunction(() => document.querySelector('.timeline .range')?.textContent?.startsWith('2000'));
	});

	it('without JavaScript, lists every event', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.origin}/timeline`);
		assert.equal(await page.locator('.timeline .list li a').count(), manifest.events.length);
		await page.goto(`${site.origin}/`);
		assert.equal(await page.locator('.timeline .list li a').count(), manifest.events.length);
		await context.close();
	});

	it('at 360 px wide, no page scrolls sideways and the chart answers touch', async () => {
		const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		for (const path of ['/', '/timeline', '/archive', '/about', '/events/abduction-2002', '/archive/wgad-opinion-10-2003', '/archive/research-notes']) {
			await page.goto(site.origin + path);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
		}
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		// At this width the timeline runs down the page: its events are rows, and a tap selects one.
		const first = await page.locator('.timeline .row').first().getAttribute('data-event-id');
		await page.locator('.timeline .row').first().tap();
		await paramMatches(page, 'event', exactly(first!));
		assert.deepEqual(errors, []);
		await context.close();
	});
});
