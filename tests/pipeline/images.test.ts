/**
 * Originals that come as images: the image tool's work (upright by EXIF and by Tesseract's
 * orientation detection, metadata removed, a page PDF at 300 dpi, the same bytes every time),
 * the derivative records, and archive:add taking a phone photograph and a sideways scan as one
 * document: kept byte for byte, shown through a page PDF, machine-read, verified by remaking;
 * unpublished originals; corrections of machine-read words; and the refusals (not an image,
 * damaged, HEIC), each with its fix and nothing added.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addToArchive, folderPages, parseAddArgs } from '../../src/pipeline/add';
import { imageHeader, naturalOrder, pageImages, pagesPdf, PAGE_DPI } from '../../src/pipeline/images';
import { verifyDerivatives } from '../../src/pipeline/ocr-folder';
import { changedPages } from '../../src/pipeline/extract';
import { parseTsv } from '../../src/pipeline/ocr';
import { readPdf } from '../../src/pipeline/pdf';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';
import { FileEntry } from '../../src/lib/content/schema';
import { sha256, TMP_ROOT, validArchive, writeArchive } from '../fixtures/archive-builder';
import { FIXTURE_BROWSER_TIMEOUT } from '../fixtures/browser';
import { IMAGE_PAGES, renderScanStrips } from '../fixtures/scans';

/** A phone's photograph of an upright page: the pixels lie on their side, EXIF orientation 6 turns them, and GPS says where it was taken. */
async function phonePhoto(upright: Uint8Array): Promise<Uint8Array> {
	return new Uint8Array(
		await sharp(upright)
			.rotate(270)
			.withMetadata({ orientation: 6 })
			.withExif({ IFD0: { Make: 'Fixture Phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '13/1 45/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '100/1 31/1 0/1' } })
			.jpeg({ quality: 90 })
			.toBuffer()
	);
}

/** The two generated pages, rendered once for the whole file (each render starts Chromium), in the hook of each suite that uses them. */
let rendered: Promise<Uint8Array[]> | undefined;
const strips = () => (rendered ??= renderScanStrips([IMAGE_PAGES.photo, IMAGE_PAGES.sideways]));
const drawStrips = () => beforeAll(() => strips().then(() => undefined), FIXTURE_BROWSER_TIMEOUT);

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const recovered = (known: readonly string[], text: string) => {
	const found = words(text);
	const expected = words(known.join(' '));
	return expected.filter((w) => found.includes(w)).length / expected.length;
};

