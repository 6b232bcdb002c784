// pdf.js's own viewer component, as pdf.js's "simpleviewer" example sets it up: the benchmark's
// reference. Opens ?file=<url> (?width=<CSS px> sets the scale); #page=<n> is handed to PDFLinkService.setHash on pagesinit, as
// pdf.js's app does with its initial bookmark. Marks the same steps as ours (pdf:*).
performance.mark('pdf:library-start');
const worker = new Worker(new URL('./pdf.worker.min.mjs', import.meta.url), { type: 'module' });
const pdfjsLib = await import('./pdf.min.mjs');
globalThis.pdfjsLib = pdfjsLib;
const { EventBus, PDFLinkService, PDFViewer } = await import('./pdf_viewer.mjs');
pdfjsLib.GlobalWorkerOptions.workerPort = worker;
performance.mark('pdf:library-ready');

const container = document.getElementById('viewerContainer');
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const pdfViewer = new PDFViewer({ container, eventBus, linkService, textLayerMode: 1 });
linkService.setViewer(pdfViewer);
window.__reference = { pdfViewer, eventBus, linkService };

const hash = location.hash.slice(1);
const params = new URLSearchParams(location.search);
eventBus.on('pagesinit', () => {
	// ?width=<CSS px>: page 1 drawn that wide (the benchmark passes ours, so that both draw as many pixels); otherwise pdf.js's page-width.
	const width = Number(params.get('width'));
	if (width > 0) pdfViewer.currentScale = (width / pdfViewer.getPageView(0).viewport.width) * pdfViewer.currentScale;
	else pdfViewer.currentScaleValue = 'page-width';
	if (hash) linkService.setHash(hash);
	performance.mark('pdf:pagesinit');
});
// pdf.js's signal that a page's canvas is drawn (not when its drawing was cancelled or failed).
eventBus.on('pagerendered', ({ pageNumber, error }) => {
	if (!error && performance.getEntriesByName(`pdf:painted-${pageNumber}`).length === 0) performance.mark(`pdf:painted-${pageNumber}`);
});

const base = new URL('./', import.meta.url).href;
const pdf = await pdfjsLib.getDocument({
	url: params.get('file'),
	cMapUrl: `${base}cmaps/`,
	cMapPacked: true,
	standardFontDataUrl: `${base}standard_fonts/`,
	wasmUrl: `${base}wasm/`,
	iccUrl: `${base}iccs/`,
	isEvalSupported: false,
	enableXfa: false,
	verbosity: pdfjsLib.VerbosityLevel.ERRORS
}).promise;
performance.mark('pdf:open');
pdfViewer.setDocument(pdf);
linkService.setDocument(pdf, null);
