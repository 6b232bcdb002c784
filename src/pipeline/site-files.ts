/**
 * The two files written into a finished site after Vite: `_headers`, the response headers a
 * static host should send (Netlify and Cloudflare Pages read this file; the README shows the
 * same for nginx), among them how long a browser may keep each file; and `SHA256SUMS`, the
 * digest of every file of the site that `data/SHA256SUMS` (the archived files) does not already
 * list, so that a mirror can prove with `sha256sum -c` that it serves exactly the site that was built.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Manifest } from '../lib/content/manifest';
import { byCodePoint } from '../lib/content/order';

/**
 * Archived files are served from the site's own origin: whatever slipped past the format gate
 * may not run script, load anything, or be framed by another site.
 */
export const FILES_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

/** The Content-Type an archived file is sent with: its declared media type. */
export const contentTypeOf = (mediaType: string) => (mediaType.startsWith('text/') ? `${mediaType}; charset=utf-8` : mediaType);

/**
 * How long a browser may keep a file whose name holds a digest of what it holds (or of the build
 * that made it): a changed file gets a new name, so the old one can be kept for good.
 */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Folders whose every file is named by its content: Vite's chunks and assets, the search index's shards, page images. */
const DIGEST_FOLDERS = ['_app/immutable/', 'search/shards/', 'page-images/'];

/**
 * The site's other files named by a digest: the search index and its records
 * (`search/index.<12 hex>.json`, `search/text/records.<locale>.<12 hex>.json`), and the timeline's
 * events file in each interface (`timeline/events-<build version>.json`). Named exactly, not by
 * any name that looks hashed: an event or document id may end in 16 digits, and its page must
 * never be kept.
 */
const DIGEST_NAMED = /^(search\/index\.[0-9a-f]{12}\.json|search\/text\/records\.[A-Za-z-]+\.[0-9a-f]{12}\.json|(zh-han[st]\/)?timeline\/events-[0-9a-f]{16}\.json)$/;

/** Of a site's files (paths relative to it), those named by a digest outside DIGEST_FOLDERS. */
export const digestNamed = (paths: readonly string[]): string[] => paths.filter((path) => DIGEST_NAMED.test(path));

/**
 * `_headers` (Netlify / Cloudflare Pages syntax): nosniff everywhere; for /files/, the CSP and
 * each file's declared type; for files named by a digest, caching for good.
 */
export function headersFile(manifest: Manifest, basePath: string, digestPaths: readonly string[]): string {
	const lines = ['/*', '  X-Content-Type-Options: nosniff', '', `${basePath}/files/*`, `  Content-Security-Policy: ${FILES_CSP}`, '  X-Content-Type-Options: nosniff', ''];
	for (const doc of manifest.documents) {
		for (const file of doc.files) lines.push(`${basePath}${file.path}`, `  Content-Type: ${contentTypeOf(file.mediaType)}`, '');
	}
	for (const path of [...DIGEST_FOLDERS.map((folder) => `${folder}*`), ...digestPaths]) lines.push(`${basePath}/${path}`, `  Cache-Control: ${IMMUTABLE}`, '');
	return lines.join('\n');
}

/** Every file under a folder, as paths relative to it with "/" separators, in code-point order. */
function filesUnder(root: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else out.push(relative(root, path).split(sep).join('/'));
		}
	};
	walk(root);
	return out.sort(byCodePoint);
}

/** `sha256sum -c` lines for every file of the site except the archived files (listed in data/SHA256SUMS) and this list itself. */
export function siteSums(siteDir: string): string {
	const archived = new Set(
		readFileSync(join(siteDir, 'data', 'SHA256SUMS'), 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((line) => line.slice(66))
	);
	return filesUnder(siteDir)
		.filter((path) => path !== 'SHA256SUMS' && !archived.has(path))
		.map((path) => `${createHash('sha256').update(readFileSync(join(siteDir, path))).digest('hex')}  ${path}\n`)
		.join('');
}

/** Writes _headers, then SHA256SUMS (last, so that it covers _headers too). */
export function writeSiteFiles(siteDir: string, manifest: Manifest, basePath: string): void {
	writeFileSync(join(siteDir, '_headers'), headersFile(manifest, basePath, digestNamed(filesUnder(siteDir))));
	writeFileSync(join(siteDir, 'SHA256SUMS'), siteSums(siteDir));
}
