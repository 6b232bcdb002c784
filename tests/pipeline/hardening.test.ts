/**
 * The archive under attack, one scenario per attack: each hostile or careless input is refused
 * with the exact problem (file, field, fix), the other problems are still listed, and nothing
 * outside the archive is ever read, followed or revealed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, ftruncateSync, linkSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { addToArchive } from '../../src/pipeline/add';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';
import { checkBuildTargets } from '../../src/pipeline/site-build';
import { sha256, TMP_ROOT, validArchive, writeArchive, type FixtureArchive, type FixtureFile } from '../fixtures/archive-builder';
import { attachmentPdf, destinationPdf, encryptedPdf, HTML_PAGE, javascriptPdf, launchPdf, polyglotPdf, SVG_IMAGE, XML_DATA, XML_SVG, XML_XHTML_SCRIPT } from '../fixtures/hostile-files';

async function problemsOf(name: string, archive: FixtureArchive, mutate?: (dir: string) => void): Promise<string[]> {
	const dir = writeArchive(name, archive);
	mutate?.(dir);
	const result = await runPipeline({ archiveDir: dir });
	return result.problems.map((p) => formatProblem(p, dir));
}

/** The valid fixture with one more document holding `file`. */
async function withDocument(file: FixtureFile): Promise<FixtureArchive> {
	const archive = await validArchive();
	archive.documents.push({
		meta: { id: 'extra', title: 'An extra document', kind: 'letter', primary: true, date: '2002', issuer: 'Someone', languages: ['en'], rights: 'Test fixture', status: 'original', description: 'A generated document.' },
		files: [file]
	});
	return archive;
}

const ACTIVE_FIX = 'the archive never holds formats a browser runs; archive the document as a PDF (print it to PDF) or its words as a .txt transcription';

