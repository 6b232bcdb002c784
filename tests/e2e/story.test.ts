/**
 * /story on the built site: the steps archive/story.yaml chooses, one at a time with JavaScript
 * (keys, swipes and buttons move, the hash names the step, focus goes to its heading, the move is
 * announced), an ordered list without it; accessible, with touch-sized buttons and no overflow at 360 px.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { axeViolations } from './axe';
import { gotoHydrated, openSite, watchedPage, type Site } from './harness';

const STEPS = (parse(readFileSync('archive/story.yaml', 'utf8')) as { steps: { event: string }[] }).steps.map((s) => s.event);

/** The id of the one step shown, and the element focused. */
const state = (page: Page) =>
	page.evaluate(() => ({
		shown: [...document.querySelectorAll<HTMLElement>('ol.steps > li')].filter((li) => !li.hidden).map((li) => li.id),
		focused: document.activeElement?.id ?? '',
		hash: location.hash,
		live: document.querySelector('[aria-live]')?.textContent ?? ''
	}));

/** A horizontal swipe of touch pointer events over the step, from right to left (dx < 0: next) or back. */
async function swipe(page: Page, dx: number): Promise<void> {
	await page.evaluate((dx) => {
		const target = document.querySelector('ol.steps > li:not([hidden]) .account')!;
		const box = target.getBoundingClientRect();
		const x = box.left + box.width / 2;
		const y = box.top + box.height / 2;
		const init = { bubbles: true, pointerId: 7, pointerType: 'touch', isPrimary: true };
		target.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, clientY: y }));
		target.dispatchEvent(new PointerEvent('pointermove', { ...init, clientX: x + dx / 2, clientY: y + 4 }));
		target.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x + dx, clientY: y + 6 }));
	}, dx);
}

