/**
 * The document page's one inline script, in its head: it starts pdf.js's worker and library as
 * soon as the head is parsed, instead of when SvelteKit's client starts, which is only after the
 * whole page (every page's words) is parsed. pdf-loader.ts takes over what it started. The
 * addresses come from the <link data-pdf-boot> just before it (PdfViewer.svelte), so the script is
 * the same on every page and the strict CSP allows it by its hash (svelte.config.js computes it
 * from this very string). Plain JavaScript, for svelte.config.js to import; without "&" or "<",
 * which Svelte would escape in the element's text (tests/unit/viewer/pdf-boot.test.ts).
 */
export const PDF_BOOT_SCRIPT = `(() => {
	const link = document.querySelector('link[data-pdf-boot]');
	if (!link || window.__pdfBoot) return;
	performance.mark('pdf:library-start');
	const library = import(link.dataset.library);
	library.catch(() => {});
	window.__pdfBoot = { worker: new Worker(link.dataset.worker, { type: 'module' }), library };
})();`;