describe('formats are identified by their bytes', () => {
	it('refuses an HTML page named index.html and declared text/plain', async () => {
		expect(await problemsOf('html-as-text', await withDocument({ name: 'index.html', content: HTML_PAGE, mediaType: 'text/plain' }))).toEqual([
			'documents/extra/index.html: (file): is HTML by its content (declared text/plain), a format a browser runs (' + ACTIVE_FIX + ')',
			'documents/extra/meta.yaml: files[0].name: "index.html" ends in ".html", but its mediaType is text/plain, whose files end in .txt (rename the file to end in .txt (and its entry here), or correct mediaType)'
		]);
	});

	it('refuses an SVG named x.svg and declared application/pdf', async () => {
		expect(await problemsOf('svg-as-pdf', await withDocument({ name: 'x.svg', content: SVG_IMAGE, mediaType: 'application/pdf' }))).toEqual([
			'documents/extra/meta.yaml: files[0].name: "x.svg" ends in ".svg", but its mediaType is application/pdf, whose files end in .pdf (rename the file to end in .pdf (and its entry here), or correct mediaType)',
			'documents/extra/x.svg: (file): is SVG by its content (declared application/pdf), a format a browser runs (' + ACTIVE_FIX + ')'
		]);
	});

	it('refuses markup under an honest-looking name: HTML as text.txt, SVG with an XML declaration as scan.pdf', async () => {
		const archive = await withDocument({ name: 'text.txt', content: HTML_PAGE, mediaType: 'text/plain' });
		archive.documents.push({ ...archive.documents.at(-1)!, meta: { ...archive.documents.at(-1)!.meta, id: 'extra-two' }, files: [{ name: 'scan.pdf', content: XML_SVG, mediaType: 'application/pdf' }] });
		expect(await problemsOf('markup-renamed', archive)).toEqual([
			'documents/extra-two/scan.pdf: (file): is SVG by its content (declared application/pdf), a format a browser runs (' + ACTIVE_FIX + ')',
			'documents/extra/text.txt: (file): is HTML by its content (declared text/plain), a format a browser runs (' + ACTIVE_FIX + ')'
		]);
	});

	it('refuses XML that can run script, and keeps XML that is only data as text', async () => {
		const archive = await withDocument({ name: 'record.txt', content: XML_XHTML_SCRIPT, mediaType: 'text/plain' });
		archive.documents.push({ ...archive.documents.at(-1)!, meta: { ...archive.documents.at(-1)!.meta, id: 'extra-data' }, files: [{ name: 'record.txt', content: XML_DATA, mediaType: 'text/plain' }] });
		expect(await problemsOf('xml', archive)).toEqual(['documents/extra/record.txt: (file): is active XML by its content (declared text/plain), a format a browser runs (' + ACTIVE_FIX + ')']);
	});

	it('refuses an HTML/PDF polyglot', async () => {
		expect(await problemsOf('polyglot', await withDocument({ name: 'x.pdf', content: polyglotPdf(), mediaType: 'application/pdf' }))).toEqual([
			'documents/extra/x.pdf: (file): is a PDF that also holds HTML markup in its first 1,024 bytes (an HTML/PDF polyglot), which a browser could run (' + ACTIVE_FIX + ')'
		]);
	});

	it('refuses a PDF declared as text, and text with a NUL or another control character, but keeps a byte-order mark', async () => {
		const archive = await withDocument({ name: 'text.txt', content: await javascriptPdf(), mediaType: 'text/plain' });
		archive.documents.push({ ...archive.documents.at(-1)!, meta: { ...archive.documents.at(-1)!.meta, id: 'extra-two' }, files: [{ name: 'text.txt', content: 'A line.\nA NUL \0 here.\n', mediaType: 'text/plain' }] });
		archive.documents.push({ ...archive.documents.at(-1)!, meta: { ...archive.documents.at(-1)!.meta, id: 'extra-three' }, files: [{ name: 'text.txt', content: '\ufeffA text with a byte-order mark.\n', mediaType: 'text/plain' }] });
		expect(await problemsOf('not-text', archive)).toEqual([
			'documents/extra-two/text.txt: (file): holds the control character U+0000 at line 2, column 7; plain text holds no control characters but tab, carriage return and line feed (remove it (a NUL or other control character means the file is binary or damaged: archive the original as it is, e.g. as a PDF), then update its sha256)',
			'documents/extra/text.txt: (file): is a PDF file (application/pdf) by its content, not plain text (archive it under its own media type if the archive accepts it (text/plain, application/pdf, application/json, text/tab-separated-values, image/jpeg, image/png, image/tiff), or archive its words as a .txt transcription)'
		]);
	});

	it('calls an encrypted PDF encrypted, and notes one that opens without a password', async () => {
		const archive = await withDocument({ name: 'locked.pdf', content: encryptedPdf('secret'), mediaType: 'application/pdf' });
		expect(await problemsOf('encrypted', archive)).toEqual([
			'documents/extra/locked.pdf: (file): is encrypted: it opens only with a password (archive a decrypted copy (e.g. `qpdf --decrypt --password=<password> in.pdf out.pdf`), say in provenance that the original is encrypted, and update its sha256)'
		]);
		const open = await withDocument({ name: 'open.pdf', content: encryptedPdf(''), mediaType: 'application/pdf' });
		const result = await runPipeline({ archiveDir: writeArchive('encrypted-open', open) });
		expect(result.problems).toEqual([]);
		expect(result.manifest!.documents.find((d) => d.id === 'extra')!.files[0]!.features).toEqual(['encrypted']);
	});

	it('notes JavaScript, an OpenAction, a Launch action and embedded files in a PDF, and nothing in a plain one', async () => {
		const archive = await validArchive();
		const pdfs = { 'pdf-javascript': await javascriptPdf(), 'pdf-launch': await launchPdf(), 'pdf-attachment': await attachmentPdf(), 'pdf-destination': await destinationPdf() };
		for (const [id, content] of Object.entries(pdfs)) {
			archive.documents.push({ meta: { id, title: id, kind: 'letter', primary: true, date: '2002', issuer: 'Someone', languages: ['en'], rights: 'Test fixture', status: 'original', description: 'A generated PDF.' }, files: [{ name: 'file.pdf', content, mediaType: 'application/pdf', role: 'original' }] });
		}
		const result = await runPipeline({ archiveDir: writeArchive('active-pdfs', archive) });
		expect(result.problems).toEqual([]);
		const features = Object.fromEntries(result.manifest!.documents.map((d) => [d.id, d.files.find((f) => f.mediaType === 'application/pdf')?.features]));
		expect(features).toEqual({
			'court-ruling': [],
			'family-letter': undefined,
			'news-report': undefined,
			'pdf-attachment': ['embedded-files'],
			'pdf-destination': [],
			'pdf-javascript': ['javascript', 'open-action'],
			'pdf-launch': ['launch', 'open-action']
		});
	});
});

