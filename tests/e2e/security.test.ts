/**
 * The site cannot be turned against its readers: a strict Content-Security-Policy on every page,
 * no {@html} anywhere, external links that do not leak the reader, and a hostile archive whose
 * HTML, scripts, event handlers and javascript: links show as literal text on every page and
 * never run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildHostileSite, PAYLOADS, type HostileFixture } from '../fixtures/hostile-site';
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

	it('allows every inline script on a page by its hash in that page’s policy, and no other', () => {
		let inline = 0;
		for (const file of filesUnder('build', '.html')) {
			const html = readFileSync(file, 'utf8');
			const scriptSrc = /<meta http-equiv="content-security-policy" content="[^"]*script-src ([^;"]+)/.exec(html)?.[1] ?? '';
			const allowed = new Set([...scriptSrc.matchAll(/'(sha256-[A-Za-z0-9+/=]+)'/g)].map((m) => m[1]));
			// Data blocks (JSON-LD, SvelteKit's fetched data) are not run, and a policy does not cover them.
			for (const [, attributes, body] of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
				const type = /\stype="([^"]*)"/.exec(attributes ?? '')?.[1];
				if (/\ssrc=/.test(attributes ?? '') || (type !== undefined && type !== 'module' && type !== 'text/javascript')) continue;
				inline++;
				assert.ok(allowed.has(`sha256-${createHash('sha256').update(body!).digest('base64')}`), `${file}: an inline script its policy does not allow: ${body!.slice(0, 80)}`);
			}
		}
		assert.ok(inline > 100, `${inline} inline scripts checked`);
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
		before(async () => {
			fixture = await buildHostileSite();
		});
		after(async () => {
			await site?.close();
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

		it('notes a PDF’s JavaScript and OpenAction on its page, and never runs them (pdf.js without scripting)', async () => {
			site ??= await openSite({ dir: fixture.dir });
			const { page, errors } = await watchedPage(site);
			const dialogs: string[] = [];
			page.on('dialog', (dialog) => {
				dialogs.push(dialog.message());
				void dialog.dismiss();
			});
			const requests: string[] = [];
			page.on('request', (request) => requests.push(request.url()));
			await page.goto(`${site.origin}/archive/${fixture.scriptedPdfId}`);
			await page.locator('canvas').first().waitFor();
			const note = page.locator('.pdf-features');
			assert.equal(await note.getAttribute('data-features'), 'javascript open-action');
			assert.match(await note.innerText(), /This PDF contains JavaScript and an action that runs when the file is opened\.[\s\S]*runs none of it/);
			assert.deepEqual(dialogs, []);
			assert.deepEqual(requests.filter((url) => /sandbox|scripting/i.test(url)), [], 'pdf.js’s scripting sandbox is never loaded');
			assert.deepEqual(errors, []);
		});

		it('serves archived files with their declared type, nosniff and a CSP that forbids scripts', async () => {
			site ??= await openSite({ dir: fixture.dir });
			for (const [path, type] of [[`/files/${fixture.docId}/text.txt`, 'text/plain; charset=utf-8'], [`/files/${fixture.scriptedPdfId}/scripted.pdf`, 'application/pdf']]) {
				const response = await fetch(site.origin + path);
				assert.equal(response.status, 200);
				assert.equal(response.headers.get('content-type'), type);
				assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
				assert.match(response.headers.get('content-security-policy') ?? '', /^default-src 'none'; /);
				assert.doesNotMatch(response.headers.get('content-security-policy') ?? '', /script-src/);
			}
			// The text file holds a <script> payload: shown as text, it runs nothing.
			const { page } = await watchedPage(site);
			await page.goto(`${site.origin}/files/${fixture.docId}/text.txt`);
			assert.match(await page.locator('body').innerText(), /<script>window\.__pwned=6/);
			assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
		});
	});
});
