/**
 * A small static file server for the built site, used by `npm start` and the end-to-end tests.
 * It serves the way static hosts do: /archive/x → archive/x.html, folders → index.html, unknown
 * paths → 404.html with status 404, and everything under an optional base path.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

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
 * The file a URL path maps to inside root, or null.
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
	const path = normalize(join(root, decoded));
	if (!path.startsWith(root)) return null;
	for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) if (isFile(candidate)) return candidate;
	return null;
}

/**
 * Starts serving `dir` on 127.0.0.1 (port 0 = any free port). Resolves to the server.
 * @param {string} dir
 * @param {{ port?: number, basePath?: string }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function startStaticServer(dir, { port = 0, basePath = '' } = {}) {
	const root = resolve(dir);
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
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
		if (req.method === 'HEAD') res.end();
		else createReadStream(file).pipe(res);
	});
	return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}
