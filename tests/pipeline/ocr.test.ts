/**
 * Scanned pages: the OCR language table and the reading of Tesseract's TSV (pure), then a
 * generated scan through the archive: refused by the check while it has no machine-read text,
 * read by archive:ocr, and its words then searched, quoted and marked as machine-read.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { addToArchive } from '../../src/pipeline/add';
import { joinPageTsv, meanConfidence, OcrRefusal, pageText, parseTsv, tesseractLanguages } from '../../src/pipeline/ocr';
import { ocrInArchive } from '../../src/pipeline/ocr-folder';
import { linesText } from '../../src/lib/content/ocr-text';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';
import { sha256, TMP_ROOT, validArchive, writeArchive } from '../fixtures/archive-builder';
import { FIXTURE_BROWSER_TIMEOUT } from '../fixtures/browser';
import { makeScannedPdfs, SCAN_PAGES } from '../fixtures/scans';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (page: number, line: number, word: number, conf: number, text: string) => `5\t${page}\t1\t1\t${line}\t${word}\t${word * 100}\t${line * 100}\t90\t40\t${conf}\t${text}`;

describe('the OCR language table', () => {
	it('maps the record’s languages to Tesseract’s packs', () => {
		expect(tesseractLanguages(['en'])).toEqual(['eng']);
		expect(tesseractLanguages(['zh-Hant'])).toEqual(['chi_tra']);
		expect(tesseractLanguages(['zh'])).toEqual(['chi_sim', 'chi_tra']);
		expect(tesseractLanguages(['th', 'fr'])).toEqual(['tha', 'fra']);
		// A Chinese model reads the page's English; chi_sim+eng would lose its Chinese lines.
		expect(tesseractLanguages(['en', 'zh-Hans'])).toEqual(['chi_sim']);
	});

	it('refuses und, an unknown language and none, each with the fix', () => {
		const refusal = (languages: string[]) => {
			try {
				tesseractLanguages(languages);
			} catch (error) {
				expect(error).toBeInstanceOf(OcrRefusal);
				return `${(error as OcrRefusal).field}: ${(error as OcrRefusal).message} (${(error as OcrRefusal).fix})`;
			}
			throw new Error('not refused');
		};
		expect(refusal(['und'])).toBe('languages: holds "und", which the OCR cannot read (name the language of the text (en, zh-Hans, zh-Hant, zh, th, fr); OCR cannot read a text of unknown language)');
		expect(refusal(['de'])).toMatch(/^languages: holds "de", which the OCR cannot read \(use a language OCR can read: en, zh-Hans/);
		expect(refusal([])).toMatch(/^languages: is empty/);
	});
});

describe("Tesseract's TSV", () => {
	const tsv = [HEADER, '1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t', row(1, 1, 1, 96, 'The'), row(1, 1, 2, 90, 'police'), row(1, 2, 1, 80, '泰国'), row(1, 2, 2, 70, '警方'), row(1, 2, 3, 60, 'say'), row(1, 2, 4, 50, '称')].join('\n');

	it('gives the words with their boxes, and a page text that writes Chinese without spaces', () => {
		const words = parseTsv(tsv);
		expect(words.map((w) => w.text)).toEqual(['The', 'police', '泰国', '警方', 'say', '称']);
		expect(words[0]).toMatchObject({ page: 1, confidence: 96, left: 100, top: 100, width: 90, height: 40 });
		expect(pageText(words)).toBe('The police\n泰国警方 say 称');
		expect(meanConfidence(words)).toBe(74.3);
		expect(meanConfidence([])).toBeNull();
	});

	it('joins the pages of a document into one file, each row with its page number', () => {
		const joined = joinPageTsv(new Map([[2, `${HEADER}\n${row(1, 1, 1, 90, 'two')}\n`], [1, `${HEADER}\n${row(1, 1, 1, 90, 'one')}\n`]]));
		expect(parseTsv(joined).map((w) => [w.page, w.text])).toEqual([[1, 'one'], [2, 'two']]);
		expect(() => parseTsv('not\ta tsv')).toThrow(/header/);
	});
});

describe('a scanned PDF in the archive', () => {
	/** The scans these tests add, drawn by one start of Chromium. */
	const scans: Record<'englishAndSimplified' | 'english' | 'traditional', Uint8Array> = { englishAndSimplified: new Uint8Array(), english: new Uint8Array(), traditional: new Uint8Array() };
	beforeAll(async () => {
		const [englishAndSimplified, english, traditional] = await makeScannedPdfs([[SCAN_PAGES.english, SCAN_PAGES.simplified], [SCAN_PAGES.english], [SCAN_PAGES.traditional]]);
		Object.assign(scans, { englishAndSimplified, english, traditional });
	}, FIXTURE_BROWSER_TIMEOUT);

	it('is named by the check until it is read; archive:ocr reads it, and its quotes and words are marked machine-read', { timeout: 60_000 }, async () => {
		const archive = await validArchive();
		const scan = scans.englishAndSimplified;
		archive.documents.push({
			meta: { id: 'thai-scan', title: 'A scanned statement', kind: 'police-statement', primary: true, date: '2005', issuer: 'Fixture generator', languages: ['zh-Hans'], rights: 'Test fixture', status: 'original', description: 'A generated scan.' },
			files: [{ name: 'scan.pdf', content: scan, mediaType: 'application/pdf', role: 'original' }]
		});
		const dir = writeArchive('ocr-scan', archive);
		const before = await runPipeline({ archiveDir: dir });
		expect(before.problems.map((p) => formatProblem(p, dir))).toEqual([
			'documents/thai-scan/scan.pdf: (file): pages 1, 2 are scans (a full-page image with next to no text of its own), and the archive holds no machine-read text for them: search, find and quote checks would not reach them (read it with OCR: npm run archive:ocr -- thai-scan)'
		]);

		const read = await ocrInArchive('thai-scan', dir);
		expect(read.errors).toEqual([]);
		expect(read.notes[0]).toMatch(/^Read pages 1, 2 of thai-scan with tesseract \d+\.\d+\.\d+ \(chi_sim, 300 dpi\), mean confidence [\d.]+: /);
		const meta = readFileSync(join(dir, 'documents', 'thai-scan', 'meta.yaml'), 'utf8');
		const tsv = readFileSync(join(dir, 'documents', 'thai-scan', 'scan.ocr.tsv'));
		expect(meta).toContain(`sha256: ${sha256(tsv)}`);
		expect(meta).toMatch(/role: ocr\n\s+derivedFrom: scan.pdf\n\s+tool: tesseract/);

		// A person has checked page 1 against the scan; a check of a page OCR did not read is refused.
		const metaPath = join(dir, 'documents', 'thai-scan', 'meta.yaml');
		const recorded = readFileSync(metaPath, 'utf8');
		writeFileSync(metaPath, recorded.replace(/(\n\s+meanConfidence: [\d.]+)/, '$1\n    checked:\n      - pages: [3]\n        by: A reviewer\n        date: 2026-12-01'));
		expect((await runPipeline({ archiveDir: dir })).problems.map((p) => formatProblem(p, dir))).toEqual(['documents/thai-scan/meta.yaml: files.scan.ocr.tsv.checked: names page 3 as checked, but OCR read no such page (name only pages OCR read (they are listed on the document page))']);
		writeFileSync(metaPath, recorded.replace(/(\n\s+meanConfidence: [\d.]+)/, '$1\n    checked:\n      - pages: [1]\n        by: A reviewer\n        date: 2026-12-01'));
		// An event quotes the machine-read words of page 1.
		writeFileSync(join(dir, 'events', 'thai-statement.yaml'), stringify({ id: 'thai-statement', title: 'The police state it', start: '2005', category: 'legal', summary: 'A generated event.', sources: [{ document: 'thai-scan', page: 1, quote: 'the embassy was never the target' }] }));
		const after = await runPipeline({ archiveDir: dir });
		expect(after.problems).toEqual([]);
		const doc = after.manifest!.documents.find((d) => d.id === 'thai-scan')!;
		expect(doc.machineRead).toMatchObject({ pages: [1, 2], tool: expect.stringMatching(/^tesseract /) });
		const english = SCAN_PAGES.english.join(' ').split(/\s+/);
		const found = doc.pages![0]!.split(/\s+/);
		expect(english.filter((w) => found.includes(w)).length / english.length).toBeGreaterThanOrEqual(0.9);
		const chinese = [...SCAN_PAGES.simplified.join('')];
		const page2 = doc.pages![1]!;
		expect(chinese.filter((c) => page2.includes(c)).length / chinese.length).toBeGreaterThanOrEqual(0.8);
		// The reader lays the same words over the scan: their lines give the page's text, their boxes lie on the page.
		const boxes = doc.machineRead!.boxes[1]!;
		expect(linesText(boxes.map((line) => line.map((w) => w[0])))).toBe(doc.pages![0]);
		expect(boxes.flat().every(([, x, y, w, h]) => x >= 0 && y >= 0 && w > 0 && h > 0 && x + w <= 1 && y + h <= 1)).toBe(true);
		const event = after.manifest!.events.find((e) => e.id === 'thai-statement')!;
		expect(event.sources[0]).toMatchObject({ page: 1, machineRead: true, checkedBy: { by: 'A reviewer', date: '2026-12-01' } });
		expect(doc.machineRead!.checked).toEqual({ 1: { by: 'A reviewer', date: '2026-12-01' } });
	});

	it('an OCR file that is not Tesseract’s TSV is named, with the fix, and its pages count as unread', { timeout: 60_000 }, async () => {
		const archive = await validArchive();
		archive.documents.push({
			meta: { id: 'bad-ocr', title: 'A scan with a broken OCR file', kind: 'police-statement', primary: true, date: '2005', issuer: 'Fixture generator', languages: ['en'], rights: 'Test fixture', status: 'original', description: 'A generated scan.' },
			files: [
				{ name: 'scan.pdf', content: scans.english, mediaType: 'application/pdf', role: 'original' },
				{ name: 'scan.ocr.tsv', content: 'these are not\tthe words\n', mediaType: 'text/tab-separated-values', role: 'ocr' }
			]
		});
		const dir = writeArchive('ocr-bad-tsv', archive);
		const meta = join(dir, 'documents', 'bad-ocr', 'meta.yaml');
		writeFileSync(meta, readFileSync(meta, 'utf8').replace('role: ocr', 'role: ocr\n    derivedFrom: scan.pdf\n    tool: tesseract 5.3.0 (eng, 300 dpi)'));
		const { problems } = await runPipeline({ archiveDir: dir });
		expect(problems.map((p) => formatProblem(p, dir))).toEqual([
			"documents/bad-ocr/scan.ocr.tsv: (file): cannot be read as Tesseract's TSV (not Tesseract TSV: its header lacks level, conf or text) (write it again: npm run archive:ocr -- bad-ocr)",
			'documents/bad-ocr/scan.pdf: (file): page 1 is a scan (a full-page image with next to no text of its own), and the archive holds no machine-read text for it: search, find and quote checks would not reach it (read it with OCR: npm run archive:ocr -- bad-ocr)'
		]);
	});

	it('archive:ocr on an unknown id, or on a document whose language OCR cannot read, changes nothing and says why', { timeout: 60_000 }, async () => {
		const archive = await validArchive();
		archive.documents.push({
			meta: { id: 'und-scan', title: 'A scan of unknown language', kind: 'police-statement', primary: true, date: '2005', issuer: 'Fixture generator', languages: ['und'], rights: 'Test fixture', status: 'original', description: 'A generated scan.' },
			files: [{ name: 'scan.pdf', content: scans.english, mediaType: 'application/pdf', role: 'original' }]
		});
		const dir = writeArchive('ocr-refused', archive);
		const metaBefore = readFileSync(join(dir, 'documents', 'und-scan', 'meta.yaml'), 'utf8');
		const refused = await ocrInArchive('und-scan', dir);
		expect(refused.ok).toBe(false);
		expect(refused.errors[0]!.endsWith('documents/und-scan/meta.yaml: languages: holds "und", which the OCR cannot read (name the language of the text (en, zh-Hans, zh-Hant, zh, th, fr); OCR cannot read a text of unknown language)')).toBe(true);
		expect(refused.errors[1]).toBe('Nothing was changed.');
		expect(readFileSync(join(dir, 'documents', 'und-scan', 'meta.yaml'), 'utf8')).toBe(metaBefore);
		expect((await ocrInArchive('no-such-document', dir)).errors[0]).toMatch(/no document "no-such-document" in the archive/);
	});

	it('a language pack that is not installed is refused with the Debian package that brings it, and nothing is added', { timeout: 60_000 }, async () => {
		const dir = writeArchive('ocr-no-pack', await validArchive());
		const file = join(TMP_ROOT, 'ocr-no-pack-scan.pdf');
		writeFileSync(file, scans.traditional);
		// Tesseract reads its packs from TESSDATA_PREFIX: an empty folder holds none.
		const empty = join(TMP_ROOT, 'ocr-no-tessdata');
		mkdirSync(empty, { recursive: true });
		const saved = process.env.TESSDATA_PREFIX;
		process.env.TESSDATA_PREFIX = empty;
		try {
			const outcome = await addToArchive({ files: [file], id: 'tw-scan', title: 'A Taiwan scan', date: '2013', kind: 'police-statement', language: 'zh-Hant' }, dir);
			expect(outcome.added).toBe(false);
			expect(outcome.errors[0]).toMatch(/ocr-no-pack-scan\.pdf: --language: needs Tesseract's language pack chi_tra, not installed \(install tesseract-ocr-chi-tra \(sudo apt-get install …\), then run the command again\)$/);
			expect(outcome.errors[1]).toBe('Nothing was added.');
		} finally {
			if (saved === undefined) delete process.env.TESSDATA_PREFIX;
			else process.env.TESSDATA_PREFIX = saved;
		}
		expect(existsSync(join(dir, 'documents', 'tw-scan'))).toBe(false);
		expect(existsSync(join(dir, '.staging'))).toBe(false);
	});
});
