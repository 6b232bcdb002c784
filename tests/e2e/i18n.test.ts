/**
 * The Simplified and Traditional interfaces: every page prerendered under /zh-hans and /zh-hant
 * with its language, each template with JavaScript free of axe violations, of English interface
 * words outside lang="en" and (Traditional) of Simplified-only characters; the pages complete
 * without JavaScript; the language switch keeping the reader's place; the fonts per script.
 * (The link and anchor crawl of site.test.ts covers every page of all three interfaces.)
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Manifest } from '../../src/lib/content/manifest';
import { axeViolations } from './axe';
import { openSite, watchedPage, type Site } from './harness';
import { englishInChinese, simplifiedOnlyIn } from './interface-language';
import { archiveManifest } from './manifest';
import { TEMPLATES } from './templates';

const manifest: Manifest = await archiveManifest();

const INTERFACES = [
	{ locale: 'zh-Hans', prefix: '/zh-hans' },
	{ locale: 'zh-Hant', prefix: '/zh-hant' }
] as const;

/** The templates, and the pages only the Chinese interfaces need checked: a Chinese document, a data table, the founding letter with its claims, a Chinese query. */
const CHINESE_TEMPLATES: [string, string][] = [
	...TEMPLATES,
	['a Chinese document', '/archive/beijing-spring-2010-liu-chang'],
	['a data table', '/archive/house-roll-call-151-2004'],
	['a founding document with its claims', '/archive/family-letter-guterres-2022'],
	['search in Chinese', '/search?q=王炳章']
];
const localized = (prefix: string, path: string) => (path === '/' ? prefix : prefix + path);

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

