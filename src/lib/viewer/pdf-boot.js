/**
 * The document page's one inline script, in its head. It starts pdf.js's worker and library, and
 * fetches and opens the PDF, as soon as the head is parsed, instead of when SvelteKit's client has
 * started and hydrated the page, which is only after the whole page (every page's words) is parsed
 * and most of a first page's wait. pdf-loader.ts takes over what it started (a failed download
 * opens nothing here: the loader then fetches again, and says why it failed). Addresses and
 * pdf.js's options come from the <link data-pdf-boot> before it (PdfViewer.svelte), so the script
 * is the same on every page and the strict CSP allows it by its hash (svelte.config.js computes
 * it from this very string). Plain JavaScript, for svelte.config.js to import; without "&" or "<",
 * which Svelte would escape in the element's text (tests/unit/viewer/pdf-boot.test.ts).
 */
export const PDF_BOOT_SCRIPT = `(() => {
	const link = document.querySelector('link[data-pdf-boot]');
	if (!link || window.__pdfBoot) return;
	performance.mark('pdf:library-start');
	const worker = new Worker(link.dataset.worker, { type: 'module' });
	const library = import(link.dataset.library);
	const bytes = fetch(link.href).then((response) => (response.ok ? response.arrayBuffer() : null)).then((data) => (performance.mark('pdf:bytes'), data), () => null);
	const opened = Promise.all([library, bytes]).then(([pdfjs, data]) => {
		if (!data) return null;
		pdfjs.GlobalWorkerOptions.workerPort = worker;
		return pdfjs.getDocument({ ...JSON.parse(link.dataset.options), data: new Uint8Array(data) }).promise.then((pdf) => (performance.mark('pdf:open'), pdf));
	});
	library.catch(() => {});
	opened.catch(() => {});
	window.__pdfBoot = { url: link.href, worker, library, opened };
})();`;