describe('the image tool', () => {
	drawStrips();
	it('turns a photograph upright by its EXIF orientation and keeps none of its metadata; a multi-page TIFF gives each page', async () => {
		const [strip] = await strips();
		const upright = await sharp(strip!).metadata();
		const photo = await phonePhoto(strip!);
		const header = await imageHeader(photo);
		expect(header).toMatchObject({ ok: true, pages: 1, width: upright.height, height: upright.width, hasExif: true });
		const [page] = await pageImages([{ name: 'photo.jpg', bytes: photo }], { osd: false });
		expect([page!.width, page!.height]).toEqual([upright.width, upright.height]);
		const meta = await sharp(page!.jpeg).metadata();
		expect([meta.exif, meta.xmp, meta.icc, meta.orientation]).toEqual([undefined, undefined, undefined, undefined]);
		expect(Buffer.from(page!.jpeg).includes('Fixture Phone')).toBe(false);

		const tiff = new Uint8Array(await sharp([strip!, strip!, strip!], { join: { animated: true } }).tiff().toBuffer());
		expect(await imageHeader(tiff)).toMatchObject({ ok: true, pages: 3 });
		expect((await pageImages([{ name: 'scan.tif', bytes: tiff }], { osd: false })).map((p) => [p.from, p.page])).toEqual([['scan.tif', 1], ['scan.tif', 2], ['scan.tif', 3]]);
	});

	it('makes a page PDF at 300 dpi that the reader sees as scanned pages, the same bytes every time', async () => {
		const [strip] = await strips();
		const pages = await pageImages([{ name: 'a.png', bytes: strip! }], { osd: false });
		const pdf = await pagesPdf(pages);
		expect(sha256(await pagesPdf(await pageImages([{ name: 'a.png', bytes: strip! }], { osd: false })))).toBe(sha256(pdf));
		const read = await readPdf(new Uint8Array(pdf));
		expect(read.scannedPages).toEqual([1]);
		expect(read.sizes[0]!.map((pt) => Math.round((pt * PAGE_DPI) / 72))).toEqual([pages[0]!.width, pages[0]!.height]);
		expect(Buffer.from(pdf).includes('CreationDate')).toBe(false);
	});

	it('refuses bytes that are not an image, and a cut-short one', async () => {
		expect(await imageHeader(new TextEncoder().encode('not an image at all'))).toMatchObject({ ok: false });
		const [strip] = await strips();
		const jpeg = new Uint8Array(await sharp(strip!).jpeg().toBuffer());
		await expect(pageImages([{ name: 'cut.jpg', bytes: jpeg.subarray(0, Math.floor(jpeg.length / 2)) }], { osd: false })).rejects.toThrow(/cannot be decoded/);
	});

	it('orders a folder’s pages as a person numbers them', () => {
		expect(naturalOrder(['page-10.png', 'page-2.png', 'Page-1.png', 'page-11.png'])).toEqual(['Page-1.png', 'page-2.png', 'page-10.png', 'page-11.png']);
		const folder = join(TMP_ROOT, 'image-folder-order');
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(folder, { recursive: true });
		for (const name of ['scan 10.jpg', 'scan 9.jpg', '.DS_Store']) writeFileSync(join(folder, name), '');
		expect(folderPages(folder).map((p) => p.slice(folder.length + 1))).toEqual(['scan 9.jpg', 'scan 10.jpg']);
		expect(parseAddArgs([folder, '--id', 'x', '--title', 'X', '--date', '2005', '--kind', 'letter']).files).toEqual(folderPages(folder));
		expect(parseAddArgs(['--page', 'b.jpg', '--page', 'a.jpg', '--id', 'x', '--title', 'X', '--date', '2005', '--kind', 'letter']).files).toEqual(['b.jpg', 'a.jpg']);
	});
});

describe('derivative records', () => {
	const base = { name: 'pages.pdf', mediaType: 'application/pdf', sha256: 'a'.repeat(64) };
	const issues = (entry: unknown) => {
		const parsed = FileEntry.safeParse(entry);
		return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
	};
	it('a page PDF names its images and its tool; corrected words name their corrections; unpublished is for an original, with its size', () => {
		expect(issues({ ...base, role: 'pages', derivedFrom: ['a.jpg', 'b.jpg'], tool: 'sharp' })).toEqual([]);
		expect(issues({ ...base, role: 'pages' })).toEqual(['derivedFrom: is missing: a derivative names the file(s) it was made from', 'tool: is missing: a derivative says which tool and version made it']);
		expect(issues({ ...base, name: 'x.tsv', mediaType: 'text/tab-separated-values', role: 'corrected', derivedFrom: 'x.ocr.tsv' })).toEqual(['corrections: is missing: corrected words say which pages were corrected, when, by whom and why']);
		expect(issues({ ...base, name: 'x.tsv', mediaType: 'text/tab-separated-values', role: 'corrected', derivedFrom: 'x.ocr.tsv', corrections: [{ page: 1, date: '2026-12-01', by: 'A reviewer', reason: 'Misread word' }] })).toEqual([]);
		expect(issues({ ...base, name: 'a.jpg', mediaType: 'image/jpeg', role: 'original', unpublished: true })).toEqual(['bytes: is missing: an unpublished original records its size beside its hash']);
		expect(issues({ ...base, role: 'text', unpublished: true, bytes: 10 })).toEqual(['unpublished: is for an original, not a file of role text', 'bytes: is for an unpublished original, not a file of role text']);
		expect(issues({ ...base, role: 'original', tool: 'x' })).toEqual(['tool: is for a derivative a tool made (role pages or ocr), not a file of role original']);
	});
	it('a page changed from the OCR words is found, so that no correction goes unrecorded', () => {
		const header = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
		const tsv = (page2: string) => parseTsv([header, '5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tsame', `5\t2\t1\t1\t1\t1\t0\t0\t10\t10\t60\t${page2}`].join('\n'));
		expect(changedPages(tsv('Bangkck'), tsv('Bangkok'))).toEqual([2]);
		expect(changedPages(tsv('Bangkok'), tsv('Bangkok'))).toEqual([]);
	});
});

