/**
 * Sharing and citing: each page says what it is (a title and description of its own, a canonical
 * address, Open Graph tags), events and documents carry schema.org JSON-LD with their
 * identifiers, and /sitemap.xml lists every page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Manifest } from '../../src/lib/content/manifest';
import { openSite, watchedPage, type Site } from './harness';
import { archiveManifest } from './manifest';

const manifest: Manifest = await archiveManifest();

describe('sharing and citing', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('gives every page its own title and description, a canonical address and Open Graph tags', async () => {
		const { page, errors } = await watchedPage(site);
		const paths = ['/', '/timeline', '/archive', '/claims', '/about', '/search', `/events/${manifest.events[0]!.id}`, `/events/${manifest.events[1]!.id}`, '/archive/wgad-opinion-10-2003', '/archive/hconres326-108-rfs', '/archive/kind/letter'];
		const seen = new Map<string, string>();
		for (const path of paths) {
			await page.goto(site.origin + path);
			const head = await page.evaluate(() => ({
				title: document.title,
				description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
				canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href'),
				og: Object.fromEntries([...document.querySelectorAll('meta[property^="og:"]')].map((m) => [m.getAttribute('property'), m.getAttribute('content')]))
			}));
			assert.ok(head.title.length > 10 && !seen.has(head.title), `${path}: a title of its own (${head.title})`);
			seen.set(head.title, path);
			assert.ok(head.description.length > 30, `${path}: a description`);
			assert.equal(head.canonical, path === '/' ? '/' : path);
			assert.equal(head.og['og:site_name'], 'Wang Bingzhang case archive');
			assert.ok(head.og['og:title'] && head.og['og:description'] && head.og['og:type'], path);
		}
		assert.deepEqual(errors, []);
	});

	it('describes a document in JSON-LD that parses and names its identifiers and file hashes', async () => {
		const { page, errors } = await watchedPage(site);
		await page.goto(`${site.origin}/archive/wgad-opinion-10-2003`, { waitUntil: 'networkidle' });
		const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
		assert.equal(blocks.length, 1, 'one JSON-LD block, also after hydration');
		const data = JSON.parse(blocks[0]!) as { '@type': string; name: string; identifier: { propertyID: string; value: string }[]; encoding: { sha256: string }[] };
		assert.equal(data['@type'], 'DigitalDocument');
		const doc = manifest.documents.find((d) => d.id === 'wgad-opinion-10-2003')!;
		assert.deepEqual(
			data.identifier.map((i) => [i.propertyID, i.value]),
			[['Archive id', doc.id], ...doc.identifiers.map((i) => [i.scheme, i.value])]
		);
		assert.ok(data.identifier.some((i) => i.value === 'E/CN.4/2004/3/Add.1'));
		assert.deepEqual(data.encoding.map((e) => e.sha256), doc.files.map((f) => f.sha256));
		assert.deepEqual(errors, []);
	});

	it('describes an event as a schema.org Event with its dates and sources', async () => {
		const { page } = await watchedPage(site);
		const event = manifest.events.find((e) => e.id === 'house-passes-2004')!;
		await page.goto(`${site.origin}/events/${event.id}`);
		const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!) as { '@type': string; name: string; startDate: string; subjectOf: { url: string }[] };
		assert.equal(data['@type'], 'Event');
		assert.equal(data.name, event.title);
		assert.equal(data.startDate, event.start);
		assert.ok(data.subjectOf.length > 0 && data.subjectOf.every((s) => s.url.startsWith('/archive/')));
	});

	it('lists every event and document page in /sitemap.xml, in every interface, with its alternates', async () => {
		const { page } = await watchedPage(site);
		const xml = await (await page.request.get(`${site.origin}/sitemap.xml`)).text();
		const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
		for (const prefix of ['', '/zh-hans', '/zh-hant']) {
			for (const e of manifest.events) assert.ok(locs.includes(`${prefix}/events/${e.id}`), prefix + e.id);
			for (const d of manifest.documents) assert.ok(locs.includes(`${prefix}/archive/${d.id}`), prefix + d.id);
			assert.ok(locs.includes(`${prefix}/claims`) && locs.includes(prefix || '/'), prefix);
		}
		// Each page names its versions in the other interfaces, English the default.
		const entry = xml.split('<url>').find((u) => /<loc>[^<]*\/zh-hant\/claims<\/loc>/.test(u)) ?? '';
		for (const [lang, path] of [['en', '/claims'], ['zh-Hans', '/zh-hans/claims'], ['zh-Hant', '/zh-hant/claims'], ['x-default', '/claims']]) {
			assert.match(entry, new RegExp(`<xhtml:link rel="alternate" hreflang="${lang}" href="[^"]*${path}"/>`), lang);
		}
		assert.equal(new Set(locs).size, locs.length, 'no page twice');
	});
});
