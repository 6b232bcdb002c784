/**
 * The site cannot be turned against its readers: a strict Content-Security-Policy on every page,
 * no {@html} anywhere, external links that do not leak the reader, and a hostile archive whose
 * HTML, scripts, event handlers and javascript: links show as literal text on every page and
 * never run.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildHostileSite, PAYLOADS, type HostileFixture } from '../fixtures/hostile-site';
import { restoreRealArchiveOutputs } from '../fixtures/site-build';
import { openSite, watchedPage, type Site } from './harness';

function filesUnder(dir: string, ext: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && e.name.endsWith(ext))
		.map((e) => join(e.parentPath, e.name));
}

describe('security', () => {
	it('never uses {@html} in the site’s code', () => {
		const offenders = filesUnder('src', '.svelte').filter((file) => readFileSync(file, 'utf8').includes('{@html'));
		assert.deepEqual(offenders, []);
	});

	it('sends a strict Content-Security-Policy on every page: hashed scripts only, no unsafe-inline scripts, no eval', () => {
		const pages = filesUnder('build', '.html');
		assert.ok(pages.length > 100);
		for (const file of pages) {
			const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
			assert.ok(csp, `${file} has a CSP`);
			const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
			assert.match(scriptSrc, /^'self'( 'sha256-[A-Za-z0-9+/=]+')*$/, `${file}: script-src ${scriptSrc}`);
			assert.ok(!csp.includes('unsafe-eval') && csp.includes("object-src 'none'") && csp.includes("base-uri 'self'"), file);
		}
	});

	it('opens every outside link with rel="noopener noreferrer"', () => {
		const unsafe: string[] = [];
		for (const file of filesUnder('build', '.html')) {
			for (const [tag] of readFileSync(file, 'utf8').matchAll(/<a\s[^>]*href="https?:\/\/[^"]*"[^>]*>/g)) {
				const rel = /\srel="([^"]*)"/.exec(tag)?.[1]?.split(/\s+/) ?? [];
				if (!rel.includes('noopener') || !rel.includes('noreferrer')) unsafe.push(`${file}: ${tag}`);
			}
		}
		assert.deepEqual(unsafe, []);
	});

	describe('a hostile archive', () => {
		let fixture: HostileFixture;
		let site: Site;
		before(() => {
			fixture = buildHostileSite();
		});
		after(async () => {
			await site?.close();
			restoreRealArchiveOutputs();
		});

		it('shows every payload as literal text on every page that displays it, and runs none of them', async () => {
			site = await openSite({ dir: fixture.dir });
			const pages: [string, string[]][] = [
				['/', []],
				[`/timeline?from=2002&to=2003&event=${fixture.eventId}`, [PAYLOADS.eventTitle, PAYLOADS.summary]],
				[`/events/${fixture.eventId}`, [PAYLOADS.eventTitle, PAYLOADS.summary, PAYLOADS.quote, PAYLOADS.title]],
				['/archive', [PAYLOADS.title, PAYLOADS.issuer]],
				['/archive/kind/letter', [PAYLOADS.title]],
				[`/archive/${fixture.docId}`, [PAYLOADS.title, PAYLOADS.originalTitle, PAYLOADS.issuer, PAYLOADS.description, PAYLOADS.identifier, PAYLOADS.text, PAYLOADS.quote, PAYLOADS.eventTitle]],
				[`/archive/${fixture.docId}?q=${encodeURIComponent('<script>alert(1)</script>')}`, [PAYLOADS.text]],
				['/claims', [PAYLOADS.claimTitle, PAYLOADS.summary, PAYLOADS.description, PAYLOADS.quote]],
				['/search?q=Hostile', [PAYLOADS.title]],
				[`/search?q=${encodeURIComponent('"><img src=x onerror=alert(10)>')}`, ['"><img src=x onerror=alert(10)>']]
			];
			const dialogs: string[] = [];
			const { page, errors } = await watchedPage(site);
			page.on('dialog', (dialog) => {
				dialogs.push(dialog.message());
				void dialog.dismiss();
			});
			for (const [path, literals] of pages) {
				await page.goto(site.origin + path, { waitUntil: 'networkidle' });
				if (path.startsWith('/search')) await page.locator('.status q.literal').waitFor();
				// Open every <details>, so that a payload inside one would get its chance to run.
				await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
				const state = await page.evaluate(() => ({
					pwned: (window as unknown as { __pwned?: number }).__pwned,
					handlers: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)),
					javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
					injected: document.querySelectorAll('main img[src="x"], main iframe, main svg[onload], body > style').length,
					text: document.body.innerText.replace(/\s+/g, ' ')
				}));
				assert.equal(state.pwned, undefined, `${path}: a payload ran`);
				assert.deepEqual(state.handlers, [], `${path}: event-handler attributes in the page`);
				assert.equal(state.javascriptLinks, 0, `${path}: javascript: links`);
				assert.equal(state.injected, 0, `${path}: elements from a payload`);
				for (const literal of literals) assert.ok(state.text.includes(literal.replace(/\s+/g, ' ')), `${path} shows literally: ${literal}`);
			}
			assert.deepEqual(dialogs, []);
			assert.deepEqual(errors, []);
		});
	});
});
