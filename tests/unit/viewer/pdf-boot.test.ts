import { describe, expect, it } from 'vitest';
import { PDF_BOOT_SCRIPT } from '../../../src/lib/viewer/pdf-boot.js';

/** A stand-in pdf.js: getDocument gives back what it was asked to open, and on which worker. */
const fakePdfjs = () => {
	const GlobalWorkerOptions: { workerPort?: unknown } = {};
	return { GlobalWorkerOptions, getDocument: (options: object) => ({ promise: Promise.resolve({ options, port: GlobalWorkerOptions.workerPort }) }) };
};
const LIBRARY = '/a/pdf.min.mjs';

interface Boot {
	url: string;
	worker: { url: string; options: object };
	library: Promise<unknown>;
	opened: Promise<{ options: { data: Uint8Array; cMapUrl: string }; port: unknown } | null>;
}

/** Runs the head script against a stand-in page whose head holds `link` (or none), the PDF answering `status`. */
function runBoot(link: { href: string; dataset: Record<string, string> } | null, status = 200) {
	const window: { __pdfBoot?: Boot } = {};
	const marks: string[] = [];
	const document = { querySelector: (selector: string) => (selector === 'link[data-pdf-boot]' ? link : null) };
	const performance = { mark: (name: string) => marks.push(name) };
	const fetch = async () => ({ ok: status === 200, arrayBuffer: async () => new Uint8Array([37, 80, 68, 70]).buffer });
	class Worker {
		constructor(
			readonly url: string,
			readonly options: object
		) {}
	}
	// import() is the language's, not a function to pass in: the script's one call goes to a stand-in for it.
	const script = PDF_BOOT_SCRIPT.replace('import(', 'importModule(');
	expect(script.match(/importModule\(|import\(/g)).toEqual(['importModule(']);
	const importModule = async (url: string) => {
		if (url !== LIBRARY) throw new Error(`no module at ${url}`);
		return fakePdfjs();
	};
	new Function('window', 'document', 'performance', 'Worker', 'fetch', 'importModule', script)(window, document, performance, Worker, fetch, importModule);
	return { boot: window.__pdfBoot, marks };
}

const link = (library: string) => ({ href: 'http://site.test/files/a/a.pdf', dataset: { library, worker: '/w/pdf.worker.min.mjs', options: JSON.stringify({ cMapUrl: '/pdfjs/cmaps/' }) } });

describe('the document page’s head script', () => {
	it('starts pdf.js’s worker and opens the PDF with the options of the link before it, on that worker', async () => {
		const { boot, marks } = runBoot(link(LIBRARY));
		expect(boot?.url).toBe('http://site.test/files/a/a.pdf');
		expect(boot?.worker).toEqual({ url: '/w/pdf.worker.min.mjs', options: { type: 'module' } });
		const opened = await boot!.opened;
		expect(opened?.options.cMapUrl).toBe('/pdfjs/cmaps/');
		expect([...opened!.options.data]).toEqual([37, 80, 68, 70]);
		expect(opened?.port).toBe(boot!.worker);
		expect(marks).toEqual(['pdf:library-start', 'pdf:bytes', 'pdf:open']);
	});

	it('opens nothing when the PDF does not come, for the loader to fetch it again and say why', async () => {
		const { boot } = runBoot(link(LIBRARY), 404);
		expect(await boot!.opened).toBeNull();
	});

	it('keeps a failed library for the loader to report', async () => {
		const { boot } = runBoot(link('/missing/pdf.min.mjs'));
		await expect(boot!.library).rejects.toThrow('no module at /missing/pdf.min.mjs');
		await expect(boot!.opened).rejects.toThrow('no module at /missing/pdf.min.mjs');
	});

	it('does nothing on a page without the link', () => {
		expect(runBoot(null)).toEqual({ boot: undefined, marks: [] });
	});

	it('has no "&" or "<", which Svelte would escape in the <script> element’s text', () => {
		expect(PDF_BOOT_SCRIPT).not.toMatch(/[&<]/);
	});
});

describe('pdf.js’s options, written before pdf.js is loaded', () => {
	it('name its VerbosityLevel.ERRORS by its number', async () => {
		const { VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
		const { VERBOSITY_ERRORS } = await import('../../../src/lib/viewer/pdf-loader');
		expect(VERBOSITY_ERRORS).toBe(VerbosityLevel.ERRORS);
	});
});