describe('the story', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('has steps, and the home page links to it in its first screen', async () => {
		assert.ok(STEPS.length >= 2, 'archive/story.yaml names at least two steps');
		const { page, errors } = await watchedPage(site);
		await page.setViewportSize({ width: 360, height: 740 });
		await gotoHydrated(page, `${site.origin}/`);
		const link = page.locator('main a[href$="/story"]').first();
		const box = await link.boundingBox();
		assert.ok(box && box.y + box.height <= 740, `the story link is in the first screen (${JSON.stringify(box)})`);
		assert.deepEqual(errors, []);
		await page.close();
	});

	it('moves between steps with the arrow keys, the buttons and swipes, updating the hash, focus and the announcement', async () => {
		const { page, errors } = await watchedPage(site);
		await gotoHydrated(page, `${site.origin}/story`);
		let s = await state(page);
		assert.deepEqual(s.shown, [STEPS[0]], 'one step at a time, the first without a hash');
		assert.match(await page.locator('.controls .progress').innerText(), new RegExp(`^1 of ${STEPS.length}$`));
		await page.keyboard.press('ArrowRight');
		s = await state(page);
		assert.deepEqual(s.shown, [STEPS[1]]);
		assert.equal(s.hash, `#${STEPS[1]}`);
		assert.equal(s.focused, `${STEPS[1]}-h`, 'focus moves to the step’s heading');
		assert.match(s.live, new RegExp(`^Step 2 of ${STEPS.length}: `));
		await page.keyboard.press('ArrowLeft');
		s = await state(page);
		assert.deepEqual([s.shown, s.hash, s.focused], [[STEPS[0]], `#${STEPS[0]}`, `${STEPS[0]}-h`]);
		await page.keyboard.press('ArrowLeft');
		assert.deepEqual((await state(page)).shown, [STEPS[0]], 'the first step stays the first');
		assert.equal(await page.getByRole('button', { name: 'Previous' }).isDisabled(), true);

		await swipe(page, -150);
		s = await state(page);
		assert.deepEqual([s.shown, s.hash, s.focused], [[STEPS[1]], `#${STEPS[1]}`, `${STEPS[1]}-h`], 'a swipe to the left moves on');
		await swipe(page, -150);
		assert.deepEqual((await state(page)).shown, [STEPS[2]]);
		await swipe(page, 150);
		assert.deepEqual((await state(page)).shown, [STEPS[1]], 'a swipe to the right moves back');
		await swipe(page, -20);
		assert.deepEqual((await state(page)).shown, [STEPS[1]], 'a short drag does not move');

		await page.getByRole('button', { name: 'Next' }).click();
		s = await state(page);
		assert.deepEqual([s.shown, s.hash, s.focused], [[STEPS[2]], `#${STEPS[2]}`, `${STEPS[2]}-h`]);
		assert.match(await page.locator('.controls .progress').innerText(), new RegExp(`^3 of ${STEPS.length}$`));
		assert.deepEqual(errors, []);
		await page.close();
	});

	it('moves without animation when the reader prefers reduced motion, and animates otherwise', async () => {
		for (const reducedMotion of ['reduce', 'no-preference'] as const) {
			const page = await site.browser.newPage({ reducedMotion });
			await gotoHydrated(page, `${site.origin}/story`);
			await page.getByRole('button', { name: 'Next' }).click();
			const animation = await page.locator(`.step[id="${STEPS[1]}"]`).evaluate((el) => getComputedStyle(el).animationName);
			if (reducedMotion === 'reduce') assert.equal(animation, 'none', 'no animation with reduced motion');
			else assert.notEqual(animation, 'none', 'the step slides in otherwise');
			await page.close();
		}
	});

	it('opens the step its hash names, and the first with a notice for an unknown one', async () => {
		const { page, errors } = await watchedPage(site);
		const last = STEPS[STEPS.length - 1]!;
		await gotoHydrated(page, `${site.origin}/story#${last}`);
		let s = await state(page);
		assert.deepEqual(s.shown, [last]);
		assert.equal(s.focused, `${last}-h`);
		assert.equal(await page.getByRole('button', { name: 'Next' }).isDisabled(), true);
		await page.close();

		const other = await site.context.newPage();
		await gotoHydrated(other, `${site.origin}/story#no-such-step`);
		s = await state(other);
		assert.deepEqual(s.shown, [STEPS[0]]);
		assert.match(await other.getByRole('status').innerText(), /no step “no-such-step”: here is the first step/);
		assert.deepEqual(errors, []);
		await other.close();
	});

	it('without JavaScript is an ordered list of every step, in the file’s order, each with its quote and its link', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.origin}/story`);
		const items = page.locator('ol.steps > li');
		assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.id)), STEPS);
		assert.equal(await page.locator('ol.steps > li[hidden]').count(), 0);
		assert.equal(await page.locator('.controls').count(), 0, 'no buttons that cannot work');
		for (let i = 0; i < STEPS.length; i++) {
			const li = items.nth(i);
			assert.ok(await li.locator('h2').isVisible());
			assert.match(await li.locator('.step-progress').innerText(), new RegExp(`^${i + 1} of ${STEPS.length}$`));
			assert.equal(await li.locator('blockquote').count(), 1, `${STEPS[i]} shows its quote`);
			const href = await li.locator('.cite a').first().getAttribute('href');
			assert.match(href ?? '', /^\/archive\/[a-z0-9-]+\?quote=.+#(p-\d+|page=\d+)$|^\/archive\/[a-z0-9-]+$/, `${STEPS[i]} links to the place in the document`);
			assert.match(await li.locator('.ours').first().innerText(), /archive’s own words/);
		}
		// A quote in Chinese is marked as such.
		assert.ok((await page.locator('ol.steps blockquote[lang="zh-Hans"]').count()) >= 1);
		await context.close();
	});

	it('has no axe-core violations, in English and in Traditional Chinese', async () => {
		for (const path of ['/story', '/zh-hant/story', `/story#${STEPS[2]}`]) {
			const { page, errors } = await watchedPage(site);
			await gotoHydrated(page, site.origin + path);
			assert.deepEqual(await axeViolations(page), [], path);
			assert.deepEqual(errors, [], path);
			await page.close();
		}
	});

	it('in Traditional Chinese shows the account translated, the progress in Chinese, and the quote in its own language', async () => {
		const { page } = await watchedPage(site);
		await gotoHydrated(page, `${site.origin}/zh-hant/story#sentenced-2003`);
		assert.match(await page.locator('.controls .progress').innerText(), /^第\d+步，共\d+步$/);
		const li = page.locator('li#sentenced-2003');
		assert.match(await li.locator('.account').innerText(), /無期徒刑/);
		assert.equal(await li.locator('blockquote').getAttribute('lang'), 'zh-Hans');
		await page.close();
	});

	it('at 360 × 740: every button at least 44 px, and no horizontal overflow', async () => {
		const context = await site.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true });
		for (const path of ['/story', '/zh-hant/story']) {
			const page = await context.newPage();
			await gotoHydrated(page, site.origin + path);
			for (const id of STEPS) {
				await page.evaluate((id) => (location.hash = id), id);
				await page.locator(`li#${id}:not([hidden])`).waitFor();
				const sizes = await page.locator('main button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect()).map((r) => [r.width, r.height]));
				assert.ok(sizes.length >= 2);
				for (const [w, h] of sizes) assert.ok(w! >= 44 && h! >= 44, `${path}#${id}: a button is ${w} × ${h}`);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				assert.ok(overflow <= 0, `${path}#${id} overflows by ${overflow} px`);
			}
			await page.close();
		}
		await context.close();
	});
});
