/**
 * The claims page and the citations and disputes it shares with the event pages, in the two
 * Chinese interfaces (with JavaScript): headings, labels and findings in the page's language, the
 * archive's words in their translation, counts right, English only inside lang="en", and on the
 * Traditional page no Simplified-only character in the interface's own words.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/content/manifest';
import { FINDINGS, type Finding } from '../../src/lib/content/vocabulary';
import { localize } from '../../src/lib/i18n/records';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, simplifiedOnlyIn } from './interface-language';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();

/** Each interface's words this test looks for (its messages, as compiled for that locale). */
const WORDS = {
	'zh-Hans': { title: '主张与证据', findings: '核查结论的含义', finding: '核查结论：', evidence: '与之相关的证据', contradicted: '与证据相反', disagree: '来源说法不一', version: '说法1：', note: '本档案注：' },
	'zh-Hant': { title: '主張與證據', findings: '核查結論的含義', finding: '核查結論：', evidence: '與之相關的證據', contradicted: '與證據相反', disagree: '來源說法不一', version: '說法1：', note: '本檔案注：' }
} as const;

/**
 * The archive's translated words (claims, claimants, event and supplied document titles) keep the
 * names and quoted words of their record unconverted (⟪…⟫), so a Traditional page shows them as
 * the sources write them. Text nodes that are part of those words are marked, so that the check
 * reads the interface's own words only.
 */
async function markRecordText(page: Page, locale: 'zh-Hant'): Promise<void> {
	const words: string[] = [];
	for (const claim of manifest.claims) {
		const c = localize(claim, locale);
		words.push(c.title, c.allegation, c.findingNote ?? '', c.unverified ?? '', ...c.evidence.flatMap((e) => [e.summary, e.unverified ?? '']));
	}
	for (const claimant of Object.values(manifest.claimants)) words.push(...Object.values(claimant[locale] ?? {}));
	for (const event of manifest.events) words.push(event[locale]?.title ?? '');
	for (const doc of manifest.documents) words.push(doc[locale]?.title ?? '');
	await page.evaluate((records) => {
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			// A supplied title is shown in square brackets.
			const text = (node.textContent ?? '').trim().replace(/^\[(.*)\]$/, '$1');
			if (text.length > 1 && records.some((r) => r.includes(text))) node.parentElement?.setAttribute('data-record-text', '');
		}
	}, words.filter((w) => w));
}

/** No English outside lang="en", and on a Traditional page no Simplified-only character outside the sources' and the records' own words. */
async function assertInterfaceWords(page: Page, locale: 'zh-Hans' | 'zh-Hant'): Promise<void> {
	assert.deepEqual(await englishInChinese(page), []);
	if (locale !== 'zh-Hant') return;
	await markRecordText(page, locale);
	assert.deepEqual(await simplifiedOnlyIn(page, '[data-source-text], [lang="zh-Hans"], [data-record-text]'), []);
}

describe('claims in Chinese', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	for (const [prefix, locale] of [['/zh-hans', 'zh-Hans'], ['/zh-hant', 'zh-Hant']] as const) {
		const words = WORDS[locale];

		it(`${prefix}/claims: headings, findings and counts in the interface's language, the claims in their translation`, async () => {
			const { page, errors } = await watchedPage(site);
			// The checks run as functions in the page; tsx names them with a helper the page lacks.
			await page.addInitScript('globalThis.__name = (target) => target');
			await page.goto(`${site.origin}${prefix}/claims`);
			assert.equal(await page.locator('html').getAttribute('lang'), locale);
			assert.equal(await page.locator('h1').textContent(), words.title);
			assert.equal(await page.locator('#findings-h').textContent(), words.findings);
			assert.equal(await page.locator('.findings dt').count(), Object.keys(FINDINGS).length);
			for (const [id, claimant] of Object.entries(manifest.claimants)) {
				const section = page.locator(`section.claimant#${id}`);
				assert.equal(await section.locator('h2').first().textContent(), claimant[locale]!.heading);
				const mine = manifest.claims.filter((c) => c.claimant === id);
				assert.deepEqual(await section.locator('article.claim .claim-title').allTextContents(), mine.map((c) => localize(c, locale).title));
				// The tally counts each finding's claims.
				const tally = (await section.locator('.tally').textContent())!;
				for (const f of Object.keys(FINDINGS) as Finding[]) {
					const n = mine.filter((c) => c.finding === f).length;
					if (n > 0) assert.match(tally, new RegExp(`${n}(項|项)`), `${id}: ${f}`);
				}
				assert.match((await page.locator('nav .nav-h').nth(claimant.order - 1).textContent())!, new RegExp(`（${mine.length}(項|项)）`));
			}
			const card = page.locator('article#embassy-bomb-plot');
			assert.equal((await card.locator('.finding').textContent())?.trim(), `${words.finding}${words.contradicted}`);
			assert.equal(await card.locator(`#embassy-bomb-plot-evidence`).textContent(), words.evidence);
			// A quote stays in its own language, marked as the source's words.
			assert.equal(await card.locator('.evidence blockquote').first().getAttribute('lang'), 'en');
			await assertInterfaceWords(page, locale);
			assert.deepEqual(errors, []);
			await page.close();
		});

		it(`${prefix}/events/abduction-2002: sources and disputes in the interface's language, their English words marked`, async () => {
			const { page, errors } = await watchedPage(site);
			await page.addInitScript('globalThis.__name = (target) => target');
			await page.goto(`${site.origin}${prefix}/events/abduction-2002`);
			const dispute = page.locator('section.dispute').first();
			assert.match((await dispute.locator('.question').textContent())!, new RegExp(`^${words.disagree}`));
			assert.match((await dispute.locator('.statement').first().textContent())!, new RegExp(`^${words.version}`));
			// The dispute's note is the archive's, translated, and says so.
			const note = dispute.locator('p.ours').last();
			assert.match((await note.textContent())!, new RegExp(`^${words.note}\\s*\\p{Script=Han}`, 'u'), 'the note is shown in its translation');
			// The event page's own words are the events area's; this checks what the citations and disputes say.
			await page.evaluate(() => document.body.replaceChildren(...document.querySelectorAll('section.dispute, section > .source')));
			await assertInterfaceWords(page, locale);
			assert.deepEqual(errors, []);
			await page.close();
		});
	}
});
