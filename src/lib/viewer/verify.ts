/**
 * Checking in the browser that a served file is the one that was archived: fetch it, hash it
 * with Web Crypto, compare with the SHA-256 recorded at archiving time. What went wrong is said
 * in the page's language.
 */
import { document_verify_fetch_failed, document_verify_http, document_verify_no_crypto } from '../paraglide/messages.js';

export type VerifyOutcome =
	| { state: 'match'; sha256: string }
	| { state: 'mismatch'; sha256: string }
	| { state: 'error'; message: string };

export const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

export async function verifyFile(url: string, expected: string, fetcher: typeof fetch = fetch): Promise<VerifyOutcome> {
	// Web Crypto exists only on https:// and on this computer (http://localhost); elsewhere, say how to check by hand.
	if (!globalThis.crypto?.subtle) return { state: 'error', message: document_verify_no_crypto() };
	let response: Response;
	try {
		response = await fetcher(url, { cache: 'no-store' });
	} catch {
		return { state: 'error', message: document_verify_fetch_failed() };
	}
	if (!response.ok) return { state: 'error', message: document_verify_http({ status: response.status }) };
	const sha256 = toHex(await crypto.subtle.digest('SHA-256', await response.arrayBuffer()));
	return { state: sha256 === expected.toLowerCase() ? 'match' : 'mismatch', sha256 };
}
