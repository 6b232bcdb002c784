/**
 * Marking matches in a PDF page's text layer. pdf.js draws one transparent span per piece of
 * text (and a <br> at each line end), in the same order and with the same strings as the text
 * the build extracted, so a match found in the extracted text is found here too, even when it
 * runs across pieces. Marks wrap text inside pdf.js's spans, as pdf.js's own viewer does.
 */
import { matchesIn } from './find';

/** Removes earlier marks, putting the text back as it was. */
export function clearMarks(layer: HTMLElement): void {
	for (const mark of layer.querySelectorAll('mark')) {
		const parent = mark.parentNode!;
		parent.replaceChild(document.createTextNode(mark.textContent ?? ''), mark);
		parent.normalize();
	}
}

/**
 * Marks every match of `pattern` in the layer; each piece of the k-th match (counting from 0 on
 * this page) carries data-match="k". Returns how many matches were marked.
 */
export function markTextLayer(layer: HTMLElement, pattern: RegExp | null): number {
	clearMarks(layer);
	if (!pattern) return 0;
	const pieces: { node: Text; start: number }[] = [];
	let text = '';
	const walker = document.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		if (node.nodeType === Node.TEXT_NODE) {
			pieces.push({ node: node as Text, start: text.length });
			text += (node as Text).data;
		} else if ((node as Element).tagName === 'BR') {
			text += '\n';
		}
	}
	const matches = matchesIn(text, pattern);
	// Wrap from the end, so that splitting a text node never moves a piece still to be wrapped.
	for (let k = matches.length - 1; k >= 0; k--) {
		const [from, to] = matches[k]!;
		for (let p = pieces.length - 1; p >= 0; p--) {
			const { node, start } = pieces[p]!;
			const end = start + node.data.length;
			if (end <= from || start >= to) continue;
			const range = document.createRange();
			range.setStart(node, Math.max(from, start) - start);
			range.setEnd(node, Math.min(to, end) - start);
			const mark = document.createElement('mark');
			mark.dataset.match = String(k);
			range.surroundContents(mark);
		}
	}
	return matches.length;
}
