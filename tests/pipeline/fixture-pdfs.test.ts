/**
 * The generated fixture PDFs, read by the pipeline's own pdf.js extraction: a long multi-page
 * PDF, a Chinese PDF whose font is not embedded (predefined CMap UniGB-UCS2-H), a Chinese PDF
 * with an embedded font printed by Chromium, and a damaged PDF that must be refused.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_BROWSER_TIMEOUT } from '../fixtures/browser';
import { extractPdfPages } from '../../src/pipeline/extract';
import {
	CHINESE_CMAP_TEXT,
	CHINESE_EMBEDDED_TEXT,
	makeChinesePdfEmbedded,
	makeChinesePdfWithCMap,
	makeDamagedPdf,
	makeMultiPagePdf,
	PAGE_WORDS
} from '../fixtures/pdfs';

const latin1 = (data: Uint8Array) => Buffer.from(data).toString('latin1');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('fixture PDFs', () => {
	it('a multi-page PDF: one text per page, each page its own words, byte-identical twice', async () => {
		const pdf = await makeMultiPagePdf(12);
		const pages = await extractPdfPages(pdf);
		expect(pages).toHaveLength(12);
		expect(pages[6]).toContain(PAGE_WORDS(7));
		expect(pages[6]).toContain('word7alpha');
		expect(pages[6]).not.toContain('word8alpha');
		expect(pages[16 % 12]).not.toContain('word7alpha');
		expect(pages[7]).toContain('word8omega');
		expect(Buffer.from(await makeMultiPagePdf(12)).equals(Buffer.from(pdf))).toBe(true);
		const a4 = await extractPdfPages(await makeMultiPagePdf(2, { size: [595.28, 841.89] }));
		expect(a4).toHaveLength(2);
		expect(a4[1]).toContain('word2omega');
	});

	it('a Chinese PDF with an unembedded font and the predefined CMap UniGB-UCS2-H', async () => {
		const pdf = await makeChinesePdfWithCMap();
		const bytes = latin1(pdf);
		expect(bytes).toContain('/UniGB-UCS2-H');
		expect(bytes).toContain('/STSong-Light');
		expect(bytes).toContain('/CIDFontType0');
		expect(bytes).not.toContain('/FontFile');
		const pages = await extractPdfPages(pdf);
		expect(pages).toHaveLength(1);
		const text = squeeze(pages[0]!);
		for (const word of ['王炳章', '中国之春', '审判']) expect(text).toContain(word);
		expect(text).toBe(squeeze(`CMap fixture ${CHINESE_CMAP_TEXT}`));
		expect(Buffer.from(await makeChinesePdfWithCMap()).equals(Buffer.from(pdf))).toBe(true);
	});

	it('a Chinese PDF with an embedded font, printed by Chromium', { timeout: FIXTURE_BROWSER_TIMEOUT }, async () => {
		const pdf = await makeChinesePdfEmbedded();
		const bytes = latin1(pdf);
		expect(bytes).toMatch(/\/FontFile[23]? /);
		expect(bytes).not.toContain('/Type3');
		expect(bytes).toContain('/CreationDate (D:20200101000000Z)');
		const pages = await extractPdfPages(pdf);
		expect(pages).toHaveLength(1);
		const text = squeeze(pages[0]!);
		expect(text).toContain('最高人民法院');
		expect(text).toContain('王炳章');
		expect(text).toBe(squeeze(CHINESE_EMBEDDED_TEXT));
	});

	it('a damaged PDF is refused', async () => {
		const damaged = makeDamagedPdf();
		expect(latin1(damaged.subarray(0, 8))).toBe('%PDF-1.7');
		await expect(extractPdfPages(damaged)).rejects.toThrow();
		expect(Buffer.from(makeDamagedPdf()).equals(Buffer.from(damaged))).toBe(true);
	});
});