describe('containment: nothing outside the archive is read, followed or revealed', () => {
	const outside = join(TMP_ROOT, 'outside-secret.txt');
	const secret = 'A file outside the archive.\n';

	it('refuses a symlink to a file outside, listed with its right hash or a wrong one, and never prints its hash', async () => {
		writeFileSync(outside, secret);
		for (const hash of [sha256(secret), 'f'.repeat(64)]) {
			const archive = await withDocument({ name: 'passwd.txt', content: 'placeholder' });
			const problems = await problemsOf('symlink-file', archive, (dir) => {
				const meta = join(dir, 'documents/extra/meta.yaml');
				writeFileSync(meta, readFileSync(meta, 'utf8').replace(sha256('placeholder'), hash));
				rmSync(join(dir, 'documents/extra/passwd.txt'));
				symlinkSync(outside, join(dir, 'documents/extra/passwd.txt'));
			});
			expect(problems).toEqual(['documents/extra/passwd.txt: (file): is a symbolic link, which the archive never follows (replace the link with the file itself (a copy, inside the archive), or remove it)']);
			expect(problems.join('\n')).not.toContain(sha256(secret));
		}
	});

	it('refuses a symlinked document folder and a symlinked events folder', async () => {
		const elsewhere = writeArchive('symlink-target', await validArchive());
		const problems = await problemsOf('symlink-folder', await validArchive(), (dir) => {
			symlinkSync(join(elsewhere, 'documents/family-letter'), join(dir, 'documents/linked-letter'));
			rmSync(join(dir, 'events'), { recursive: true });
			symlinkSync(join(elsewhere, 'events'), join(dir, 'events'));
		});
		expect(problems).toEqual([
			'documents/linked-letter: (folder): is a symbolic link, which the archive never follows (replace the link with the folder itself (a copy, inside the archive), or remove it)',
			'events: (folder): is a symbolic link, which the archive never follows (replace the link with the folder itself (a copy, inside the archive), or remove it)'
		]);
	});

	it('refuses a hard link to a file outside the archive, but not two names for one file inside it', async () => {
		writeFileSync(outside, secret);
		const archive = await withDocument({ name: 'text.txt', content: secret });
		archive.documents.push({ ...archive.documents[0]!, meta: { ...archive.documents[0]!.meta, id: 'letter-copy' } });
		const problems = await problemsOf('hardlink', archive, (dir) => {
			rmSync(join(dir, 'documents/extra/text.txt'));
			linkSync(outside, join(dir, 'documents/extra/text.txt'));
			rmSync(join(dir, 'documents/letter-copy/text.txt'));
			linkSync(join(dir, 'documents/family-letter/text.txt'), join(dir, 'documents/letter-copy/text.txt'));
		});
		expect(problems).toEqual(['documents/extra/text.txt: (file): is a hard link to a file outside the archive (replace it with a copy of its own (`cp --remove-destination`), so that a change outside cannot alter the archive)']);
	});

	it('refuses a FIFO without opening it', async () => {
		const problems = await problemsOf('fifo', await validArchive(), (dir) => execFileSync('mkfifo', [join(dir, 'documents/family-letter/pipe.txt')]));
		expect(problems).toEqual(['documents/family-letter/pipe.txt: (file): is a device, FIFO or socket, not a regular file or folder (remove it from the archive)']);
	});
});

