/**
 * The claims view: a section per claimant (the verdict, the family's founding documents), each
 * claim as a card with its finding and the evidence on it, each source marked primary or
 * secondary and archived or catalogue, and links to the exact place; with and without JavaScript.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Manifest } from '../../src/lib/content/manifest';
import { primaryLabel, statusLabel } from '../../src/lib/content/document-labels';
import { BEARINGS, FINDINGS } from '../../src/lib/content/vocabulary';
import { openSite, watchedPage, type Site } from './harness';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();

describe('claims', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	for (const javaScriptEnabled of [false, true]) {
		it(`shows both claimants' sections, in order, each claim with its finding${javaScriptEnabled ? ', with JavaScript' : ', without JavaScript'}`, async () => {
			const context = await site.browser.newContext({ javaScriptEnabled });
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(`${site.origin}/claims`);
			for (const [id, claimant] of Object.entries(manifest.claimants)) {
				const section = page.locator(`section.claimant#${id}`);
				assert.equal(await section.locator('h2').first().textContent(), claimant.heading);
				const mine = manifest.claims.filter((c) => c.claimant === id);
				assert.ok(mine.length > 0, id);
				assert.deepEqual(await section.locator('article.claim .claim-title').allTextContents(), mine.map((c) => c.title));
				assert.deepEqual(await section.locator('article.claim .finding').evaluateAll((all) => all.map((f) => (f as HTMLElement).dataset.finding)), mine.map((c) => c.finding));
			}
			assert.deepEqual(await page.locator('section.claimant').evaluateAll((all) => all.map((s) => s.id)), ['court', 'family-campaign']);
			assert.equal(await page.locator('.findings dt').count(), Object.keys(FINDINGS).length);
			assert.deepEqual(errors, []);
			await context.close();
		});
	}

	it('shows each claim with its evidence, sources tagged, unverified parts said, readable without JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(`${site.origin}/claims`);
		const cards = page.locator('article.claim');
		assert.deepEqual(await cards.locator('.claim-title').allTextContents(), manifest.claims.map((c) => c.title));
		for (const claim of manifest.claims) {
			const card = page.locator(`article#${claim.id}`);
			assert.equal(await card.locator('.evidence > li').count(), claim.evidence.length, claim.id);
			const bearings = (await card.locator('.evidence > li .bearing').allTextContents()).map((b) => b.trim());
			assert.deepEqual(bearings, claim.evidence.map((e) => BEARINGS[e.bearing]));
			// Every source says whether it is primary or secondary, and whether its text is archived, as the document's record has it.
			const sources = claim.evidence.flatMap((e) => e.sources);
			const tags = await card.locator('.evidence .source .tags').evaluateAll((all) => all.map((t) => [...t.querySelectorAll('.tag')].map((s) => s.textContent?.trim())));
			assert.equal(tags.length, sources.length, claim.id);
			tags.forEach((shown, i) => {
				const doc = manifest.documents.find((d) => d.id === sources[i]!.document)!;
				assert.deepEqual(shown.slice(1), [primaryLabel(doc.primary), statusLabel(doc.status)], `${claim.id}: ${doc.id}`);
			});
			if (claim.unverified) assert.ok((await card.textContent())!.includes(claim.unverified.replace(/\s+/g, ' ').slice(0, 40)));
		}
		assert.match((await page.locator('article#embassy-bomb-plot').textContent()) ?? '', /As the research notes record it; the original is not archived/);
		await context.close();
	});

	it('links a quoted source to the exact place, where the passage is marked', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/claims`);
		const link = page.locator('article#witness-testimony .evidence a[href*="/archive/research-notes?quote="]').first();
		const href = (await link.getAttribute('href'))!;
		assert.match(href, /#p-\d+$/);
		await link.click();
		await page.waitForURL((url) => url.pathname === '/archive/research-notes' && url.hash === href.slice(href.indexOf('#')));
		await page.locator('li:target mark').first().waitFor();
		assert.deepEqual(errors, []);
	});
});
