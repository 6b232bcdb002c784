/**
 * Originals that come as images (a phone's photographs, a scanner's JPEG, PNG or multi-page
 * TIFF): the files are kept as they are; the site shows them through one derivative, a PDF of
 * their pages, each page turned upright (by its EXIF orientation, then by Tesseract's orientation
 * detection for a scan fed sideways), stripped of every metadata block (EXIF, GPS, XMP, ICC) and
 * placed at 300 dpi, so that the reader, the OCR and the text checks treat it as any scanned PDF.
 * One image tool does all of it, here and in the tests: sharp (libvips).
 * The same originals always give the same bytes: no dates, no random ids.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { OCR_DPI } from './ocr';

/** Pages are placed at the resolution OCR reads them at, so a page rendered for OCR is the image itself. */
export const PAGE_DPI = OCR_DPI;
/** Longer than this (in pixels), a page is scaled down: 14 inches at 300 dpi, more than any paper the case's documents are on. */
export const MAX_PAGE_SIDE = 4200;
/** The quality of the page images in the PDF (mozjpeg), enough for text at 300 dpi. */
const JPEG_QUALITY = 85;
/** Below this, Tesseract's orientation guess is not trusted and the page is left as it is. */
const OSD_MIN_CONFIDENCE = 2;

const require = createRequire(import.meta.url);
const PDF_LIB_VERSION = (require('pdf-lib/package.json') as { version: string }).version;

/** What the image tool and the PDF writer are, for a derivative's `tool`. */
export const imageTool = (turnedByOsd: boolean) => `sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), pdf-lib ${PDF_LIB_VERSION}: upright${turnedByOsd ? ' (EXIF orientation, then tesseract osd)' : ' (EXIF orientation)'}, metadata removed, JPEG q${JPEG_QUALITY}, ${PAGE_DPI} dpi`;

export type ImageHeader = { ok: true; pages: number; width: number; height: number; hasExif: boolean } | { ok: false; problem: string };

/** The image's header as the image tool reads it, or what is wrong with it. */
export async function imageHeader(bytes: Uint8Array): Promise<ImageHeader> {
	try {
		const meta = await sharp(bytes).metadata();
		if (!meta.width || !meta.height) return { ok: false, problem: 'it has no size' };
		return { ok: true, pages: meta.pages ?? 1, width: meta.width, height: meta.height, hasExif: meta.exif !== undefined };
	} catch (error) {
		return { ok: false, problem: (error as Error).message.split('\n')[0]! };
	}
}

/** One page as the site shows it: upright JPEG bytes without metadata, its size, where it came from. */
export interface PageImage {
	/** The original file's name, and the page within it (1-based; a TIFF may hold several). */
	from: string;
	page: number;
	jpeg: Uint8Array;
	width: number;
	height: number;
	/** Degrees Tesseract's orientation detection turned it by (0 when it did not). */
	turned: number;
}

export class ImageRefusal extends Error {
	constructor(
		readonly file: string,
		message: string,
		readonly fix: string
	) {
		super(message);
	}
}

/**
 * Degrees to turn a page clockwise so that its text is upright, by Tesseract's orientation and
 * script detection (`--psm 0`); 0 when it finds too little text to say, or is not sure.
 */
export function osdRotation(png: Uint8Array): number {
	const run = spawnSync('tesseract', ['stdin', 'stdout', '--psm', '0', '--dpi', String(PAGE_DPI)], { input: png, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
	if (run.error || run.status !== 0) return 0;
	const rotate = Number(/^Rotate:\s*(\d+)/m.exec(run.stdout)?.[1] ?? 0);
	const confidence = Number(/^Orientation confidence:\s*([\d.]+)/m.exec(run.stdout)?.[1] ?? 0);
	return confidence >= OSD_MIN_CONFIDENCE && [90, 180, 270].includes(rotate) ? rotate : 0;
}

/** The upright pages of the originals, in order: a multi-page TIFF gives each of its pages. Throws ImageRefusal for a file the tool cannot decode whole. */
export async function pageImages(originals: readonly { name: string; bytes: Uint8Array }[], options: { osd: boolean }): Promise<PageImage[]> {
	const pages: PageImage[] = [];
	for (const original of originals) {
		const header = await imageHeader(original.bytes);
		if (!header.ok) throw new ImageRefusal(original.name, `cannot be read as an image (${header.problem})`, 'replace it with an intact copy of the original (scan or photograph it again if need be)');
		for (let page = 0; page < header.pages; page++) {
			try {
				// .rotate() with no angle turns the page by its EXIF orientation; the output keeps no metadata.
				let upright = sharp(original.bytes, { page, failOn: 'truncated' })
					.rotate()
					.resize({ width: MAX_PAGE_SIDE, height: MAX_PAGE_SIDE, fit: 'inside', withoutEnlargement: true })
					.flatten({ background: '#ffffff' });
				let turned = 0;
				if (options.osd) {
					turned = osdRotation(new Uint8Array(await upright.clone().png().toBuffer()));
					if (turned) upright = sharp(await upright.png().toBuffer()).rotate(turned);
				}
				const { data, info } = await upright.jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer({ resolveWithObject: true });
				pages.push({ from: original.name, page: page + 1, jpeg: new Uint8Array(data), width: info.width, height: info.height, turned });
			} catch (error) {
				throw new ImageRefusal(original.name, `page ${page + 1} cannot be decoded (${(error as Error).message.split('\n')[0]})`, 'the file is damaged or cut short: replace it with an intact copy of the original');
			}
		}
	}
	return pages;
}

/** A PDF of the pages, one image filling each page at PAGE_DPI, with no metadata and no dates, so the same pages give the same bytes. */
export async function pagesPdf(pages: readonly PageImage[]): Promise<Uint8Array> {
	const pdf = await PDFDocument.create({ updateMetadata: false });
	for (const image of pages) {
		const embedded = await pdf.embedJpg(image.jpeg);
		const size: [number, number] = [(image.width * 72) / PAGE_DPI, (image.height * 72) / PAGE_DPI];
		pdf.addPage(size).drawImage(embedded, { x: 0, y: 0, width: size[0], height: size[1] });
	}
	return pdf.save({ useObjectStreams: false });
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** File names in the order a person numbers pages: page-2 before page-10. */
export const naturalOrder = (names: readonly string[]): string[] => [...names].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