describe('limits', () => {
	it('runs a catastrophic-backtracking startPattern in linear time, and refuses a pattern RE2 cannot run', async () => {
		const archive = await withDocument({ name: 'text.txt', content: `${'a'.repeat(40)}b\n${'a'.repeat(40)}\nnext line\n` });
		archive.documents.at(-1)!.meta.paragraphs = { split: 'blank-line', startPattern: '^(a+)+$' };
		const started = Date.now();
		const result = await runPipeline({ archiveDir: writeArchive('redos', archive) });
		expect(Date.now() - started).toBeLessThan(5000);
		expect(result.problems).toEqual([]);
		expect(result.manifest!.documents.find((d) => d.id === 'extra')!.paragraphs).toEqual([`${'a'.repeat(40)}b`, `${'a'.repeat(40)}\nnext line`]);
		archive.documents.at(-1)!.meta.paragraphs = { split: 'blank-line', startPattern: '^(?=\\d)' };
		expect(await problemsOf('lookahead', archive)).toEqual([
			'documents/extra/meta.yaml: paragraphs.startPattern: is not a regular expression RE2 accepts (error parsing regexp: invalid or unsupported Perl syntax: `(?=`) (correct the value (see archive/README.md))'
		]);
	});

	it('refuses a 200 MB text file of NULs and a 200 MB PDF by their size, before reading them', async () => {
		const archive = await withDocument({ name: 'huge.txt', content: 'x' });
		archive.documents.push({ ...archive.documents.at(-1)!, meta: { ...archive.documents.at(-1)!.meta, id: 'extra-pdf' }, files: [{ name: 'huge.pdf', content: 'x', mediaType: 'application/pdf' }] });
		const problems = await problemsOf('huge', archive, (dir) => {
			for (const path of ['documents/extra/huge.txt', 'documents/extra-pdf/huge.pdf']) {
				const fd = openSync(join(dir, path), 'w');
				ftruncateSync(fd, 200 * 1024 * 1024); // sparse: 200 MB of NULs that take no disk
				closeSync(fd);
			}
		});
		expect(problems).toEqual([
			'documents/extra-pdf/huge.pdf: (file): is 200 MB, over the 100 MB limit for this kind of file (archive a copy under 100 MB (e.g. scanned at 300 dpi, or split into volumes, one document each))',
			'documents/extra/huge.txt: (file): is 200 MB, over the 16 MB limit for this kind of file (split the transcription into documents under 16 MB each, or archive the original as a PDF)'
		]);
	});

	it('refuses a YAML alias bomb with its file named, and still lists every other problem', async () => {
		const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', ''].join('\n');
		const problems = await problemsOf('alias-bomb', await validArchive(), (dir) => {
			writeFileSync(join(dir, 'documents/news-report/meta.yaml'), bomb);
			mkdirSync(join(dir, 'events/a-folder.yaml'));
			rmSync(join(dir, 'documents/family-letter/meta.yaml'));
			mkdirSync(join(dir, 'documents/family-letter/meta.yaml'));
		});
		expect(problems).toEqual([
			'documents/family-letter/meta.yaml: (file): is a folder where a file should be (move the folder’s contents out and put the file here, or remove the folder)',
			'documents/news-report/meta.yaml: (yaml): expands its aliases (*name) beyond the limit of 100: Excessive alias count indicates a resource exhaustion attack (write the values out instead of repeating aliases; archive records need no aliases)',
			'events/a-folder.yaml: (file): is a folder where a file should be (move the folder’s contents out and put the file here, or remove the folder)',
			'events/letter-sent.yaml: sources[0].document: cites "family-letter", which is not in the archive (add archive/documents/family-letter/meta.yaml, or correct the id)'
		]);
	});

	it('refuses a listed file that is a folder', async () => {
		const problems = await problemsOf('file-is-folder', await validArchive(), (dir) => {
			rmSync(join(dir, 'documents/family-letter/text.txt'));
			mkdirSync(join(dir, 'documents/family-letter/text.txt'));
		});
		expect(problems).toEqual(['documents/family-letter/text.txt: (file): is a folder where a file should be (move the folder’s contents out and put the file here, or remove the folder)']);
	});
});

