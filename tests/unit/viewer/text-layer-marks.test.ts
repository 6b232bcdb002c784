// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findPattern, matchPlaces } from '../../../src/lib/viewer/find';
import { clearMarks, markTextLayer } from '../../../src/lib/viewer/text-layer-marks';

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
