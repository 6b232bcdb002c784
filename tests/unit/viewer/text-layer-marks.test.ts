// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findPattern, matchPlaces } from '../../../src/lib/viewer/find';
import { clearMarks, markTextLayer } from '../../../src/lib/viewer/text-layer-marks';
import { buildOcrLayer } from '../../../src/lib/viewer/ocr-layer';
import { linesText, type OcrBox } from '../../../src/lib/content/ocr-text';

/** A text layer as pdf.js lays one: a span per piece of text, <br> at line ends. */
function layer(pieces: (string | null)[]): HTMLElement {
	const div = document.createElement('div');
	for (const piece of pieces) {
		if (piece === null) div.append(document.createElement('br'));
		else {
			const span = document.createElement('span');
			span.textContent = piece;
			div.append(span);
		}
	}
	return div;
}

const marked = (div: HTMLElement) => [...div.querySelectorAll('mark')].map((m) => [m.dataset.match, m.textContent]);

describe('markTextLayer', () => {
	it('marks a match that runs across pieces, each piece with the match’s number', () => {
		const div = layer(['Page 7 says word7al', 'pha and ', 'word7omega.']);
		expect(markTextLayer(div, findPattern(['word7alpha and word7omega'], { looseSpaces: true }))).toBe(1);
		expect(marked(div)).toEqual([
			['0', 'word7al'],
			['0', 'pha and '],
			['0', 'word7omega']
		]);
		expect(div.textContent).toBe('Page 7 says word7alpha and word7omega.');
	});

	it('numbers several matches in one piece in reading order, and agrees with the count from the extracted text', () => {
		const pieces = ['the fixture, the page', null, 'and the end'];
		const div = layer(pieces);
		const pattern = findPattern(['the'], { looseSpaces: true });
		expect(markTextLayer(div, pattern)).toBe(3);
		expect(marked(div)).toEqual([
			['0', 'the'],
			['1', 'the'],
			['2', 'the']
		]);
		// The build extracts the same pieces joined, with a line break for each <br>.
		expect(matchPlaces(['the fixture, the page\nand the end'], pattern)).toHaveLength(3);
	});

	it('does not match across a line end unless the words allow white space there', () => {
		const div = layer(['word', null, 'alpha']);
		expect(markTextLayer(div, findPattern(['wordalpha']))).toBe(0);
		expect(markTextLayer(div, findPattern(['word alpha']))).toBe(1);
	});

	it('clears its marks, leaving the text as it was', () => {
		const div = layer(['one two', 'three']);
		markTextLayer(div, findPattern(['two']));
		clearMarks(div);
		expect(div.querySelectorAll('mark')).toHaveLength(0);
		expect([...div.querySelectorAll('span')].map((s) => s.textContent)).toEqual(['one two', 'three']);
		expect(markTextLayer(div, null)).toBe(0);
	});
});

describe('the machine-read words over a scan', () => {
	const lines: OcrBox[][] = [
		[['The', 0.1, 0.1, 0.05, 0.02], ['embassy', 0.16, 0.1, 0.1, 0.02], ['was', 0.27, 0.1, 0.05, 0.02]],
		[['泰国', 0.1, 0.2, 0.06, 0.03], ['警方', 0.17, 0.2, 0.06, 0.03], ['称', 0.24, 0.2, 0.03, 0.03]]
	];

	it('holds the page’s text as the build extracted it, each word in its box', () => {
		const div = document.createElement('div');
		buildOcrLayer(div, lines);
		// What the build indexes and find counts (extract.ts: pageText) is what the layer holds.
		const text = [...div.childNodes].map((n) => (n.nodeName === 'BR' ? '\n' : n.textContent)).join('');
		expect(text).toBe(linesText(lines.map((l) => l.map((w) => w[0]))));
		expect(text).toBe('The embassy was\n泰国警方称');
		const span = div.querySelector('span')!;
		expect([span.style.left, span.style.top, span.style.width, span.style.height]).toEqual(['10%', '10%', '5%', '2%']);
		expect(div.classList.contains('ocrLayer')).toBe(true);
	});

	it('marks the words find counts in the page text, on their boxes', () => {
		const div = document.createElement('div');
		buildOcrLayer(div, lines);
		const pattern = findPattern(['embassy was']);
		expect(matchPlaces(['The embassy was\n泰国警方称'], pattern)).toHaveLength(1);
		expect(markTextLayer(div, pattern)).toBe(1);
		expect([...div.querySelectorAll('span > mark')].map((m) => m.textContent)).toEqual(['embassy', 'was']);
		expect(markTextLayer(div, findPattern(['国警']))).toBe(1);
		expect([...div.querySelectorAll('span > mark')].map((m) => m.textContent)).toEqual(['国', '警']);
	});
});