describe('records that cannot be made up', () => {
	it('refuses a year before 1000 unless the record says it means it', async () => {
		const archive = await validArchive();
		archive.events[0]!.start = '1950';
		archive.events[0]!.end = '0050';
		archive.documents[2]!.meta.date = '0200';
		expect(await problemsOf('early-year', archive)).toEqual([
			'documents/news-report/meta.yaml: date: "0200" is before the year 1000 (correct the year (four digits, e.g. "1950"); if the year is really before 1000, set datesBefore1000: true on the record)',
			'events/letter-sent.yaml: end: "0050" is before the year 1000 (correct the year (four digits, e.g. "1950"); if the year is really before 1000, set datesBefore1000: true on the record)'
		]);
		archive.events[0]!.datesBefore1000 = true;
		archive.documents[2]!.meta.datesBefore1000 = true;
		// Said explicitly, the year is taken as written: 50 is before 1950, not the same year.
		expect(await problemsOf('early-year-meant', archive)).toEqual(['events/letter-sent.yaml: end: 0050 is before the start 1950 (correct the dates; end must not be before start)']);
	});

	it('refuses a quote too short to identify a passage, in Latin and in Chinese script', async () => {
		const archive = await validArchive();
		archive.events[0]!.sources = [{ document: 'family-letter', paragraph: 2, quote: '.' }, { document: 'family-letter', paragraph: 2, quote: 'He has' }, { document: 'family-letter', paragraph: 2, quote: 'since 2002' }];
		archive.documents[1]!.meta.knownToSay = [{ quote: '判决书', quotedBy: 'A newspaper' }];
		expect(await problemsOf('short-quote', archive)).toEqual([
			'documents/court-ruling/meta.yaml: knownToSay[0].quote: "判决书" is too short to identify a passage: a quote needs at least 8 letters or digits, or 4 Chinese characters (quote more of the passage, verbatim, so that the words can only be this place)',
			'events/letter-sent.yaml: sources[0].quote: "." is too short to identify a passage: a quote needs at least 8 letters or digits, or 4 Chinese characters (quote more of the passage, verbatim, so that the words can only be this place)',
			'events/letter-sent.yaml: sources[1].quote: "He has" is too short to identify a passage: a quote needs at least 8 letters or digits, or 4 Chinese characters (quote more of the passage, verbatim, so that the words can only be this place)'
		]);
	});

	it('refuses a quote of a catalogue record in words the record is not known to say', async () => {
		const archive = await validArchive();
		archive.documents[2]!.meta.knownToSay = [{ quote: 'the appeal was rejected in February', quotedBy: 'A newspaper' }];
		(archive.events[1]!.sources as object[])[1] = { document: 'news-report', quote: 'the appeal was rejected in February' };
		expect(await problemsOf('catalogue-quote-known', archive)).toEqual([]);
		(archive.events[1]!.sources as object[])[1] = { document: 'news-report', quote: 'the court acquitted him' };
		expect(await problemsOf('catalogue-quote-made-up', archive)).toEqual([
			'events/appeal-rejected.yaml: sources[1].quote: is not among the words "news-report" is recorded to say (its knownToSay), and the archive holds no text of it: "the court acquitted him" (quote one of its knownToSay passages exactly, or add the passage to archive/documents/news-report/meta.yaml knownToSay with who quotes it (quotedBy))'
		]);
	});
});

