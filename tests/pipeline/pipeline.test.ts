/**
 * The pipeline on fixture archives: a valid one builds (byte-identically, twice); each broken
 * one is refused with a message naming the file and the field.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addToArchive } from '../../src/pipeline/add';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';
import { FIXTURE_CLAIMANTS, makePdf, TMP_ROOT, validArchive, writeArchive, type FixtureArchive } from '../fixtures/archive-builder';

async function problemsOf(name: string, archive: FixtureArchive, mutate?: (dir: string) => void): Promise<string[]> {
	const dir = writeArchive(name, archive);
	mutate?.(dir);
	const result = await runPipeline({ archiveDir: dir });
	return result.problems.map((p) => formatProblem(p, dir));
}

describe('a valid archive', () => {
	it('passes every check and extracts text per paragraph and per PDF page', async () => {
		const dir = writeArchive('valid', await validArchive());
		const { problems, manifest } = await runPipeline({ archiveDir: dir });
		expect(problems).toEqual([]);
		const letter = manifest!.documents.find((d) => d.id === 'family-letter')!;
		expect(letter.paragraphs).toEqual(['Dear Secretary-General,', 'We ask for the release of the detainee.\nHe has been held since 2002.', 'Yours sincerely,\nThe family']);
		const ruling = manifest!.documents.find((d) => d.id === 'court-ruling')!;
		expect(ruling.pages).toEqual(['Page one says the appeal was heard.', 'Page two says the appeal is rejected.']);
		expect(ruling.citedBy.map((c) => [c.event, c.page])).toEqual([['appeal-rejected', 2], ['appeal-rejected', 1]]);
		expect(manifest!.events.map((e) => e.id)).toEqual(['appeal-rejected', 'letter-sent']);
	});

	it('writes byte-identical manifest and open data when built twice', async () => {
		const dir = writeArchive('stable', await validArchive());
		const outputs: Record<string, string>[] = [];
		for (const run of ['a', 'b']) {
			const out = join(TMP_ROOT, `stable-out-${run}`);
			rmSync(out, { recursive: true, force: true });
			const result = await runPipeline({ archiveDir: dir, write: { generatedDir: join(out, 'generated'), staticDir: join(out, 'static'), basePath: '' } });
			expect(result.problems).toEqual([]);
			const files: Record<string, string> = {};
			for (const f of result.written) files[relative(out, f)] = readFileSync(f, 'utf8');
			outputs.push(files);
		}
		expect(Object.keys(outputs[0]!).sort()).toEqual(['generated/manifest.json', 'static/data/SHA256SUMS', 'static/data/claims.json', 'static/data/documents.json', 'static/data/events.json', expect.stringMatching(/^static\/search\/index\.[0-9a-f]{12}\.json$/)]);
		expect(outputs[1]).toEqual(outputs[0]);
		const events = JSON.parse(outputs[0]!['static/data/events.json']!);
		expect(events[0]).toMatchObject({ id: 'appeal-rejected', start: '2003-02', end: '2003-03', precision: 'month', approximate: true, category: 'detention' });
		const documents = JSON.parse(outputs[0]!['static/data/documents.json']!);
		expect(documents.find((d: { id: string }) => d.id === 'family-letter').files[0]).toMatchObject({ name: 'text.txt', mediaType: 'text/plain', href: '/files/family-letter/text.txt' });
		expect(outputs[0]!['static/data/SHA256SUMS']).toMatch(/^[0-9a-f]{64} {2}files\/court-ruling\/ruling\.pdf\n/);
		expect(readdirSync(join(TMP_ROOT, 'stable-out-a', 'static', 'files')).sort()).toEqual(['court-ruling', 'family-letter']);
	});

	it('draws page 1 of each PDF as an image, byte-identical on two builds, and none for a record without a PDF or in a check', async () => {
		const dir = writeArchive('page-image', await validArchive());
		const images: Buffer[] = [];
		for (const run of ['a', 'b']) {
			const out = join(TMP_ROOT, `page-image-out-${run}`);
			rmSync(out, { recursive: true, force: true });
			const { problems, manifest } = await runPipeline({ archiveDir: dir, write: { generatedDir: join(out, 'generated'), staticDir: join(out, 'static'), basePath: '' } });
			expect(problems).toEqual([]);
			const withImage = manifest!.documents.filter((d) => d.firstPageImage);
			expect(withImage.map((d) => d.id)).toEqual(['court-ruling']);
			const image = withImage[0]!.firstPageImage!;
			expect(image.path).toMatch(/^\/page-images\/court-ruling\/page-1\.[0-9a-f]{12}\.webp$/);
			images.push(readFileSync(join(out, 'static', image.path)));
			// What the page says it is: a WebP of that size, not a blank.
			const { loadImage, createCanvas } = await import('@napi-rs/canvas');
			const decoded = await loadImage(images.at(-1)!);
			expect([decoded.width, decoded.height]).toEqual([image.width, image.height]);
			const canvas = createCanvas(decoded.width, decoded.height);
			canvas.getContext('2d').drawImage(decoded, 0, 0);
			const { data } = canvas.getContext('2d').getImageData(0, 0, decoded.width, decoded.height);
			let ink = 0;
			for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) ink++;
			expect(ink).toBeGreaterThan(50);
		}
		expect(images[1]!.equals(images[0]!)).toBe(true);
		// A check (archive:check, and each archive:add) writes nothing, so it draws nothing.
		const checked = await runPipeline({ archiveDir: dir });
		expect(checked.problems).toEqual([]);
		expect(checked.manifest!.documents.filter((d) => d.firstPageImage)).toEqual([]);
	});
});

describe('a broken archive is refused, naming the file and the field', () => {
	it('an unknown kind', async () => {
		const archive = await validArchive();
		archive.documents[0]!.meta.kind = 'memo';
		expect(await problemsOf('unknown-kind', archive)).toEqual([expect.stringMatching(/^documents\/family-letter\/meta\.yaml: kind: unknown kind "memo"; use one of: un-opinion, .* \(use one of the values archive\/README\.md lists\)$/)]);
	});

	it('a malformed date', async () => {
		const archive = await validArchive();
		archive.events[0]!.start = '2022-13';
		archive.documents[2]!.meta.date = '2002-02-30';
		expect(await problemsOf('bad-date', archive)).toEqual([
			'documents/news-report/meta.yaml: date: "2002-02-30" is not a calendar date (February 2002 has 28 days) (correct the value (see archive/README.md))',
			'events/letter-sent.yaml: start: "2022-13" has no month 13 (correct the value (see archive/README.md))'
		]);
	});

	it('a span that ends before it starts, but not a year-precision end within the start year', async () => {
		const archive = await validArchive();
		archive.events[1]!.end = '2002-12';
		archive.events[0]!.start = '2022-08-15';
		archive.events[0]!.end = '2022';
		expect(await problemsOf('bad-span', archive)).toEqual(['events/appeal-rejected.yaml: end: 2002-12 is before the start 2003-02 (correct the dates; end must not be before start)']);
	});

	it('a duplicate id', async () => {
		const archive = await validArchive();
		archive.documents.push({ ...archive.documents[2]!, folder: 'news-report-copy' });
		expect(await problemsOf('duplicate-id', archive)).toEqual([
			'documents/news-report-copy/meta.yaml: id: duplicate document id "news-report", already used by documents/news-report/meta.yaml (give each document its own id; ids are permanent URLs, so keep the older one)',
			'documents/news-report-copy/meta.yaml: id: is "news-report" but the folder is "news-report-copy" (make the id and the folder name the same; the id is the document’s permanent URL)'
		]);
	});

	it('a file altered after hashing', async () => {
		const problems = await problemsOf('altered', await validArchive(), (dir) => appendFileSync(join(dir, 'documents/family-letter/text.txt'), 'An added line.\n'));
		expect(problems).toEqual([expect.stringMatching(/^documents\/family-letter\/meta\.yaml: files\[0\]\.sha256: "text\.txt" has SHA-256 [0-9a-f]{64}, not the recorded [0-9a-f]{64}: the file was altered or replaced after it was archived \(restore the archived file/)]);
	});

	it('a file present but not listed', async () => {
		const archive = await validArchive();
		archive.documents[0]!.unlisted = [{ name: 'notes.txt', content: 'stray' }];
		expect(await problemsOf('unlisted', archive)).toEqual([
			'documents/family-letter/notes.txt: (file): is in the document folder but not listed in meta.yaml files (list it in files with its mediaType and sha256 (run `sha256sum notes.txt`), or remove it)'
		]);
	});

	it('a listed file missing', async () => {
		const problems = await problemsOf('missing-file', await validArchive(), (dir) => rmSync(join(dir, 'documents/court-ruling/ruling.pdf')));
		// The quotes into the missing PDF cannot be checked either, and say so.
		expect(problems[0]).toBe('documents/court-ruling/meta.yaml: files[0].name: lists "ruling.pdf" but the file is missing from the folder (restore ruling.pdf from the original source, or remove its entry)');
	});

	it('an event citing a document that does not exist', async () => {
		const archive = await validArchive();
		(archive.events[0]!.sources as object[]).push({ document: 'un-opinion', quote: 'the detention is arbitrary' });
		expect(await problemsOf('dangling', archive)).toEqual([
			'events/letter-sent.yaml: sources[1].document: cites "un-opinion", which is not in the archive (add archive/documents/un-opinion/meta.yaml, or correct the id)'
		]);
	});

	it('a quote not found in an archived text, and a quote at the wrong paragraph', async () => {
		const archive = await validArchive();
		archive.events[0]!.sources = [
			{ document: 'family-letter', paragraph: 2, quote: 'He has been held since 2003.' },
			{ document: 'family-letter', paragraph: 3, quote: 'release of the detainee' }
		];
		expect(await problemsOf('bad-quote', archive)).toEqual([
			'events/letter-sent.yaml: sources[0].quote: not found in the archived text of "family-letter": "He has been held since 2003." (copy the words exactly from archive/documents/family-letter/ (whitespace differences are ignored))',
			'events/letter-sent.yaml: sources[1].paragraph: is 3, but the quote is in paragraph 2 (set paragraph: 2)'
		]);
	});

	it('a claim whose quote is not in the text, whose event does not exist, or whose bearing is unknown', async () => {
		const archive = await validArchive();
		archive.site = { claimants: FIXTURE_CLAIMANTS };
		const claim = {
			id: 'the-claim',
			claimant: 'court',
			finding: 'contradicted',
			title: 'A claim',
			allegation: 'The verdict alleges something.',
			allegedIn: [{ document: 'court-ruling', page: 1, quote: 'the appeal was heard' }],
			evidence: [{ bearing: 'contradicts', summary: 'The letter says otherwise.', sources: [{ document: 'family-letter', paragraph: 2, quote: 'He has been held since 2002.' }] }],
			events: ['letter-sent']
		};
		archive.claims = [claim];
		expect(await problemsOf('claim-ok', archive)).toEqual([]);
		archive.claims = [
			{
				...claim,
				allegedIn: [{ document: 'news-report' }],
				evidence: [{ bearing: 'disproves', summary: 'x', sources: [{ document: 'family-letter', paragraph: 2, quote: 'held since 1999' }] }],
				events: ['no-such-event']
			},
			{ ...claim, id: 'other-claim', evidence: [{ ...claim.evidence[0], sources: [{ document: 'family-letter', paragraph: 1, quote: 'He has been held since 2002.' }, { document: 'missing-doc' }] }] }
		];
		expect(await problemsOf('claim-bad', archive)).toEqual([
			'claims/other-claim.yaml: evidence[0].sources[0].paragraph: is 1, but the quote is in paragraph 2 (set paragraph: 2)',
			'claims/other-claim.yaml: evidence[0].sources[1].document: cites "missing-doc", which is not in the archive (add archive/documents/missing-doc/meta.yaml, or correct the id)',
			'claims/the-claim.yaml: evidence[0].bearing: unknown bearing "disproves"; use one of: contradicts, qualifies, supports, context (use one of the values archive/README.md lists)'
		]);
		archive.claims = [{ ...claim, allegedIn: [{ document: 'news-report' }], events: ['no-such-event'] }];
		expect(await problemsOf('claim-bad-2', archive)).toEqual([
			'claims/the-claim.yaml: allegedIn: no source quotes the allegation (quote the claim’s words as the source that makes or records it gives them, or the research notes line that records them)',
			'claims/the-claim.yaml: events[0]: names "no-such-event", which is not an event in the archive (correct the id, or remove it from the list)'
		]);
		archive.claims = [{ ...claim, events: ['letter-sent', 'letter-sent'] }];
		expect(await problemsOf('claim-bad-3', archive)).toEqual(['claims/the-claim.yaml: events[1]: names "letter-sent" a second time (list each event once)']);
	});

	it('a damaged PDF', async () => {
		const archive = await validArchive();
		const pdf = archive.documents[1]!.files![0]!;
		pdf.content = (pdf.content as Uint8Array).slice(0, 400);
		const problems = await problemsOf('damaged-pdf', archive);
		expect(problems[0]).toMatch(/^documents\/court-ruling\/ruling\.pdf: \(file\): cannot be read as a PDF \(.+\) \(the file is damaged: replace it with an intact copy of the original and update its sha256\)$/);
	});

	it('invalid YAML and unknown fields', async () => {
		const problems = await problemsOf('bad-yaml', await validArchive(), (dir) => {
			writeFileSync(join(dir, 'events/letter-sent.yaml'), 'id: letter-sent\ntitle: [unclosed\n');
			appendFileSync(join(dir, 'documents/news-report/meta.yaml'), 'colour: red\n');
		});
		expect(problems).toEqual([
			'documents/news-report/meta.yaml: colour: is not a known field (remove it, or correct its spelling to a field archive/README.md lists)',
			expect.stringMatching(/^events\/letter-sent\.yaml: \(yaml, line \d\): .+ \(correct the YAML syntax/)
		]);
	});
});

describe('the real archive', () => {
	it('passes every check and rebuilds byte-identically', async () => {
		const written: string[][] = [];
		for (const run of ['a', 'b']) {
			const out = join(TMP_ROOT, `real-out-${run}`);
			rmSync(out, { recursive: true, force: true });
			const result = await runPipeline({ archiveDir: 'archive', write: { generatedDir: join(out, 'generated'), staticDir: join(out, 'static'), basePath: '' } });
			expect(result.problems.map((p) => formatProblem(p))).toEqual([]);
			written.push(result.written.map((f) => readFileSync(f, 'utf8')));
			expect(result.manifest!.events.length).toBeGreaterThanOrEqual(40);
		}
		expect(written[1]).toEqual(written[0]);
	});
});

describe('archive:add', () => {
	it('archives a PDF with a record that passes the check, and refuses a damaged one, adding nothing', async () => {
		const dir = writeArchive('add', await validArchive());
		const pdfPath = join(TMP_ROOT, 'judgment.pdf');
		writeFileSync(pdfPath, await makePdf(['The court rules on page one.', 'And on page two.']));
		const request = { files: [pdfPath], id: 'new-judgment', title: 'A judgment', date: '2003-02-10', kind: 'court-judgment', issuer: 'A court', language: 'zh-Hans' };
		const added = await addToArchive(request, dir);
		expect(added).toMatchObject({ added: true, errors: [] });
		const check = await runPipeline({ archiveDir: dir });
		expect(check.problems).toEqual([]);
		const doc = check.manifest!.documents.find((d) => d.id === 'new-judgment')!;
		expect(doc).toMatchObject({ status: 'original', kind: 'court-judgment', date: '2003-02-10', languages: ['zh-Hans'], pages: ['The court rules on page one.', 'And on page two.'] });
		expect(doc.files[0]).toMatchObject({ name: 'judgment.pdf', mediaType: 'application/pdf', role: 'original' });

		expect((await addToArchive(request, dir)).errors).toEqual(['--id: "new-judgment" is already in the archive (choose another id; ids are permanent URLs)']);
		const damaged = join(TMP_ROOT, 'damaged.pdf');
		writeFileSync(damaged, readFileSync(pdfPath).subarray(0, 300));
		const refused = await addToArchive({ ...request, files: [damaged], id: 'damaged-judgment' }, dir);
		expect(refused.added).toBe(false);
		expect(refused.errors[0]).toMatch(/^.*documents\/damaged-judgment\/damaged\.pdf: \(file\): cannot be read as a PDF/);
		expect(existsSync(join(dir, 'documents', 'damaged-judgment'))).toBe(false);
		expect((await addToArchive({ ...request, id: 'Bad Id', date: '2003-13', kind: 'memo' }, dir)).errors).toEqual([
			'--id: "Bad Id" is not a slug (use lower-case letters, digits and single hyphens)',
			'--date: "2003-13" has no month 13 (give YYYY, YYYY-MM or YYYY-MM-DD)',
			expect.stringMatching(/^--kind: unknown kind "memo"/)
		]);
	});
});
