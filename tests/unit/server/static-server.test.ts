/**
 * The static server of `npm start` and the end-to-end tests: paths stay inside the site folder
 * (separator-safe), and the site's _headers rules are applied.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFor, mapPath, parseHeadersFile, startStaticServer } from '../../../scripts/static-server.mjs';
import { TMP_ROOT } from '../../fixtures/archive-builder';

const root = join(TMP_ROOT, 'server-site');
const sibling = join(TMP_ROOT, 'server-site-x');

beforeAll(() => {
	mkdirSync(join(root, 'files', 'doc'), { recursive: true });
	mkdirSync(sibling, { recursive: true });
	writeFileSync(join(root, 'index.html'), '<p>home</p>');
	writeFileSync(join(root, '404.html'), '<p>not found</p>');
	writeFileSync(join(root, 'files', 'doc', 'text.txt'), 'archived text');
	writeFileSync(join(sibling, 's'), 'a secret beside the site');
	writeFileSync(join(root, '_headers'), '/*\n  X-Content-Type-Options: nosniff\n\n/files/*\n  Content-Security-Policy: default-src \'none\'\n\n/files/doc/text.txt\n  Content-Type: text/plain; charset=utf-8\n');
});

describe('mapPath', () => {
	it('never leaves the site folder, not even for a sibling whose name starts with the site’s', () => {
		expect(mapPath(root, '/..%2Fserver-site-x%2Fs')).toBeNull();
		expect(mapPath(root, '/../server-site-x/s')).toBeNull();
		expect(mapPath(root, '/%2e%2e/server-site-x/s')).toBeNull();
		expect(mapPath(root, '/files/doc/text.txt%00.html')).toBeNull();
		expect(mapPath(root, '/%E0%A4%A')).toBeNull();
		expect(mapPath(root, '/')).toBe(join(root, 'index.html'));
		expect(mapPath(root, '/files/doc/text.txt')).toBe(join(root, 'files', 'doc', 'text.txt'));
	});
});

describe('_headers', () => {
	it('applies the rules in order, a trailing * matching any rest', () => {
		const rules = parseHeadersFile('/*\n  A: 1\n\n/files/*\n  B: 2\n  A: 3\n\n/files/x.txt\n  C: 4\n');
		expect(headersFor(rules, '/index.html')).toEqual({ a: '1' });
		expect(headersFor(rules, '/files/x.txt')).toEqual({ a: '3', b: '2', c: '4' });
	});
});

describe('the server', () => {
	let origin = '';
	let close = () => {};
	beforeAll(async () => {
		const server = await startStaticServer(root);
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		close = () => server.close();
	});
	afterAll(() => close());

	it('answers a path that escapes the folder with the 404 page', async () => {
		const response = await fetch(`${origin}/..%2Fserver-site-x%2Fs`);
		expect(response.status).toBe(404);
		expect(await response.text()).toBe('<p>not found</p>');
	});

	it('sends an archived file with its declared type, nosniff and the CSP of its _headers rule', async () => {
		const response = await fetch(`${origin}/files/doc/text.txt`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
		expect((await fetch(`${origin}/`)).headers.get('content-security-policy')).toBeNull();
	});
});
