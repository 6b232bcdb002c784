/**
 * The timeline on a phone, with touch: laid out vertically (years at the side, one row per
 * event), the first screen at 390 × 780 shows years and titles, a tap opens an event's sources
 * where it is and back closes them, a pinch and the buttons zoom, a link made on the phone opens
 * the same span at 1280 px; touch targets of 44 px; no template of any interface scrolls sideways
 * at 360 × 740; axe finds nothing on the vertical timeline in English and Traditional Chinese.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { openSite, type Site } from './harness';
import { TEMPLATES } from './templates';

const ready = (page: Page) => page.locator('.timeline[data-ready="true"]').waitFor();
const rangeText = async (page: Page): Promise<string> => ((await page.locator('.timeline .range').textContent()) ?? '').split(':')[0] ?? '';

describe('the timeline on a phone', () => {
	let site: Site;
	let phone: BrowserContext;
	before(async () => {
		site = await openSite();
		phone = await site.browser.newContext({ viewport: { width: 390, height: 780 }, hasTouch: true, isMobile: true });
	});
	after(async () => {
		await phone?.close();
		await site?.close();
	});

	it('runs down the page at 390 × 780: its first screen shows years and at least five event titles', async () => {
		const page = await phone.newPage();
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		assert.equal(await page.locator('.timeline').getAttribute('data-layout'), 'vertical');
		const inFirstScreen = (selector: string): Promise<number> => page.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].filter((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight; }).length`);
		assert.ok((await inFirstScreen('.timeline .year-label')) >= 1, 'a year is labelled in the first screen');
		assert.ok((await inFirstScreen('.timeline .row .title')) >= 5, `${await inFirstScreen('.timeline .row .title')} titles in the first screen`);
		// One finger scrolls the page: the column never takes a vertical gesture for itself.
		assert.equal(await page.locator('.timeline .column').evaluate((el) => getComputedStyle(el).touchAction), 'pan-y');
		await page.close();
	});

	it('a tap shows the event’s sources in place; back closes them', async () => {
		const page = await phone.newPage();
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		const row = page.locator('.timeline .row[data-event-id="abduction-2002"]');
		if (!(await row.count())) await page.locator('.timeline .count').first().tap();
		await row.scrollIntoViewIfNeeded();
		await row.tap();
		await page.waitForFunction(() => new URLSearchParams(location.search).get('event') === 'abduction-2002');
		const details = page.locator('.timeline .row[data-event-id="abduction-2002"] + .details');
		await details.locator('a[href*="/archive/"]').first().waitFor();
		assert.equal(await row.getAttribute('aria-expanded'), 'true');
		await page.goBack();
		await page.waitForFunction(() => !new URLSearchParams(location.search).has('event'));
		await details.waitFor({ state: 'detached' });
		assert.deepEqual(errors, []);
		await page.close();
	});

	it('zooms with the buttons and a pinch, keeps the span on screen in the address as the reader scrolls, and a link made on the phone opens the same span at 1280 px', async () => {
		const page = await phone.newPage();
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		const before = await rangeText(page);
		await page.getByRole('button', { name: 'Zoom in', exact: true }).tap();
		await page.waitForFunction((b) => !document.querySelector('.timeline .range')?.textContent?.startsWith(b), before);
		const zoomed = await rangeText(page);
		// Two fingers spread apart on the column: a pinch zooms in again.
		// A string, not a function: tsx's name helpers do not exist in the page.
		await page.evaluate(`(() => {
			const column = document.querySelector('.timeline .column');
			const fire = (type, pointerId, x, y) => column.dispatchEvent(new PointerEvent(type, { pointerId, pointerType: 'touch', clientX: x, clientY: y, bubbles: true }));
			fire('pointerdown', 1, 150, 300);
			fire('pointerdown', 2, 200, 300);
			fire('pointermove', 1, 100, 300);
			fire('pointermove', 2, 260, 300);
			fire('pointerup', 1, 100, 300);
			fire('pointerup', 2, 260, 300);
		})()`);
		await page.waitForFunction((z) => !document.querySelector('.timeline .range')?.textContent?.startsWith(z), zoomed);
		const pinched = await rangeText(page);
		const span = (text: string) => Number(text.split('–')[1]) - Number(text.split('–')[0]);
		assert.ok(span(pinched) < span(zoomed) && span(zoomed) < span(before), `${before} → ${zoomed} → ${pinched}`);
		// The address follows once zooming pauses.
		const [from, to] = pinched.split('–');
		await page.waitForFunction(([f, t]) => { const q = new URLSearchParams(location.search); return q.get('from')?.startsWith(f!) && q.get('to')?.startsWith(t!); }, [from, to] as const);
		const link = await page.evaluate(() => location.href);
		const desktop = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
		await desktop.goto(link);
		await ready(desktop);
		assert.equal(await desktop.locator('.timeline').getAttribute('data-layout'), 'horizontal');
		assert.equal(await rangeText(desktop), pinched, `opened ${link}`);
		// Scrolled, the phone's address keeps the years on screen; the desktop opens those.
		await page.goto(`${site.origin}/timeline`);
		await ready(page);
		await page.mouse.wheel(0, 900);
		await page.waitForFunction(() => new URLSearchParams(location.search).has('from'));
		const onScreen = await page.evaluate(`(() => {
			const years = [...document.querySelectorAll('.timeline .year')].filter((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }).map((el) => Number(el.dataset.year));
			return Math.min(...years) + '–' + Math.max(...years);
		})()`);
		const [first, last] = String(onScreen).split('–');
		await page.waitForFunction(([f, t]) => { const q = new URLSearchParams(location.search); return q.get('from') === f && q.get('to') === t; }, [first, last] as const);
		await desktop.goto(await page.evaluate(() => location.href));
		await ready(desktop);
		assert.equal(await rangeText(desktop), onScreen, 'the desktop opens the years the phone had on screen');
		await desktop.close();
		await page.close();
	});

	it('has touch targets of at least 44 px at 360 px, and axe finds nothing on it in English and Traditional Chinese', async () => {
		const small = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await small.newPage();
		for (const prefix of ['', '/zh-hant']) {
			await page.goto(`${site.origin}${prefix}/timeline`);
			await ready(page);
			const tooSmall = await page.locator('.timeline button, .timeline summary').evaluateAll((els) =>
				els
					.filter((el) => (el as HTMLElement).offsetParent !== null)
					.map((el) => [el.textContent?.trim().slice(0, 30), el.getBoundingClientRect()] as const)
					.filter(([, r]) => r.width < 44 || r.height < 44)
					.map(([text, r]) => `${text} ${Math.round(r.width)}×${Math.round(r.height)}`)
			);
			assert.deepEqual(tooSmall, [], `${prefix}/timeline: targets under 44 px`);
			assert.deepEqual(await axeViolations(page), [], `axe on ${prefix}/timeline at 360 px`);
		}
		await small.close();
	});

	it('no template of any interface scrolls sideways at 360 × 740', async () => {
		const small = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
		const page = await small.newPage();
		const wide: string[] = [];
		for (const prefix of ['', '/zh-hans', '/zh-hant']) {
			for (const [, path] of [...TEMPLATES, ['the story', '/story']]) {
				await page.goto(`${site.origin}${prefix}${path === '/' && prefix ? '' : path}`, { waitUntil: 'domcontentloaded' });
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				if (overflow > 0) wide.push(`${prefix}${path}: ${overflow}px`);
			}
		}
		assert.deepEqual(wide, []);
		await small.close();
	});
});
