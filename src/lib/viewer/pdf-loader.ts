/**
 * Loading pdf.js and opening a PDF, in the browser only. pdf.js (about 120 kB gzipped, and a
 * worker three times that) is imported here on demand, so only pages that show a PDF fetch it.
 * The file and the library are fetched side by side: most of the wait for a first page is
 * pdf.js starting up, and the bytes can arrive meanwhile.
 */
import { asset } from '$app/paths';
import libraryUrl from 'pdfjs-dist/build/pdf.min.mjs?url';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import * as m from '$lib/paraglide/messages';
import { CMAPS_PATH, ICC_PATH, STANDARD_FONTS_PATH, WASM_PATH } from './pdf-assets';

export type Pdfjs = typeof import('pdfjs-dist');

/**
 * pdf.js's own prebuilt files, served as they are. Their addresses are known when the page is
 * rendered, so the page's head can ask for them before any of its scripts run.
 */
export const PDFJS_LIBRARY_URL = libraryUrl;
export const PDFJS_WORKER_URL = workerUrl;

let library: Promise<Pdfjs> | null = null;

/** What the document page's head script started (pdf-boot.js), before any of the page's modules ran. */
interface Boot {
	worker: Worker;
	library: Promise<Pdfjs>;
}

/** The head script's worker and library, taken once: a later document starts its own. */
function takeBoot(): Boot | undefined {
	const holder = window as { __pdfBoot?: Boot | null };
	const boot = holder.__pdfBoot ?? undefined;
	holder.__pdfBoot = null;
	return boot;
}

/**
 * pdf.js and its worker, started together: the worker (about 1.2 MB) is fetched and compiled
 * while the library loads, instead of after it. On a prerendered document page the head script
 * has started both already. Timings are marked for `npm run bench:viewer`.
 */
export function loadPdfjs(): Promise<Pdfjs> {
	library ??= (() => {
		const boot = takeBoot();
		if (!boot) performance.mark('pdf:library-start');
		const worker = boot?.worker ?? new Worker(workerUrl, { type: 'module' });
		return (boot?.library ?? (import(/* @vite-ignore */ libraryUrl) as Promise<Pdfjs>)).then(
			(pdfjs) => {
				pdfjs.GlobalWorkerOptions.workerPort = worker;
				performance.mark('pdf:library-ready');
				return pdfjs;
			},
			(error: Error) => {
				// A failed download is not kept: the next PDF tries again.
				worker.terminate();
				library = null;
				throw error;
			}
		);
	})();
	return library;
}

/** Why a PDF could not be shown, in words for a reader, in the page's language (technical details, such as pdf.js's own message, stay as they came). */
export class PdfLoadError extends Error {}

async function fetchBytes(url: string): Promise<Uint8Array> {
	let response: Response;
	try {
		response = await fetch(url);
	} catch {
		throw new PdfLoadError(m.viewer_fetch_failed());
	}
	if (!response.ok) throw new PdfLoadError(m.viewer_fetch_http({ status: response.status }));
	return new Uint8Array(await response.arrayBuffer());
}

export interface OpenedPdf {
	pdfjs: Pdfjs;
	pdf: PDFDocumentProxy;
}

/** pdf.js refuses a new document on its worker while an old one is still being destroyed: each opening waits for the last closing. */
let closing: Promise<void> = Promise.resolve();

export function closePdf(pdf: PDFDocumentProxy): void {
	closing = pdf.destroy().catch(() => {});
}

/** Fetches and opens the PDF at `url`. Scripts in the PDF never run: pdf.js is told not to evaluate code. */
export async function openPdf(url: string): Promise<OpenedPdf> {
	const [pdfjs, data] = await Promise.all([loadPdfjs(), fetchBytes(url).finally(() => performance.mark('pdf:bytes'))]);
	await closing;
	try {
		const pdf = await pdfjs.getDocument({
			data,
			cMapUrl: asset(CMAPS_PATH),
			cMapPacked: true,
			standardFontDataUrl: asset(STANDARD_FONTS_PATH),
			wasmUrl: asset(WASM_PATH),
			iccUrl: asset(ICC_PATH),
			isEvalSupported: false,
			enableXfa: false,
			// pdf.js's warnings (a missing system font, a repaired cross-reference table) are for its developers; failures still throw.
			verbosity: pdfjs.VerbosityLevel.ERRORS,
			stopAtErrors: true
		}).promise;
		performance.mark('pdf:open');
		return { pdfjs, pdf };
	} catch (error) {
		const name = (error as Error).name;
		if (name === 'InvalidPDFException') throw new PdfLoadError(m.viewer_not_pdf());
		if (name === 'PasswordException') throw new PdfLoadError(m.viewer_password());
		throw new PdfLoadError(m.viewer_pdfjs_failed({ detail: (error as Error).message }));
	}
}
