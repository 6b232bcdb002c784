/**
 * The built site with the real archive: every event and document has its prerendered page,
 * every internal link and #p-<n> anchor resolves, and no page logs an error.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Manifest } from '../../src/lib/content/manifest';
import { crawl } from './crawl';
import { gotoHydrated, openSite, watchedPage, type Site } from './harness';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();

describe('the built site', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('has no broken internal link or anchor on any page', () => {
		const pageCounts = new Map(manifest.documents.map((d) => [d.id, d.pages?.length ?? 0]));
		const result = crawl('build', '', pageCounts);
		assert.deepEqual(result.broken, []);
		assert.ok(result.pages >= manifest.documents.length + manifest.events.length + 3, `only ${result.pages} pages were crawled`);
		assert.ok(result.links > 1000, `only ${result.links} links were crawled`);
	});

	it('in the English interface, no heading or title runs a Latin word into a Chinese one', () => {
		const pages = readdirSync('build', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !/^zh-han[st]\b/.test(f));
		const text = (html: string) => html.replace(/<!--.*?-->/gs, '').replace(/<[^>]+>/g, '');
		const runTogether = pages.flatMap((file) =>
			[...readFileSync(join('build', file), 'utf8').matchAll(/<(h1|h2|h3|title)\b[^>]*>(.*?)<\/\1>/gs)]
				.map((m) => ({ file, element: m[1], words: text(m[2]!) }))
				.filter(({ words }) => /[A-Za-z][\p{Script=Han}]|[\p{Script=Han}][A-Za-z]/u.test(words))
		);
		assert.ok(pages.length > 100, `only ${pages.length} English pages`);
		assert.deepEqual(runTogether, []);
	});

	it('lets a browser keep for good the files named by their content, and no page, archived file or other data', async () => {
		const html = readFileSync('build/index.html', 'utf8');
		const chunk = /\/_app\/immutable\/[^"]+\.js/.exec(html)?.[0];
		const events = readdirSync('build/timeline').find((f) => /^events-[0-9a-f]{16}\.json$/.test(f));
		const shard = readdirSync('build/search/shards')[0];
		const index = readdirSync('build/search').find((f) => /^index\.[0-9a-f]{12}\.json$/.test(f));
		assert.ok(chunk && events && shard && index, 'the build has a chunk, an events file, a shard and a search index');
		const cacheOf = async (path: string) => {
			const response = await fetch(site.origin + path);
			assert.equal(response.status, 200, path);
			return response.headers.get('cache-control');
		};
		for (const path of [chunk, `/timeline/${events}`, `/search/shards/${shard}`, `/search/${index}`]) assert.equal(await cacheOf(path), 'public, max-age=31536000, immutable', path);
		const archived = manifest.documents.find((d) => d.files.length > 0)!.files[0]!.path;
		for (const path of ['/', '/timeline', '/data/events.json', archived, `/search/text/${readdirSync('build/search/text').find((f) => !f.startsWith('records.'))}`]) assert.doesNotMatch((await cacheOf(path)) ?? '', /immutable|max-age/, path);
	});

	it('prerenders a page for every event and every document, readable without JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const event of manifest.events) {
			const response = await page.goto(`${site.origin}/events/${event.id}`);
			assert.equal(response?.status(), 200, event.id);
			assert.equal(await page.locator('h1').textContent(), event.title);
		}
		for (const doc of manifest.documents) {
			const response = await page.goto(`${site.origin}/archive/${doc.id}`);
			assert.equal(response?.status(), 200, doc.id);
			assert.equal((await page.locator('h1').textContent())?.replace(/^\[|\]$/g, ''), doc.title);
			if (doc.paragraphs) assert.equal(await page.locator('ol.text > li[id^="p-"]').count(), doc.paragraphs.length, `${doc.id} paragraphs`);
		}
		await context.close();
	});

	it('shows every page with JavaScript and logs no error', async () => {
		const { page, errors } = await watchedPage(site);
		const showsPdf = (d: (typeof manifest.documents)[number]) => d.files.some((f) => f.mediaType === 'application/pdf');
		// Pages that fetch after hydrating (the timeline's details, the search index, a PDF): until the network goes quiet.
		const fetching = ['/', '/timeline', '/search', '/archive', '/archive/status/catalogue', '/archive/kind/news-report', '/about', ...manifest.documents.filter(showsPdf).map((d) => `/archive/${d.id}`)];
		for (const path of fetching) await page.goto(site.origin + path, { waitUntil: 'networkidle' });
		// The others fetch nothing more once hydrated.
		for (const path of [...manifest.events.map((e) => `/events/${e.id}`), ...manifest.documents.filter((d) => !showsPdf(d)).map((d) => `/archive/${d.id}`)]) await gotoHydrated(page, site.origin + path);
		assert.deepEqual(errors, []);
	});

	it('opens a cited passage at its paragraph anchor, with the quoted words marked', async () => {
		const event = manifest.events.find((e) => e.sources.some((s) => s.paragraph !== undefined))!;
		const source = event.sources.find((s) => s.paragraph !== undefined)!;
		const { page } = await watchedPage(site);
		await page.goto(`${site.origin}/events/${event.id}`);
		await page.locator(`a[href*="/archive/${source.document}?quote="][href$="#p-${source.paragraph}"]`).first().click();
		await page.waitForURL(`**/archive/${source.document}?quote=*#p-${source.paragraph}`);
		const target = page.locator(`[id="p-${source.paragraph}"]`);
		assert.ok(await target.isVisible());
		await target.locator('mark').first().waitFor();
		assert.equal((await target.locator('mark').allTextContents()).join('').replace(/\s+/g, ' '), source.quote!.replace(/\s+/g, ' '));
	});

	it('answers an unknown address with a readable "not found" page and status 404', async () => {
		const { page } = await watchedPage(site);
		for (const path of ['/events/no-such-event', '/archive/no-such-document', '/nowhere']) {
			const response = await page.goto(site.origin + path);
			assert.equal(response?.status(), 404);
			await page.getByRole('heading', { name: 'Page not found' }).waitFor();
			assert.ok(await page.getByRole('link', { name: 'list of all documents' }).isVisible());
		}
	});
});
