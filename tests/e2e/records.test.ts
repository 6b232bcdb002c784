/**
 * The December records as a reader meets them: the roll call's table counted from its rows,
 * sortable, reached from search on the member's row; the founding documents' claims beside their
 * paragraphs; what an event rests on, said plainly; a catalogue quote that names who quotes it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Manifest } from '../../src/lib/content/manifest';
import { FINDINGS } from '../../src/lib/content/vocabulary';
import { openSite, watchedPage, type Site } from './harness';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();
const ROLL_CALL = '/archive/house-roll-call-151-2004';

describe('the December records', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('shows the roll call as a table: 399 yeas, 0 nays and 34 not voting counted from its rows, in record order without JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto(site.origin + ROLL_CALL);
		const counted = await page.locator('.totals .count').evaluateAll((all) => Object.fromEntries(all.map((c) => [(c as HTMLElement).dataset.value, c.textContent])));
		assert.equal(counted['Yea'], 'Yea 399');
		assert.equal(counted['Nay'], 'Nay 0');
		assert.equal(counted['Not Voting'], 'Not Voting 34');
		// The totals are the rows': count them in the page itself.
		const votes = await page.locator('table.data tbody tr td:first-child').allTextContents();
		assert.equal(votes.length, 433);
		assert.equal(votes.filter((v) => v === 'Yea').length, 399);
		assert.equal(votes.filter((v) => v === 'Not Voting').length, 34);
		const table = manifest.documents.find((d) => d.id === 'house-roll-call-151-2004')!.table!;
		assert.deepEqual(await page.locator('table.data tbody tr').first().locator('td').allTextContents(), table.rows[0]);
		assert.equal(await page.locator('table.data thead button').count(), 0, 'no sort buttons without JavaScript');
		assert.equal((await page.request.get(`${site.origin}/data/tables/house-roll-call-151-2004.csv`)).status(), 200);
		await context.close();
	});

	it('sorts the table by a column with JavaScript, and back', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(site.origin + ROLL_CALL);
		const header = page.locator('table.data thead th', { hasText: 'Member' }).first();
		await header.locator('button').click();
		assert.equal(await header.getAttribute('aria-sort'), 'ascending');
		const names = await page.locator('table.data tbody tr td:nth-child(2)').allTextContents();
		assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
		await header.locator('button').click();
		assert.equal(await header.getAttribute('aria-sort'), 'descending');
		assert.equal(await page.locator('table.data tbody tr td:nth-child(2)').first().textContent(), names.at(-1));
		assert.deepEqual(errors, []);
	});

	it('finds a member on /search and lands on the highlighted row', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/search?q=Ros-Lehtinen`);
		await page.waitForFunction(() => document.querySelector('.status q.literal')?.textContent === 'Ros-Lehtinen', undefined, { timeout: 15_000 });
		const link = page.locator(`a.title[href*="${ROLL_CALL}"]`).first();
		const href = (await link.getAttribute('href'))!;
		assert.match(href, /\?q=Ros-Lehtinen#member-[A-Z]\d+$/);
		await link.click();
		const anchor = href.slice(href.indexOf('#') + 1);
		await page.waitForURL((url) => url.pathname === ROLL_CALL && url.hash === `#${anchor}`);
		const row = page.locator(`tr[id="${anchor}"]`);
		await row.locator('mark').first().waitFor();
		assert.match((await row.textContent()) ?? '', /Ros-Lehtinen/);
		assert.equal(await page.evaluate(() => document.querySelector('tr:target')?.id), anchor);
		assert.ok(await row.isVisible());
		assert.deepEqual(errors, []);
	});

	it('shows the founding documents’ claims beside the biography’s paragraphs, each linking to its evidence', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const id = 'release-dr-wang-bingzhang-2022';
		await page.goto(`${site.origin}/archive/${id}`);
		const expected = manifest.claims.filter((c) => c.claimant === 'family-campaign' && c.allegedIn.some((s) => s.document === id));
		assert.ok(expected.length >= 40, `the biography's claims (${expected.length})`);
		for (const claim of expected) {
			const paragraph = claim.allegedIn.find((s) => s.document === id && s.paragraph)!.paragraph!;
			const link = page.locator(`li[id="p-${paragraph}"] .claims-here a[href$="/claims#${claim.id}"]`);
			assert.equal(await link.count(), 1, `${claim.id} beside ¶${paragraph}`);
			assert.equal((await link.locator('xpath=..').locator('.finding').textContent())?.trim(), FINDINGS[claim.finding]);
		}
		await context.close();
	});

	it('says what each event rests on: the judgment known but not held, secondary reports with the family’s account, a primary record known through reports, the document itself', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const basis = async (id: string) => {
			await page.goto(`${site.origin}/events/${id}`);
			const note = page.locator('.rests-on');
			return { kind: await note.getAttribute('data-basis'), text: ((await note.textContent()) ?? '').replace(/\s+/g, ' ') };
		};
		const sentenced = await basis('sentenced-2003');
		assert.equal(sentenced.kind, 'issuance');
		assert.match(sentenced.text, /this event is the issuing of \[Criminal judgment of the Shenzhen Intermediate People's Court in the case of Wang Bingzhang\]\. The archive knows the document but does not hold its text; it is known through \[BBC News report/);
		const tokyo = await basis('tokyo-flight-1989');
		assert.equal(tokyo.kind, 'secondary');
		assert.match(tokyo.text, /secondary reports \(.*Deseret.*\), and the account of the family’s campaign; no primary document for it is known to the archive\./);
		const arrest = await basis('formal-arrest-2002');
		assert.equal(arrest.kind, 'known-primary');
		assert.match(arrest.text, /a primary document the archive knows of but does not hold \(\[Announcement by the PRC Ministry of Public Security, via Xinhua, that Wang Bingzhang is being held\]\), as reported by \[BBC/);
		const paper = await basis('white-paper-2020');
		assert.equal(paper.kind, 'issuance');
		assert.match(paper.text, /this event is the issuing of WHITE PAPER On the case of Dr Wang Bingzhang …\. The archive knows the document but does not hold its text\./);
		await context.close();
	});

	it('names who quotes a document the archive does not hold, on the event page', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/events/formal-arrest-2002`);
		const source = page.locator('.source', { has: page.locator('blockquote', { hasText: 'Wang was arrested by the police in Guangdong on December 5' }) }).first();
		assert.match(((await source.locator('.provenance').textContent()) ?? '').replace(/\s+/g, ' '), /As quoted by china\.org\.cn \(PRC state portal\), as the research notes, part 2, record it \(the excerpt ends mid-word after these words\); the original is not archived, so this quote is not verified here\./);
		await page.goto(`${site.origin}/events/cultural-revolution-1966`);
		assert.match((await page.locator('.rendering').first().textContent()) ?? '', /In Yaxue Cao’s rendering, not the original’s words\./);
		assert.deepEqual(errors, []);
	});
});