describe('image originals through archive:add', () => {
	drawStrips();
	it('a phone photograph and a sideways scan become one document: kept byte for byte, shown upright without metadata, machine-read, remade the same', { timeout: 90_000 }, async () => {
		const dir = writeArchive('images-add', await validArchive());
		const [photoStrip, sidewaysStrip] = await strips();
		const inbox = join(TMP_ROOT, 'images-add-inbox');
		mkdirSync(inbox, { recursive: true });
		const photo = join(inbox, 'IMG 0001.jpg');
		const sideways = join(inbox, 'scan-2.png');
		writeFileSync(photo, await phonePhoto(photoStrip!));
		writeFileSync(sideways, await sharp(sidewaysStrip!).rotate(90).png().toBuffer());

		const added = await addToArchive({ files: [photo, sideways], id: 'photo-scan', title: 'A photographed statement', date: '2005', kind: 'letter', language: 'en' }, dir);
		expect(added.errors).toEqual([]);
		expect(added.notes.join('\n')).toMatch(/shown through pages\.pdf, made from the images upright and without metadata \(page 2 turned by Tesseract's orientation detection/);
		const folder = join(dir, 'documents', 'photo-scan');
		expect(readdirSync(folder).sort()).toEqual(['IMG-0001.jpg', 'meta.yaml', 'pages.ocr.tsv', 'pages.pdf', 'scan-2.png']);
		expect(sha256(readFileSync(join(folder, 'IMG-0001.jpg')))).toBe(sha256(readFileSync(photo)));
		const meta = readFileSync(join(folder, 'meta.yaml'), 'utf8');
		expect(meta).toMatch(/name: pages\.pdf\n\s+mediaType: application\/pdf\n\s+sha256: [0-9a-f]{64}\n\s+role: pages\n\s+derivedFrom:\n\s+- IMG-0001\.jpg\n\s+- scan-2\.png\n\s+tool: "?sharp [\d.]+ \(libvips [\d.]+\), pdf-lib 1\.17\.1: upright \(EXIF orientation, then tesseract osd\)/);
		// Nothing of the photograph's EXIF (its phone, its GPS position) is in what is published from it.
		const pdf = readFileSync(join(folder, 'pages.pdf'));
		expect(['Exif', 'Fixture Phone', 'GPS'].map((s) => pdf.includes(s))).toEqual([false, false, false]);

		const checked = await runPipeline({ archiveDir: dir });
		expect(checked.problems).toEqual([]);
		const doc = checked.manifest!.documents.find((d) => d.id === 'photo-scan')!;
		expect(doc.machineRead?.pages).toEqual([1, 2]);
		expect(recovered(IMAGE_PAGES.photo, doc.pages![0]!)).toBeGreaterThanOrEqual(0.9);
		expect(recovered(IMAGE_PAGES.sideways, doc.pages![1]!)).toBeGreaterThanOrEqual(0.9);
		expect(doc.files.map((f) => [f.name, f.role, f.derivedFrom?.join(' ')])).toEqual([
			['IMG-0001.jpg', 'original', undefined],
			['scan-2.png', 'original', undefined],
			['pages.pdf', 'pages', 'IMG-0001.jpg scan-2.png'],
			['pages.ocr.tsv', 'ocr', 'pages.pdf']
		]);

		const verified = await verifyDerivatives('photo-scan', dir);
		expect(verified.errors).toEqual([]);
		expect(verified.notes).toEqual([expect.stringMatching(/^pages\.pdf: made again, the same bytes/), expect.stringMatching(/^pages\.ocr\.tsv: made again, the same bytes/)]);
		// A derivative that is not what its tool makes is found: here, words someone edited in place, hash and all.
		const tsvPath = join(folder, 'pages.ocr.tsv');
		const edited = readFileSync(tsvPath, 'utf8').replace('phone', 'phnoe');
		writeFileSync(tsvPath, edited);
		writeFileSync(join(folder, 'meta.yaml'), meta.replace(sha256(readFileSync(photo)), sha256(readFileSync(photo))).replace(/(name: pages\.ocr\.tsv\n\s+mediaType: text\/tab-separated-values\n\s+sha256: )[0-9a-f]{64}/, `$1${sha256(edited)}`));
		const differs = await verifyDerivatives('photo-scan', dir);
		expect(differs.ok).toBe(false);
		expect(differs.notes[1]).toMatch(/^pages\.ocr\.tsv: made again, DIFFERENT bytes: recorded [0-9a-f]{64}, made [0-9a-f]{64} \(kept in /);
		expect(differs.errors[0]).toMatch(/meta\.yaml: files: pages\.ocr\.tsv is not what the recorded tools make from the originals/);
	});

	it('corrected words are a new file beside the OCR output, and each corrected page is recorded: never a silent edit', { timeout: 60_000 }, async () => {
		const dir = writeArchive('images-correct', await validArchive());
		const [strip] = await strips();
		const file = join(TMP_ROOT, 'images-correct-page.png');
		writeFileSync(file, strip!);
		expect((await addToArchive({ files: [file], id: 'corrected-scan', title: 'A corrected scan', date: '2005', kind: 'letter', language: 'en' }, dir)).errors).toEqual([]);
		const folder = join(dir, 'documents', 'corrected-scan');
		const ocr = readFileSync(join(folder, 'pages.ocr.tsv'), 'utf8');
		const corrected = ocr.replace(/\tphone\n/, '\ttelephone\n');
		expect(corrected).not.toBe(ocr);
		writeFileSync(join(folder, 'pages.corrected.tsv'), corrected);
		const metaPath = join(folder, 'meta.yaml');
		const meta = readFileSync(metaPath, 'utf8');
		const entry = (corrections: string) => `${meta.trimEnd()}\n  - name: pages.corrected.tsv\n    mediaType: text/tab-separated-values\n    sha256: ${sha256(corrected)}\n    role: corrected\n    derivedFrom: pages.ocr.tsv\n${corrections}`;
		writeFileSync(metaPath, entry('    corrections:\n      - page: 2\n        date: 2026-12-01\n        by: A reviewer\n        reason: A test of a record that names the wrong page\n'));
		expect((await runPipeline({ archiveDir: dir })).problems.map((p) => formatProblem(p, dir))).toEqual([
			'documents/corrected-scan/meta.yaml: files.pages.corrected.tsv.corrections: names no correction of page 1, whose words pages.corrected.tsv changes from OCR\'s (record each corrected page ({ page, date, by, reason }), or undo the change)',
			'documents/corrected-scan/meta.yaml: files.pages.corrected.tsv.corrections: records a correction of page 2, where pages.corrected.tsv has the same words as OCR (make the correction in the file, or remove its record)'
		]);
		writeFileSync(metaPath, entry('    corrections:\n      - page: 1\n        date: 2026-12-01\n        by: A reviewer\n        reason: The word was read against the photograph\n'));
		const after = await runPipeline({ archiveDir: dir });
		expect(after.problems).toEqual([]);
		const doc = after.manifest!.documents.find((d) => d.id === 'corrected-scan')!;
		expect(doc.pages![0]).toContain('telephone');
		expect(doc.machineRead!.corrected).toEqual({ 1: { by: 'A reviewer', date: '2026-12-01', reason: 'The word was read against the photograph' } });
		expect(existsSync(join(folder, 'pages.ocr.tsv'))).toBe(true);
	});

	it('an original held unpublished is recorded by hash and size only, and its page PDF is published; the original found in the folder is refused', { timeout: 60_000 }, async () => {
		const dir = writeArchive('images-unpublished', await validArchive());
		const [strip] = await strips();
		const file = join(TMP_ROOT, 'images-unpublished-witness.jpg');
		writeFileSync(file, await phonePhoto(strip!));
		const added = await addToArchive({ files: [file], id: 'held-back', title: 'A statement held back', date: '2005', kind: 'letter', language: 'en', unpublished: true }, dir);
		expect(added.errors).toEqual([]);
		const folder = join(dir, 'documents', 'held-back');
		expect(readdirSync(folder).sort()).toEqual(['meta.yaml', 'pages.ocr.tsv', 'pages.pdf']);
		const meta = readFileSync(join(folder, 'meta.yaml'), 'utf8');
		expect(meta).toContain(`sha256: ${sha256(readFileSync(file))}\n    role: original\n    unpublished: true\n    bytes: ${readFileSync(file).length}`);
		const checked = await runPipeline({ archiveDir: dir });
		expect(checked.problems).toEqual([]);
		const doc = checked.manifest!.documents.find((d) => d.id === 'held-back')!;
		expect(doc.unpublished).toEqual([{ name: 'images-unpublished-witness.jpg', mediaType: 'image/jpeg', sha256: sha256(readFileSync(file)), bytes: readFileSync(file).length }]);
		expect(doc.files.map((f) => f.name)).toEqual(['pages.pdf', 'pages.ocr.tsv']);
		expect((await verifyDerivatives('held-back', dir)).notes[0]).toMatch(/^pages\.pdf: not made again \(files\.images-unpublished-witness\.jpg: is an unpublished original, not in the folder/);

		writeFileSync(join(folder, 'images-unpublished-witness.jpg'), readFileSync(file));
		expect((await runPipeline({ archiveDir: dir })).problems.map((p) => formatProblem(p, dir))).toEqual([
			'documents/held-back/images-unpublished-witness.jpg: (file): is marked unpublished in meta.yaml (files[0].unpublished) but is in the document folder, and everything in the archive is published (move it out of the archive to where unpublished originals are kept (its hash and size stay in meta.yaml), or remove `unpublished` to publish it)'
		]);
	});

	it('refuses an image that is not one, a damaged image and a HEIC photograph, each with its fix, and adds nothing', { timeout: 60_000 }, async () => {
		const dir = writeArchive('images-refused', await validArchive());
		const fake = join(TMP_ROOT, 'images-refused-fake.jpg');
		writeFileSync(fake, 'This is a text file named as a photograph.\n');
		const heic = join(TMP_ROOT, 'images-refused-IMG_0042.heic');
		writeFileSync(heic, Buffer.from('000000186674797068656963000000006d69663168656963', 'hex'));
		const [strip] = await strips();
		const jpeg = await sharp(strip!).jpeg().toBuffer();
		const cut = join(TMP_ROOT, 'images-refused-cut.jpg');
		writeFileSync(cut, jpeg.subarray(0, Math.floor(jpeg.length / 2)));
		const request = { id: 'refused-image', title: 'A refused image', date: '2005', kind: 'letter', language: 'en' };

		const notImage = await addToArchive({ ...request, files: [fake] }, dir);
		expect(notImage.errors).toEqual([`${formatProblem({ file: fake, field: '(file)', problem: '', fix: '' }).split(':')[0]}: (file): is not an image by its content, but is declared image/jpeg (archive the image itself (JPEG image), or correct mediaType to what the file is (accepted: text/plain, application/pdf, application/json, text/tab-separated-values, image/jpeg, image/png, image/tiff))`, 'Nothing was added.']);
		const heicRefused = await addToArchive({ ...request, files: [heic] }, dir);
		expect(heicRefused.errors[0]).toBe(`${heic}: (file): is HEIC (a phone’s High Efficiency image), which the archive does not take, because most browsers cannot show it (convert it to JPEG, which keeps its EXIF orientation: \`heif-convert images-refused-IMG_0042.heic images-refused-IMG_0042.jpg\` (Debian's libheif-examples), then add the JPEG)`);
		const heicAsJpeg = join(TMP_ROOT, 'images-refused-IMG_0043.jpg');
		writeFileSync(heicAsJpeg, readFileSync(heic));
		expect((await addToArchive({ ...request, files: [heicAsJpeg] }, dir)).errors[0]).toMatch(/: \(file\): is a HEIC file \(image\/heic\) by its content, but is declared image\/jpeg \(convert it to JPEG.*heif-convert/);
		const damaged = await addToArchive({ ...request, files: [cut] }, dir);
		expect(damaged.errors[0]).toMatch(new RegExp(`^${formatProblem({ file: cut, field: '(file)', problem: '', fix: '' }).split(':')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\(file\\): (page 1 cannot be decoded|cannot be read as an image) .* \\(.*replace it with an intact copy of the original`));
		expect(existsSync(join(dir, 'documents', 'refused-image'))).toBe(false);
		expect(existsSync(join(dir, '.staging'))).toBe(false);
	});
});