describe('safe writes', () => {
	it('refuses a BUILD_DIR that is the archive, inside it, holding it, the project, or a folder that is not a build', () => {
		const root = process.cwd();
		const archive = join(TMP_ROOT, 'targets-archive');
		mkdirSync(archive, { recursive: true });
		const stranger = join(TMP_ROOT, 'targets-stranger');
		mkdirSync(stranger, { recursive: true });
		writeFileSync(join(stranger, 'thesis.tex'), 'mine');
		expect(checkBuildTargets(root, archive, archive)).toEqual([`BUILD_DIR=${archive}: is the archive (ARCHIVE_DIR=${archive}), or inside it, or holds it: a build replaces its whole folder. Keep the built site and the archive apart`]);
		expect(checkBuildTargets(root, archive, join(archive, 'site'))).toHaveLength(1);
		expect(checkBuildTargets(root, join(archive, 'inner'), archive)).toHaveLength(1);
		expect(checkBuildTargets(root, archive, root)).toEqual([`BUILD_DIR=${root}: is the project folder or holds it: a build replaces its whole folder. Set BUILD_DIR to a folder of its own, such as build/`]);
		expect(checkBuildTargets(root, archive, join(root, '..'))).toHaveLength(1);
		expect(checkBuildTargets(root, archive, join(root, 'src'))).toEqual([`BUILD_DIR=${join(root, 'src')}: is inside the project's src/ folder, which a build must not replace. Use build/ or a folder outside the project`]);
		expect(checkBuildTargets(root, archive, stranger)).toEqual([`BUILD_DIR=${stranger}: holds something other than a built site (no _app/ folder in it): a build replaces its whole folder, so it refuses to replace this one. Empty it or choose another folder`]);
		expect(checkBuildTargets(root, archive, join(TMP_ROOT, 'targets-new-site'))).toEqual([]);
		expect(readFileSync(join(stranger, 'thesis.tex'), 'utf8')).toBe('mine');
	});

	it('archive:add stages its work: a refused document leaves nothing, and another broken folder neither stops it nor is touched', async () => {
		const dir = writeArchive('add-staged', await validArchive());
		const broken = join(dir, 'documents/news-report/meta.yaml');
		writeFileSync(broken, 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n');
		const brokenBefore = readFileSync(broken);
		const html = join(TMP_ROOT, 'page.txt');
		writeFileSync(html, HTML_PAGE);
		const refused = await addToArchive({ files: [html], id: 'a-page', title: 'A page', date: '2003', kind: 'letter' }, dir);
		expect(refused.added).toBe(false);
		expect(refused.errors[0]).toBe(`${formatProblem({ file: join(dir, 'documents/a-page/page.txt'), field: '(file)', problem: 'is HTML by its content (declared text/plain), a format a browser runs', fix: ACTIVE_FIX })}`);
		expect(existsSync(join(dir, 'documents/a-page'))).toBe(false);
		expect(existsSync(join(dir, '.staging'))).toBe(false);
		const text = join(TMP_ROOT, 'letter.txt');
		writeFileSync(text, 'A letter that is plain text.\n');
		const added = await addToArchive({ files: [text], id: 'a-letter', title: 'A letter', date: '2003', kind: 'letter' }, dir);
		expect(added.added).toBe(true);
		expect(added.notes.at(-1)).toMatch(/^Note: the archive has \d+ other problem\(s\)/);
		expect(readdirSync(join(dir, 'documents/a-letter')).sort()).toEqual(['letter.txt', 'meta.yaml']);
		expect(readFileSync(broken)).toEqual(brokenBefore);
		expect(existsSync(join(dir, '.staging'))).toBe(false);
	});

	it('leaves nothing of an add whose process was killed outright: the next add clears it', async () => {
		const dir = writeArchive('add-stale', await validArchive());
		const stale = join(dir, '.staging', 'a-letter-999999999');
		mkdirSync(stale, { recursive: true });
		writeFileSync(join(stale, 'meta.yaml'), stringify({ id: 'a-letter' }));
		const text = join(TMP_ROOT, 'letter.txt');
		writeFileSync(text, 'A letter that is plain text.\n');
		expect((await addToArchive({ files: [text], id: 'a-letter', title: 'A letter', date: '2003', kind: 'letter' }, dir)).added).toBe(true);
		expect(existsSync(join(dir, '.staging'))).toBe(false);
		expect(createHash('sha256').update(readFileSync(join(dir, 'documents/a-letter/letter.txt'))).digest('hex')).toBe(sha256('A letter that is plain text.\n'));
	});
});
