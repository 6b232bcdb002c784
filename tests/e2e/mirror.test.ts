/**
 * Mirrors: the real archive built under a base path works from that path on a plain static
 * host (every link resolves, the main pages and search work, nothing 404s), and a mirror checks
 * its own files with `sha256sum -c data/SHA256SUMS`.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Manifest } from '../../src/lib/content/manifest';
import { TMP_ROOT } from '../fixtures/archive-builder';
import { buildFixtureSite } from '../fixtures/site-build';
import { crawl } from './crawl';
import { archiveManifest } from './manifest';
import { openSite, watchedPage, type Site } from './harness';

const BASE = '/mirrors/wang-bingzhang';

describe('a mirror under a base path', () => {
	const dir = resolve(TMP_ROOT, 'base-path-site');
	let manifest: Manifest;
	let site: Site;
	before(async () => {
		buildFixtureSite(resolve('archive'), dir, { BASE_PATH: BASE });
		manifest = await archiveManifest();
		site = await openSite({ dir, basePath: BASE });
	});
	after(async () => {
		await site?.close();
	});

	it('has every internal link and anchor inside the base path, and resolving', () => {
		const pageCounts = new Map(manifest.documents.map((d) => [d.id, d.pages?.length ?? 0]));
		const result = crawl(dir, BASE, pageCounts);
		assert.deepEqual(result.broken, []);
		assert.ok(result.pages > manifest.documents.length + manifest.events.length);
	});

	it('serves the main pages from the base path, with working search and no failed request', async () => {
		const { page, errors } = await watchedPage(site);
		const doc = manifest.documents.find((d) => d.paragraphs)!;
		for (const path of ['/', '/timeline', '/archive', '/archive/kind/letter', `/archive/${doc.id}`, `/events/${manifest.events[0]!.id}`, '/claims', '/about']) {
			const response = await page.goto(site.origin + path, { waitUntil: 'networkidle' });
			assert.equal(response?.status(), 200, path);
		}
		// Files that are not pages are fetched, not shown: a browser showing one asks for /favicon.ico at the host's root.
		for (const path of ['/sitemap.xml', '/data/documents.json', '/data/SHA256SUMS']) assert.equal((await page.request.get(site.origin + path)).status(), 200, path);
		assert.match(await (await page.request.get(`${site.origin}/sitemap.xml`)).text(), new RegExp(`<loc>http://127\\.0\\.0\\.1:4173${BASE}/archive/${doc.id}</loc>`));
		await page.goto(`${site.origin}/search?q=Napolitano`);
		await page.locator('.hit a.title').first().waitFor();
		const href = await page.locator('.hit a.title').first().getAttribute('href');
		assert.ok(href?.startsWith(`${BASE}/archive/`), href ?? '');
		await page.locator('.hit a.title').first().click();
		await page.locator('li:target mark').first().waitFor();
		// Links in the page never leave the base path.
		await page.goto(`${site.origin}/`);
		const outside = await page.locator('a[href^="/"]').evaluateAll((links, base) => links.map((a) => a.getAttribute('href')!).filter((h) => !h.startsWith(base)), BASE);
		assert.deepEqual(outside, []);
		assert.deepEqual(errors, []);
	});

	it('lists every archived file in data/SHA256SUMS, and `sha256sum -c` passes in the mirror', () => {
		const sums = readFileSync(join(dir, 'data/SHA256SUMS'), 'utf8');
		const listed = sums.trim().split('\n').map((line) => line.split('  ')[1]).sort();
		const files = readdirSync(join(dir, 'files'), { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => relative(dir, join(e.parentPath, e.name)))
			.sort();
		assert.deepEqual(listed, files);
		assert.ok(files.length >= 6);
		const output = execFileSync('sha256sum', ['-c', 'data/SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
		assert.equal(output.trim().split('\n').filter((line) => line.endsWith(': OK')).length, files.length);
	});
});
