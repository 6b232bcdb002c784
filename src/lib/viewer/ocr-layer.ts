/**
 * The words OCR read, laid over a scanned page as pdf.js lays a PDF's own text over its canvas:
 * transparent, each word in its box, so that it can be selected, found and marked on the image.
 * The layer's text (words joined by wordGap, lines by <br>) is the page's text as the build
 * extracted it, so find counts in the one what it marks in the other (text-layer-marks.ts).
 */
import { wordGap, type OcrBox } from '$lib/content/ocr-text';

/** Fills `layer` (a .textLayer box the size of the page) with the page's words. */
export function buildOcrLayer(layer: HTMLElement, lines: readonly (readonly OcrBox[])[]): void {
	layer.replaceChildren();
	layer.classList.add('ocrLayer');
	const height = layer.clientHeight;
	lines.forEach((line, l) => {
		if (l > 0) layer.append(document.createElement('br'));
		line.forEach(([text, x, y, w, h], i) => {
			const gap = i > 0 ? wordGap(line[i - 1]![0], text) : '';
			if (gap) layer.append(document.createTextNode(gap));
			const span = document.createElement('span');
			span.textContent = text;
			Object.assign(span.style, { left: `${x * 100}%`, top: `${y * 100}%`, width: `${w * 100}%`, height: `${h * 100}%`, fontSize: `${Math.max(1, h * height)}px` });
			layer.append(span);
		});
	});
}
