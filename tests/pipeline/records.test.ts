/**
 * Data records and the founding documents' claims through the whole check: a data table of a
 * shape unlike the roll call's is read by its declaration alone, a malformed one is refused with
 * file, field and fix; a family claim citing an unknown document, missing or misquoting its
 * source, or claiming a finding its evidence cannot bear is refused.
 */
import { describe, expect, it } from 'vitest';
import { readTable, tableCsv } from '../../src/pipeline/data-table';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';
import { FIXTURE_CLAIMANTS, validArchive, writeArchive, type FixtureArchive } from '../fixtures/archive-builder';

async function problemsOf(name: string, archive: FixtureArchive): Promise<string[]> {
	const dir = writeArchive(name, archive);
	const result = await runPipeline({ archiveDir: dir });
	return result.problems.map((p) => formatProblem(p, dir));
}

/** A results file unlike the roll call: a flat list, nested names, numbers, a different counted column. */
const RESULTS = {
	meta: { source: 'generated' },
	results: [
		{ name: { full: 'Ana, Q.' }, outcome: 'won', code: 7 },
		{ name: { full: 'Bo "B" Li' }, outcome: 'lost', code: 3 },
		{ name: { full: 'Cy' }, outcome: 'won', code: 12 }
	]
};
const RESULTS_TABLE = {
	file: 'results.json',
	caption: 'Generated results',
	rows: '/results/*',
	columns: [
		{ label: 'Name', value: '/name/full' },
		{ label: 'Outcome', value: '/outcome' },
		{ label: 'Code', value: '/code' }
	],
	countBy: 'Outcome',
	anchor: { prefix: 'entry', column: 'Code' }
};

function withDataRecord(content: string, table: Record<string, unknown> | undefined): Promise<FixtureArchive> {
	return validArchive().then((archive) => {
		archive.documents.push({
			meta: { id: 'data-record', title: 'A data record', kind: 'legislative-record', primary: true, date: '2004-05-06', issuer: 'A clerk', languages: ['en'], rights: 'Test fixture', status: 'original', description: 'A generated data record.', ...(table ? { table } : {}) },
			files: [{ name: 'results.json', content, mediaType: 'application/json', role: 'original' }]
		});
		return archive;
	});
}

describe('data tables', () => {
	it('reads a flat list by its declaration: nested pointers, numbers, counts from the rows, anchors and CSV', () => {
		const { table, problems } = readTable(RESULTS, RESULTS_TABLE);
		expect(problems).toEqual([]);
		expect(table!.rows).toEqual([['Ana, Q.', 'won', '7'], ['Bo "B" Li', 'lost', '3'], ['Cy', 'won', '12']]);
		expect(table!.counts).toEqual([['won', 2], ['lost', 1]]);
		expect(table!.anchors).toEqual(['entry-7', 'entry-3', 'entry-12']);
		expect(tableCsv(table!)).toBe('Name,Outcome,Code\r\n"Ana, Q.",won,7\r\n"Bo ""B"" Li",lost,3\r\nCy,won,12\r\n');
	});

	it('counts every group a "*" meets, an empty one as 0, and never reads a total from the file', () => {
		const grouped = { totals: { yes: 99 }, votes: { yes: [{ id: 'A1' }, { id: 'B2' }], no: [], abstain: [{ id: 'C3' }] } };
		const { table } = readTable(grouped, { ...RESULTS_TABLE, file: 'votes.json', rows: '/votes/*/*', columns: [{ label: 'Vote', value: '@1' }, { label: 'Id', value: '/id' }], countBy: 'Vote', anchor: { prefix: 'member', column: 'Id' } });
		expect(table!.counts).toEqual([['yes', 2], ['no', 0], ['abstain', 1]]);
		expect(table!.rows).toEqual([['yes', 'A1'], ['yes', 'B2'], ['abstain', 'C3']]);
	});

	it('builds a document page table through the whole check', async () => {
		const dir = writeArchive('data-record', await withDataRecord(JSON.stringify(RESULTS), RESULTS_TABLE));
		const result = await runPipeline({ archiveDir: dir });
		expect(result.problems).toEqual([]);
		expect(result.manifest!.documents.find((d) => d.id === 'data-record')!.table).toMatchObject({ columns: ['Name', 'Outcome', 'Code'], counts: [['won', 2], ['lost', 1]] });
	});

	it('refuses a malformed table declaration or data file with the file, the field and the fix', async () => {
		expect(await problemsOf('table-nothing', await withDataRecord(JSON.stringify(RESULTS), { ...RESULTS_TABLE, rows: '/rows/*' }))).toEqual([
			'documents/data-record/meta.yaml: table.rows: "/rows/*" names nothing in results.json (give the JSON pointer to the rows as the file has them, with "*" for every key or index at a level)'
		]);
		expect(await problemsOf('table-column', await withDataRecord(JSON.stringify(RESULTS), { ...RESULTS_TABLE, columns: [...RESULTS_TABLE.columns, { label: 'Party', value: '/party' }], countBy: 'Seat' }))).toEqual([
			'documents/data-record/meta.yaml: table.countBy: "Seat" is not the label of a column (use one of: Name, Outcome, Code, Party)'
		]);
		expect(await problemsOf('table-cell', await withDataRecord(JSON.stringify(RESULTS), { ...RESULTS_TABLE, columns: [...RESULTS_TABLE.columns, { label: 'Party', value: '/party' }] }))).toEqual([
			'documents/data-record/meta.yaml: table.columns[3].value: "/party" gives nothing in row 1 of results.json (point each column at a text, number or true/false value present in every row)'
		]);
		expect(await problemsOf('table-json', await withDataRecord('{"results": [', RESULTS_TABLE))).toEqual([
			expect.stringMatching(/^documents\/data-record\/results\.json: \(file\): is not valid JSON \(.+\) \(archive the data file exactly as it was published; if it is damaged, obtain an intact copy and update its sha256\)$/)
		]);
		expect(await problemsOf('table-missing', await withDataRecord(JSON.stringify(RESULTS), undefined))).toEqual([
			'documents/data-record/meta.yaml: table: is missing: "results.json" is a data record, and the site shows one only as the table its meta.yaml declares (declare the table (rows, columns, countBy, anchor; see archive/README.md, "Data records"))'
		]);
	});
});