describe('the Chinese interfaces', () => {
	let site: Site;
	before(async () => {
		site = await openSite();
	});
	after(async () => site?.close());

	it('prerender every English page under /zh-hans and /zh-hant, each with its <html lang>', () => {
		const english = htmlFiles('build')
			.map((f) => relative('build', f))
			.filter((f) => !/^zh-han[st][/.]/.test(f) && f !== '404.html' && !f.startsWith('_app'));
		assert.ok(english.length >= manifest.documents.length + manifest.events.length, `${english.length} English pages`);
		for (const { locale, prefix } of INTERFACES) {
			const missing: string[] = [];
			for (const file of english) {
				const path = file === 'index.html' ? `${prefix.slice(1)}.html` : `${prefix.slice(1)}/${file}`;
				let html: string;
				try {
					html = readFileSync(join('build', path), 'utf8');
				} catch {
					missing.push(path);
					continue;
				}
				assert.match(html, new RegExp(`<html lang="${locale}"`), path);
			}
			assert.deepEqual(missing, [], `${locale}: pages not prerendered`);
		}
		assert.match(readFileSync('build/index.html', 'utf8'), /<html lang="en"/);
	});

	/**
	 * On a long page axe reads the template on a sample of its repeated parts: the whole /claims
	 * (11,000 elements) takes it 45 s a run, and the English run (a11y.test.ts) reads all of it.
	 * The language checks above read the whole page.
	 */
	const AXE_SAMPLE: Record<string, [selector: string, keep: number]> = { claims: ['article.claim', 6], 'a data table': ['table.data tbody tr', 30] };

	for (const { locale, prefix } of INTERFACES) {
		for (const [name, path] of CHINESE_TEMPLATES) {
			it(`${locale}: ${name} has no axe violation, no unmarked English${locale === 'zh-Hant' ? ', no Simplified-only character' : ''}, and no error`, async () => {
				const { page, errors } = await watchedPage(site);
				const response = await page.goto(site.origin + localized(prefix, path));
				assert.equal(response?.status(), name === 'not found' ? 404 : 200);
				if (path.startsWith('/search')) await page.locator('.hit').first().waitFor();
				await page.waitForLoadState('load');
				// The one 404 page serves every interface: it takes the reader's language once its script has run.
				await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
				assert.deepEqual(await englishInChinese(page), [], 'English interface words outside lang="en"');
				if (locale === 'zh-Hant') assert.deepEqual(await simplifiedOnlyIn(page), [], 'Simplified-only characters');
				const sample = AXE_SAMPLE[name];
				if (sample) await page.evaluate(([selector, keep]) => [...document.querySelectorAll(selector)].slice(keep).forEach((el) => el.remove()), sample);
				assert.deepEqual(await axeViolations(page), [], 'axe');
				// The not-found page is answered with 404, which the browser logs too.
				assert.deepEqual(errors.filter((e) => name !== 'not found' || !/HTTP 404|status of 404/.test(e)), []);
				await page.close();
			});
		}
	}

	it('read completely without JavaScript', async () => {
		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		for (const { prefix } of INTERFACES) {
			const event = manifest.events.find((e) => e.id === 'abduction-2002')!;
			await page.goto(`${site.origin}${prefix}/events/${event.id}`);
			assert.ok((await page.locator('h1').textContent())?.trim(), 'event title');
			assert.equal(await page.locator('main blockquote').count() >= event.sources.filter((s) => s.quote).length, true, 'every quote');
			assert.deepEqual(await englishInChinese(page), [], `${prefix} event`);

			const doc = manifest.documents.find((d) => d.id === 'hconres326-108-rfs')!;
			await page.goto(`${site.origin}${prefix}/archive/${doc.id}`);
			assert.equal(await page.locator('ol.text > li[id^="p-"]').count(), doc.paragraphs!.length, 'every paragraph');
			assert.deepEqual(await englishInChinese(page), [], `${prefix} document`);

			await page.goto(`${site.origin}${prefix}/claims`);
			assert.equal(await page.locator('article.claim').count(), manifest.claims.length, 'every claim');
			assert.deepEqual(await englishInChinese(page), [], `${prefix} claims`);

			await page.goto(`${site.origin}${prefix}/timeline`);
			assert.equal(await page.locator('.event-list > li').count(), manifest.events.length, 'every event in the list');
			assert.deepEqual(await englishInChinese(page), [], `${prefix} timeline`);
		}
		await context.close();
	});

	it('switch language keeping the path, the query and the anchor (with JavaScript), the path (without)', async () => {
		const { page, errors } = await watchedPage(site);
		const place = '/archive/hconres326-108-rfs?quote=Wang#p-3';
		await page.goto(site.origin + place);
		await page.waitForLoadState('load');
		await page.locator('nav.languages a[hreflang="zh-Hant"]').click();
		await page.waitForURL(`**/zh-hant${place.split('#')[0]}*`);
		assert.equal(new URL(page.url()).pathname + new URL(page.url()).search + new URL(page.url()).hash, `/zh-hant${place}`);
		assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-Hant');
		await page.locator('nav.languages a[hreflang="en"]').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/zh-hant'));
		assert.equal(new URL(page.url()).pathname + new URL(page.url()).hash, place.replace('?quote=Wang', ''));
		assert.equal(new URL(page.url()).search, '?quote=Wang');
		assert.deepEqual(errors, []);

		const context = await site.browser.newContext({ javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto(`${site.origin}/zh-hans/events/abduction-2002`);
		assert.deepEqual(await plain.locator('nav.languages a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)), ['/events/abduction-2002', '/zh-hant/events/abduction-2002']);
		await context.close();
	});

	it('name each script’s faces first: a TC face on Traditional pages, an SC face on Simplified ones', async () => {
		const { page } = await watchedPage(site);
		const firstFace = () => page.evaluate(() => getComputedStyle(document.querySelector('main p')!).fontFamily.split(',')[0]!.replace(/["']/g, '').trim());
		await page.goto(`${site.origin}/zh-hant/about`);
		assert.match(await firstFace(), / TC$/);
		await page.goto(`${site.origin}/zh-hans/about`);
		assert.match(await firstFace(), / SC$/);
		await page.goto(`${site.origin}/about`);
		assert.doesNotMatch(await firstFace(), / [ST]C$/);
	});
});
