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
	/** The PDF's absolute address. */
	url: string;
	worker: Worker;
	library: Promise<Pdfjs>;
	/** The PDF opened, or null when its download failed. */
	opened: Promise<PDFDocumentProxy | null>;
}

/** Taken apart once: the worker and library by the first loadPdfjs, the opened PDF by openPdf for that PDF. */
let boot: Partial<Boot> | undefined = typeof window === 'undefined' ? undefined : (window as { __pdfBoot?: Boot }).__pdfBoot;

/**
 * pdf.js and its worker, started together: the worker (about 1.2 MB) is fetched and compiled
 * while the library loads, instead of after it. On a prerendered document page the head script
 * has started both already. Timings are marked for `npm run bench:viewer`.
 */
export function loadPdfjs(): Promise<Pdfjs> {
	library ??= (() => {
		const started = boot?.library && boot.worker ? { library: boot.library, worker: boot.worker } : null;
		if (boot) boot = { ...boot, library: undefined, worker: undefined };
		if (!started) performance.mark('pdf:library-start');
		const worker = started?.worker ?? new Worker(workerUrl, { type: 'module' });
		return (started?.library ?? (import(/* @vite-ignore */ libraryUrl) as Promise<Pdfjs>)).then(
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

/**
 * pdf.js's options for every PDF: the site's character maps, fonts, decoders and colour
 * profiles; scripts in the PDF never run (pdf.js is told not to evaluate code). Plain data, so
 * that the page's head script can open the first PDF with the same options (pdf-boot.js).
 */
export function documentOptions() {
	return {
		cMapUrl: asset(CMAPS_PATH),
		cMapPacked: true,
		standardFontDataUrl: asset(STANDARD_FONTS_PATH),
		wasmUrl: asset(WASM_PATH),
		iccUrl: asset(ICC_PATH),
		isEvalSupported: false,
		enableXfa: false,
		// pdf.js's warnings (a missing system font, a repaired cross-reference table) are for its developers; failures still throw.
		verbosity: VERBOSITY_ERRORS,
		stopAtErrors: true
	};
}

/** pdf.js's VerbosityLevel.ERRORS, as a number: the options are written before pdf.js is loaded. */
export const VERBOSITY_ERRORS = 0;

/** A failure of pdf.js to open a PDF, in words for a reader. */
function openFailure(error: Error): PdfLoadError {
	if (error.name === 'InvalidPDFException') return new PdfLoadError(m.viewer_not_pdf());
	if (error.name === 'PasswordException') return new PdfLoadError(m.viewer_password());
	return new PdfLoadError(m.viewer_pdfjs_failed({ detail: error.message }));
}

/** The head script's opening of the PDF at `url`, taken once; none for another PDF. */
function takeOpened(url: string): Promise<PDFDocumentProxy | null> | undefined {
	const opened = boot?.opened;
	if (!opened || boot?.url !== new URL(url, location.href).href) return undefined;
	boot = { ...boot, opened: undefined };
	return opened;
}

/** Fetches and opens the PDF at `url` (or takes it from the head script, which has started to). */
export async function openPdf(url: string): Promise<OpenedPdf> {
	const early = takeOpened(url);
	if (early) {
		const [pdfjs, pdf] = await Promise.all([loadPdfjs(), early.catch((error: Error) => Promise.reject(openFailure(error)))]);
		if (pdf) return { pdfjs, pdf };
	}
	const [pdfjs, data] = await Promise.all([loadPdfjs(), fetchBytes(url).finally(() => performance.mark('pdf:bytes'))]);
	await closing;
	try {
		const pdf = await pdfjs.getDocument({ ...documentOptions(), data }).promise;
		performance.mark('pdf:open');
		return { pdfjs, pdf };
	} catch (error) {
		throw openFailure(error as Error);
	}
}