describe('the founding documents’ claims', () => {
	async function familyClaim(claim: Record<string, unknown>): Promise<FixtureArchive> {
		const archive = await validArchive();
		archive.documents[0]!.meta.claimant = 'family';
		archive.site = { claimants: FIXTURE_CLAIMANTS };
		archive.claims = [
			{
				id: 'family-held-since-2002',
				claimant: 'family',
				title: 'Held since 2002',
				finding: 'confirmed',
				allegation: 'The family says he has been held since 2002.',
				allegedIn: [{ document: 'family-letter', paragraph: 2, quote: 'He has been held since 2002.' }],
				evidence: [{ bearing: 'supports', summary: 'The ruling says so.', sources: [{ document: 'court-ruling', page: 2, quote: 'the appeal is rejected' }] }],
				...claim
			}
		];
		return archive;
	}

	it('accepts a claim whose finding its evidence bears', async () => {
		expect(await problemsOf('family-ok', await familyClaim({}))).toEqual([]);
	});

	it('refuses an unknown document, a missing quote, a quote not in the text and an unknown claimant', async () => {
		expect(
			await problemsOf(
				'family-bad-sources',
				await familyClaim({
					claimant: 'the-family',
					allegedIn: [{ document: 'family-letter', paragraph: 2 }],
					evidence: [{ bearing: 'supports', summary: 'x', sources: [{ document: 'no-such-document' }, { document: 'court-ruling', page: 2, quote: 'the appeal is granted' }] }]
				})
			)
		).toEqual([
			'claims/family-held-since-2002.yaml: allegedIn: no source quotes the allegation (quote the claim’s words as the source that makes or records it gives them, or the research notes line that records them)',
			'claims/family-held-since-2002.yaml: allegedIn[0].quote: is missing; "family-letter" has archived text, so the source must quote it (copy the supporting words verbatim from the archived text)',
			'claims/family-held-since-2002.yaml: claimant: is "the-family", which archive/site.yaml does not list among the claimants (use one of: court, family)',
			'claims/family-held-since-2002.yaml: evidence[0].sources[0].document: cites "no-such-document", which is not in the archive (add archive/documents/no-such-document/meta.yaml, or correct the id)',
			'claims/family-held-since-2002.yaml: evidence[0].sources[1].quote: not found in the archived text of "court-ruling": "the appeal is granted" (copy the words exactly from archive/documents/court-ruling/ (whitespace differences are ignored))'
		]);
	});

	it('refuses a finding the evidence cannot bear: the family’s own letter never confirms the family’s claim', async () => {
		expect(await problemsOf('family-self', await familyClaim({ evidence: [{ bearing: 'supports', summary: 'The letter says so.', sources: [{ document: 'family-letter', paragraph: 2, quote: 'He has been held since 2002.' }] }] }))).toEqual([
			'claims/family-held-since-2002.yaml: finding: is "confirmed", but no independent evidence supports the claim (give the finding the evidence bears out (here "claimant-only"), or correct the evidence)'
		]);
		expect(await problemsOf('family-reported', await familyClaim({ finding: 'reported', evidence: [{ bearing: 'supports', summary: 'A report says so.', sources: [{ document: 'news-report' }] }] }))).toEqual([]);
		expect(await problemsOf('family-overstated', await familyClaim({ finding: 'supported', evidence: [{ bearing: 'supports', summary: 'A report says so.', sources: [{ document: 'news-report' }] }] }))).toEqual([
			'claims/family-held-since-2002.yaml: finding: is "supported", but the strongest supporting evidence is secondary reports, which makes it "reported" (give the finding the evidence bears out (here "reported"), or correct the evidence)'
		]);
	});
});
