/**
 * A small static file server for the built site, used by `npm start` and the end-to-end tests.
 * It serves the way static hosts do: /archive/x → archive/x.html, folders → index.html, unknown
 * paths → 404.html with status 404, and everything under an optional base path. It applies the
 * site's own `_headers` file (written by the build, read by Netlify and Cloudflare Pages), so an
 * archived file is sent with its declared type, `nosniff` and a CSP that forbids scripts.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.pdf': 'application/pdf',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.bcmap': 'application/octet-stream',
	'.pfb': 'application/octet-stream',
	'.ttf': 'font/ttf',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm'
};

/** @param {string} path */
const isFile = (path) => existsSync(path) && statSync(path).isFile();

/**
 * The file a URL path maps to inside root, or null. The containment check is separator-safe:
 * a sibling folder whose name starts with the root's ("site-x" beside "site") is outside it.
 * @param {string} root absolute path of the site folder
 * @param {string} pathname URL path without the base path
 * @returns {string | null}
 */
export function mapPath(root, pathname) {
	let decoded;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	const path = normalize(join(root, decoded));
	if (path !== root && !path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
	for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) if (isFile(candidate)) return candidate;
	return null;
}

/**
 * Rules of a `_headers` file: a path (a trailing "*" matches any rest), then indented "Name: value" lines.
 * @param {string} text
 * @returns {{ pattern: string, headers: [string, string][] }[]}
 */
export function parseHeadersFile(text) {
	/** @type {{ pattern: string, headers: [string, string][] }[]} */
	const rules = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '' || line.trim().startsWith('#')) continue;
		if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
		else {
			const colon = line.indexOf(':');
			const rule = rules.at(-1);
			if (colon > 0 && rule) rule.headers.push([line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()]);
		}
	}
	return rules;
}

/**
 * The headers the rules give a URL path; later rules override earlier ones, as on the hosts.
 * @param {{ pattern: string, headers: [string, string][] }[]} rules
 * @param {string} pathname
 */
export function headersFor(rules, pathname) {
	/** @type {Record<string, string>} */
	const out = {};
	for (const rule of rules) {
		const matches = rule.pattern.endsWith('*') ? pathname.startsWith(rule.pattern.slice(0, -1)) : pathname === rule.pattern;
		if (matches) for (const [name, value] of rule.headers) out[name] = value;
	}
	return out;
}

/**
 * Starts serving `dir` on 127.0.0.1 (port 0 = any free port). Resolves to the server.
 * @param {string} dir
 * @param {{ port?: number, basePath?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function startStaticServer(dir, { port = 0, basePath = '' } = {}) {
	const root = resolve(dir);
	const headersPath = join(root, '_headers');
	const rules = isFile(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
	const server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname = url.pathname;
		let file = null;
		if (basePath === '' || pathname === basePath || pathname.startsWith(`${basePath}/`)) {
			pathname = pathname.slice(basePath.length) || '/';
			file = mapPath(root, pathname);
		}
		const status = file ? 200 : 404;
		file ??= join(root, '404.html');
		if (!isFile(file)) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end('Not found');
			return;
		}
		const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', ...(status === 200 ? headersFor(rules, url.pathname) : {}) };
		res.writeHead(status, headers);
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
