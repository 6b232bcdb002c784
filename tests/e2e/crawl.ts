/**
 * A crawl of the prerendered site on disk: every internal link, asset and #fragment on every
 * page must resolve. `#page=<n>` is a PDF viewer parameter, so it resolves when the document
 * has page n.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
// Shared with the server so that the crawl maps URLs to files exactly as it serves them.
import { mapPath } from '../../scripts/static-server.mjs';

export interface BrokenLink {
	page: string;
	link: string;
	reason: string;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

export function idsIn(html: string): Set<string> {
	return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => decodeEntities(m[1]!)));
}

export function linksIn(html: string): string[] {
	return [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** The URL path a built file is served at: archive/x.html → /archive/x. */
export function pagePath(root: string, file: string): string {
	const rel = relative(root, file).split('\\').join('/');
	return '/' + rel.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '');
}

/**
 * @param root the build folder
 * @param basePath the base path the site was built for ('' or '/some/path')
 * @param pageCounts PDF page counts by document id, for #page=<n>
 */
export function crawl(root: string, basePath: string, pageCounts: ReadonlyMap<string, number>): { pages: number; links: number; broken: BrokenLink[] } {
	const broken: BrokenLink[] = [];
	const idCache = new Map<string, Set<string>>();
	const idsOf = (file: string) => {
		let ids = idCache.get(file);
		if (!ids) idCache.set(file, (ids = idsIn(readFileSync(file, 'utf8'))));
		return ids;
	};
	const files = htmlFiles(root);
	let links = 0;
	for (const file of files) {
		const page = basePath + pagePath(root, file);
		for (const link of linksIn(readFileSync(file, 'utf8'))) {
			const url = new URL(link, `http://site${page}`);
			if (url.host !== 'site') continue; // external: checked by people, not the build
			links++;
			if (!url.pathname.startsWith(basePath + '/') && url.pathname !== basePath) {
				broken.push({ page, link, reason: `outside the base path ${basePath}` });
				continue;
			}
			const target = mapPath(resolve(root), url.pathname.slice(basePath.length) || '/');
			if (!target) {
				broken.push({ page, link, reason: 'no such page or file' });
				continue;
			}
			const fragment = decodeURIComponent(url.hash.slice(1));
			if (!fragment) continue;
			const pageParam = /^page=(\d+)$/.exec(fragment);
			if (pageParam) {
				const id = url.pathname.split('/').pop() ?? '';
				const count = pageCounts.get(id) ?? 0;
				if (Number(pageParam[1]) < 1 || Number(pageParam[1]) > count) broken.push({ page, link, reason: `document "${id}" has ${count} PDF pages` });
			} else if (target.endsWith('.html') && !idsOf(target).has(fragment)) {
				broken.push({ page, link, reason: `no element with id "${fragment}" on the target page` });
			}
		}
	}
	return { pages: files.length, links, broken };
}
