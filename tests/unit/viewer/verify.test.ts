import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toHex, verifyFile } from '../../../src/lib/viewer/verify';

const bytes = new TextEncoder().encode('The judgment (2003)深中法刑一初字第41号\n');
const sha256 = createHash('sha256').update(bytes).digest('hex');

/** A fetcher that records its calls and answers each with `respond()`. */
function fakeFetch(respond: () => Promise<Response>) {
	const calls: [unknown, unknown][] = [];
	const fetcher: typeof fetch = (input, init) => {
		calls.push([input, init]);
		return respond();
	};
	return { fetcher, calls };
}

describe('verifyFile', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('says how to check by hand where the browser has no Web Crypto (a page served without HTTPS), without fetching', async () => {
		vi.stubGlobal('crypto', {});
		const { fetcher, calls } = fakeFetch(async () => new Response(bytes));
		const outcome = await verifyFile('/files/judgment.pdf', sha256, fetcher);
		expect(outcome.state).toBe('error');
		expect(outcome.state === 'error' && outcome.message).toMatch(/sha256sum/);
		expect(calls).toEqual([]);
	});

	it('reports a match when the bytes hash to the expected SHA-256', async () => {
		const { fetcher, calls } = fakeFetch(async () => new Response(bytes));
		expect(await verifyFile('/files/judgment.pdf', sha256, fetcher)).toEqual({ state: 'match', sha256 });
		expect(calls).toEqual([['/files/judgment.pdf', { cache: 'no-store' }]]);
	});

	it('reports a match when the expected hash is in upper case', async () => {
		const { fetcher } = fakeFetch(async () => new Response(bytes));
		expect(await verifyFile('/f', sha256.toUpperCase(), fetcher)).toEqual({ state: 'match', sha256 });
	});

	it('reports a mismatch with the actual hash for different bytes', async () => {
		const other = new TextEncoder().encode('The judgment (2003)深中法刑一初字第42号\n');
		const actual = createHash('sha256').update(other).digest('hex');
		expect(actual).not.toBe(sha256);
		const { fetcher } = fakeFetch(async () => new Response(other));
		expect(await verifyFile('/f', sha256, fetcher)).toEqual({ state: 'mismatch', sha256: actual });
	});

	it('hashes an empty file', async () => {
		const { fetcher } = fakeFetch(async () => new Response(new Uint8Array(0)));
		expect(await verifyFile('/f', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', fetcher)).toEqual({
			state: 'match',
			sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
		});
	});

	it('reports an error naming the status for a failed response', async () => {
		const { fetcher } = fakeFetch(async () => new Response('Not Found', { status: 404 }));
		const outcome = await verifyFile('/missing.pdf', sha256, fetcher);
		expect(outcome.state).toBe('error');
		expect(outcome).toEqual({ state: 'error', message: 'The file could not be fetched (HTTP 404).' });
		if (outcome.state === 'error') expect(outcome.message).toContain('404');
	});

	it('reports an error about the connection when the fetch rejects', async () => {
		const { fetcher } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
		const outcome = await verifyFile('/f', sha256, fetcher);
		expect(outcome).toEqual({ state: 'error', message: 'The file could not be fetched: the connection failed.' });
		if (outcome.state === 'error') expect(outcome.message).toMatch(/connection/);
	});
});

describe('toHex', () => {
	it('writes two lower-case hex digits per byte', () => {
		expect(toHex(new Uint8Array([0, 15, 255]).buffer)).toBe('000fff');
		expect(toHex(new Uint8Array([1, 160, 171, 16]).buffer)).toBe('01a0ab10');
		expect(toHex(new ArrayBuffer(0))).toBe('');
	});
});
