import { describe, expect, it } from 'vitest';
import { PDF_BOOT_SCRIPT } from '../../../src/lib/viewer/pdf-boot.js';

/** Runs the head script against a stand-in page whose head holds `link` (or none). */
function runBoot(link: { dataset: Record<string, string> } | null) {
	const window: { __pdfBoot?: { worker: { url: string; options: object }; library: Promise<unknown> } } = {};
	const marks: string[] = [];
	const document = { querySelector: (selector: string) => (selector === 'link[data-pdf-boot]' ? link : null) };
	const performance = { mark: (name: string) => marks.push(name) };
	class Worker {
		constructor(
			readonly url: string,
			readonly options: object
		) {}
	}
	new Function('window', 'document', 'performance', 'Worker', PDF_BOOT_SCRIPT)(window, document, performance, Worker);
	return { boot: window.__pdfBoot, marks };
}

describe('the document page’s head script', () => {
	it('starts pdf.js’s worker from the addresses of the link before it, and keeps it for the loader', () => {
		const { boot, marks } = runBoot({ dataset: { library: '/nowhere/pdf.min.mjs', worker: '/nowhere/pdf.worker.min.mjs' } });
		expect(boot?.worker).toEqual({ url: '/nowhere/pdf.worker.min.mjs', options: { type: 'module' } });
		expect(boot?.library).toBeInstanceOf(Promise);
		expect(marks).toEqual(['pdf:library-start']);
	});

	it('does nothing on a page without the link', () => {
		expect(runBoot(null)).toEqual({ boot: undefined, marks: [] });
	});

	it('has no "&" or "<", which Svelte would escape in the <script> element’s text', () => {
		expect(PDF_BOOT_SCRIPT).not.toMatch(/[&<]/);
	});
});
