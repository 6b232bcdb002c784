/**
 * `npm run bench:ocr`: seconds per page for OCR as archive:add runs it (pdf.js renders the page at
 * 300 dpi, Tesseract reads it), on generated scans of English and of Simplified Chinese text, and
 * how much of the known text came back. Rendering and reading are timed apart. Not a test.
 */
import { makeScannedPdf } from '../../tests/fixtures/scans';
import { meanConfidence, parseTsv, pageText, readImage, renderPdfPages, tesseractVersion } from '../../src/pipeline/ocr';
import { percentile } from './browser';

const PAGES = Number(process.env.BENCH_OCR_PAGES ?? 5);
const ENGLISH = ['The Royal Thai Police state that the embassy', 'was never the target of any attack, and that', 'no officer questioned him in the year 2001.', 'The statement is signed and stamped by the', 'police station in Bangkok, and dated 2005.'];
const CHINESE = ['泰国警方称大使馆从未遭到袭击', '王炳章博士在越南被绑架', '深圳市中级人民法院判处无期徒刑', '联合国任意拘留问题工作组认为', '对他的拘留属于任意拘留'];

async function run(label: string, lines: string[], packs: string[]) {
	const pdf = await makeScannedPdf(Array.from({ length: PAGES }, () => lines));
	const pages = Array.from({ length: PAGES }, (_, i) => i + 1);
	const renderStart = performance.now();
	const images = await renderPdfPages(pdf, pages);
	const renderMs = (performance.now() - renderStart) / PAGES;
	const readMs: number[] = [];
	let recovered = 0;
	let confidence = 0;
	const known = label === 'English' ? lines.join(' ').split(/\s+/) : [...lines.join('')];
	for (const n of pages) {
		const start = performance.now();
		const words = parseTsv(readImage(images.get(n)!, packs));
		readMs.push(performance.now() - start);
		const text = pageText(words);
		const found = label === 'English' ? text.split(/\s+/) : [...text];
		recovered += known.filter((k) => found.includes(k)).length / known.length;
		confidence += meanConfidence(words) ?? 0;
	}
	const s = (ms: number) => (ms / 1000).toFixed(2);
	console.log(`${label.padEnd(18)} render ${s(renderMs)} s/page · read p50 ${s(percentile(readMs, 50))} s/page, max ${s(Math.max(...readMs))} s · recovered ${((recovered / PAGES) * 100).toFixed(1)}% · mean confidence ${(confidence / PAGES).toFixed(1)}`);
}

console.log(`OCR with tesseract ${tesseractVersion()}, ${PAGES} generated A4 pages each, 300 dpi, 2 cores`);
await run('English', ENGLISH, ['eng']);
await run('Simplified Chinese', CHINESE, ['chi_sim']);
