/**
 * How machine-read words become a page's text, shared by the pipeline (which indexes and checks
 * that text) and the reader (which lays the same words over the scan, so that what find counts
 * in the text is what it marks on the image).
 */

/** A word OCR read: its text and its box, as fractions of the page's width and height. */
export type OcrBox = [text: string, x: number, y: number, width: number, height: number];

const HAN_END = /\p{Script=Han}$/u;
const HAN_START = /^\p{Script=Han}/u;

/** What goes between two words of a line: nothing between Chinese characters (Tesseract gives each as a word of its own; Chinese writes them without spaces), else a space. */
export const wordGap = (before: string, after: string): string => (HAN_END.test(before) && HAN_START.test(after) ? '' : ' ');

/** A page's text from its lines of words: words joined by wordGap, one line of text per line read. */
export function linesText(lines: readonly (readonly string[])[]): string {
	return lines.map((words) => words.reduce((line, word, i) => (i === 0 ? word : line + wordGap(words[i - 1]!, word) + word), '')).join('\n');
}
