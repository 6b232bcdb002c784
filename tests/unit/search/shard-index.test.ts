/**
 * The browser's index structure: one MiniSearch per shard over statistics read once
 * (src/lib/search/shard-index.ts), and a query's terms joined per document (src/lib/search/rank.ts).
 * On a small generated corpus, built by the site's own indexer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestDocument } from '../../../src/lib/content/manifest';
import { loadFold, type Fold } from '../../../src/lib/search/fold';
import { indexOptions, queryOptions, shardKey, type SearchUnit } from '../../../src/lib/search/options';
import { loadEngine, MAX_HITS_PER_GROUP, runSearch, type Engine, type IndexFile, type MiniSearchJson, type ShardEntries } from '../../../src/lib/search/query';
import { APART, hitsOf, queryTerms, rank, unitFields, unitTerms, UnitTable, type TermHits, type TermMatch } from '../../../src/lib/search/rank';
import { decodeBase, decodeShard, encodeBase, encodeShard, type CompactShard } from '../../../src/lib/search/shard-codec';
import { IndexStatistics } from '../../../src/lib/search/shard-index';
import { buildSearchIndex, searchUnits, type DocumentTexts } from '../../../src/pipeline/search-index';

function generatedDocument(id: string, paragraphs: string[]): ManifestDocument {
	return {
		id,
		title: `Generated document ${id}`,
		titleSupplied: false,
		kind: 'report',
		primary: false,
		date: '2000',
		dateApproximate: false,
		precision: 'year',
		issuer: 'Test generator',
		languages: ['en'],
		identifiers: [],
		seenAt: [],
		rights: 'Generated',
		status: 'original',
		description: 'Generated for a unit test.',
		knownToSay: [],
		files: [],
		unpublished: [],
		completeness: undefined,
		machineRead: null,
		table: null,
		paragraphs,
		pages: null,
		pageSizes: null,
		citedBy: []
	};
}

// Words that repeat, so that scores differ by frequency and length; a typo and a prefix to find.
const filler = 'the report of the committee on the matter of the detention was read and noted'.split(' ');
const fill = (seed: number, n: number) => Array.from({ length: n }, (_, i) => filler[(seed * 7 + i * 3) % filler.length]).join(' ');
const corpus: ManifestDocument[] = [
	// The two words apart, on different paragraphs.
	generatedDocument('apart', [`${fill(1, 12)} Fangchenggang ${fill(2, 6)}`, fill(3, 20), `${fill(4, 9)} Napolitano ${fill(5, 9)}`]),
	// The same two words together, on one paragraph; the other paragraph as long as "apart"'s middle one.
	generatedDocument('together', [fill(6, 20), `${fill(7, 12)} Fangchenggang ${fill(8, 6)}`, `${fill(9, 9)} Napolitano Fangchenggang ${fill(10, 8)}`]),
	// Only one of the words: never a hit for both.
	generatedDocument('one-word', [`${fill(11, 10)} Napolitano`, fill(12, 15)]),
	// A Chinese name whole, and a document whose pages hold only its pairs apart.
	generatedDocument('name-whole', [`${fill(13, 5)} 王炳章 ${fill(14, 5)}`]),
	generatedDocument('name-apart', [`${fill(15, 5)} 王炳 ${fill(16, 5)}`, `${fill(17, 5)} 炳章 ${fill(18, 5)}`]),
	...Array.from({ length: 30 }, (_, i) => generatedDocument(`filler-${i}`, [fill(20 + i, 30), `${fill(60 + i, 10)} detention committee ${i % 3 === 0 ? 'Napolitanos' : 'report'}`]))
];

let fold: Fold;
let manifest: Manifest;
let file: IndexFile;
let shards: Map<string, ShardEntries>;
let texts: Map<string, unknown>;
const textOf = async (doc: string, unit: 'p' | 'g' | 'r', n: number) => ((texts.get(doc) as DocumentTexts | undefined)?.paragraphs ?? [])[n - 1] ?? '';
const engineOver = (order: string[] = []) => {
	const engine = loadEngine(JSON.parse(JSON.stringify(file)) as IndexFile, fold, async (path) => {
		order.push(path);
		return JSON.parse(JSON.stringify(encodeShard(shards.get(path)!))) as CompactShard;
	});
	return engine;
};
const QUERIES = ['Fangchenggang Napolitano', 'Napolitano', 'Napol', 'napolitamo', 'detention committee', 'report detention Napolitano', '王炳章', '王炳', 'committee 王炳章', 'matter', '"the committee"'];

beforeAll(async () => {
	fold = await loadFold();
	manifest = { schemaVersion: MANIFEST_SCHEMA_VERSION, documents: corpus, events: [], brief: [], claims: [] } as unknown as Manifest;
	const built = await buildSearchIndex(manifest);
	shards = built.shards;
	texts = built.texts;
	file = { ...built.file, shards: Object.fromEntries([...shards.keys()].map((k) => [k, k])) };
});

/** Hits as plain matches, best first (MiniSearch's order for equal scores: first met first), to compare with MiniSearch's own search. */
const asMatches = (table: UnitTable, hits: TermHits): TermMatch[] =>
	[...hits.units].map((unit, i) => ({ id: table.ids[unit]!, score: hits.scores[i]!, match: hits.match(unit) })).sort((a, b) => b.score - a.score);

describe('one index per shard, over the statistics read once', () => {
	it('writes the base compactly and reads back exactly MiniSearch’s form', () => {
		const mini = new MiniSearch<SearchUnit>(indexOptions(fold));
		mini.addAll(searchUnits(manifest));
		const { index: _terms, ...base } = mini.toJSON() as MiniSearchJson;
		const compact = JSON.parse(JSON.stringify(encodeBase(base))) as ReturnType<typeof encodeBase>;
		expect(decodeBase(compact)).toEqual(base);
		// Each document's paragraphs are one run.
		expect(compact.units.length).toBe(corpus.length * 2);
	});

	it('scores and matches every term exactly as MiniSearch loading the same shard with the base does: exact, prefix and typo matches, with and without a document boost', () => {
		const options = indexOptions(fold);
		const statistics = new IndexStatistics(file.base, options.fields);
		const boostDocument = (id: string) => (id.includes('filler-1') ? 0.5 : id.startsWith('p:') ? 1.5 : 1);
		for (const [key, entries] of shards) {
			const ours = statistics.withTerms(encodeShard(entries));
			const theirs = MiniSearch.loadJS({ ...decodeBase(file.base), index: entries } as MiniSearchJson, options);
			for (const [term] of entries.slice(0, 40)) {
				for (const boost of [undefined, boostDocument]) {
					const search = { ...queryOptions(fold, boost), tokenize: (t: string) => [t], processTerm: (t: string) => t };
					for (const variant of [{ prefix: false, fuzzy: false }, { prefix: true, fuzzy: false }, { prefix: false, fuzzy: 0.3 }, { prefix: true, fuzzy: 0.3 }] as const) {
						const expected = theirs.search(term, { ...search, ...variant }).map(({ id, score, match }) => ({ id, score, match }));
						expect(asMatches(statistics.units, ours.matches(term, { ...search, ...variant })), `${key}: ${term}`).toEqual(expected);
					}
				}
			}
		}
	});

	it('gives a term the same scores as one index over every term (a term lives in one shard only)', () => {
		const options = indexOptions(fold);
		const whole = MiniSearch.loadJS({ ...decodeBase(file.base), index: [...shards.values()].flat() } as MiniSearchJson, options);
		const statistics = new IndexStatistics(file.base, options.fields);
		const exact = { tokenize: (t: string) => [t], processTerm: (t: string) => t, prefix: false, fuzzy: false };
		for (const term of ['napolitano', 'fangchenggang', 'detention', '王炳', '炳章']) {
			const shard = statistics.withTerms(encodeShard(shards.get(shardKey(term))!));
			const found = asMatches(statistics.units, shard.matches(term, exact));
			expect(found.length).toBeGreaterThan(0);
			expect(found).toEqual(whole.search(term, exact).map(({ id, score, match }) => ({ id, score, match })));
		}
	});

	it('gives the same results whatever order the shards were loaded in', async () => {
		const forward = engineOver();
		const backward = engineOver();
		const warmed = engineOver();
		// Every shard loaded first, last to first, through one of its own terms.
		for (const entries of [...shards.values()].reverse()) await warmed.searcher([entries[0]![0]]);
		const backwardResults = new Map<string, unknown>();
		for (const q of [...QUERIES].reverse()) backwardResults.set(q, await runSearch(backward, q, {}, textOf));
		for (const q of QUERIES) {
			const first = await runSearch(forward, q, {}, textOf);
			expect(first, q).toEqual(backwardResults.get(q));
			expect(first, q).toEqual(await runSearch(warmed, q, {}, textOf));
		}
	});

	it('fetches each shard once, and only the shards a query’s terms need', async () => {
		const order: string[] = [];
		const engine = engineOver(order);
		await runSearch(engine, 'Napolitano', {}, textOf);
		expect(order).toEqual(['na']);
		await runSearch(engine, 'Napol Fangchenggang', {}, textOf);
		await runSearch(engine, 'napolitano', {}, textOf);
		expect(order).toEqual(['na', 'fa']);
	});
});

describe('a common Chinese character’s pairs split into parts', () => {
	it('finds the same as the unsplit index, a lone character typed as a prefix included, fetching only the parts a query needs', async () => {
		// A budget of one posting: every group whose pairs are found twice or more is split (王's and 炳's: 王炳 and 炳章 twice each).
		const split = await buildSearchIndex(manifest, { shardPostings: 1 });
		const group = (char: string) => char.codePointAt(0)! % 256;
		expect(split.file.hanSplits).toEqual({ [group('王')]: 2, [group('炳')]: 2 });
		expect(file.hanSplits).toEqual({});
		const splitEngineOver = (fetched: string[] = []) =>
			loadEngine({ ...split.file, shards: Object.fromEntries([...split.shards.keys()].map((k) => [k, k])) }, fold, async (key) => {
				fetched.push(key);
				return JSON.parse(JSON.stringify(encodeShard(split.shards.get(key)!))) as CompactShard;
			});
		const splitEngine = splitEngineOver();
		const whole = engineOver();
		const shown = (r: Awaited<ReturnType<typeof runSearch>>) => r.documents.map((d) => [d.id, d.paragraph, d.snippet]);
		for (const q of ['王炳章', '王炳', '王', 'committee 王炳章', '炳']) {
			const [ours, theirs] = [await runSearch(splitEngine, q, {}, textOf), await runSearch(whole, q, {}, textOf)];
			expect(shown(ours), q).toEqual(shown(theirs));
			expect(ours.documents.length, q).toBeGreaterThan(0);
		}
		// 王炳章's pairs: one part of 王's and one of 炳's; the lone 王 as a prefix: its own shard and both parts.
		let fetched: string[] = [];
		await splitEngineOver(fetched).searcher(['王炳', '炳章']);
		expect(fetched.sort()).toEqual([`h${group('王')}-${'炳'.codePointAt(0)! % 2}`, `h${group('炳')}-${'章'.codePointAt(0)! % 2}`].sort());
		fetched = [];
		await splitEngineOver(fetched).searcher(['王'], '王');
		expect(fetched.sort()).toEqual([`h${group('王')}`, `h${group('王')}-0`, `h${group('王')}-1`].filter((k) => split.shards.has(k)).sort());
	});
});

describe('a query is matched against a document as a whole', () => {
	let engine: Engine;
	beforeAll(() => {
		engine = engineOver();
	});

	it('finds a document whose words are on different paragraphs, below one that has them together, and leads each to its best paragraph', async () => {
		const { documents } = await runSearch(engine, 'Fangchenggang Napolitano', {}, textOf);
		expect(documents.map((d) => d.id)).toEqual(['together', 'apart']);
		// "together" leads to the paragraph with both words; "apart" to one with one of them.
		expect(documents[0]!.paragraph).toBe(3);
		expect([1, 3]).toContain(documents[1]!.paragraph);
		expect(documents[0]!.snippet.filter((s) => s.mark).map((s) => s.text.toLowerCase()).sort()).toEqual(['fangchenggang', 'napolitano']);
	});

	it('never finds a document that lacks one of the words', async () => {
		const { documents } = await runSearch(engine, 'Fangchenggang Napolitano', {}, textOf);
		expect(documents.map((d) => d.id)).not.toContain('one-word');
	});

	it('finds a Chinese name only where its character pairs stand together', async () => {
		const { documents } = await runSearch(engine, '王炳章', {}, textOf);
		expect(documents.map((d) => d.id)).toEqual(['name-whole']);
		// A name and a word: the name whole in one paragraph, the word anywhere in the document.
		expect((await runSearch(engine, 'committee 王炳章', {}, textOf)).documents.map((d) => d.id)).toEqual(['name-whole']);
	});

	it('checks a quoted phrase within one paragraph', async () => {
		const { documents } = await runSearch(engine, '"detention committee"', {}, textOf);
		expect(documents.length).toBe(MAX_HITS_PER_GROUP);
		expect(documents.every((d) => d.id.startsWith('filler-') && d.paragraph === 2)).toBe(true);
		expect((await runSearch(engine, '"Napolitano Fangchenggang"', {}, textOf)).documents.map((d) => d.id)).toEqual(['together']);
		expect((await runSearch(engine, '"Fangchenggang Napolitano"', {}, textOf)).documents).toEqual([]);
	});
});

describe('joining terms (rank)', () => {
	const found = (id: string, score: number, term: string): TermMatch => ({ id, score, match: { [term]: ['text'] } });
	const query = queryTerms('alpha beta', (t) => t.toLowerCase());
	/** Ranks plain matches, one list per term, over a table of the units they name. */
	const rankOf = (lists: TermMatch[][], keep?: (id: string) => boolean) => {
		const table = new UnitTable([...new Set(lists.flat().map((m) => m.id))]);
		return rank(query, table, lists.map((list) => hitsOf(table, list)), keep);
	};

	it('reads a query into words and their terms, a Chinese stretch as its pairs, each word once', () => {
		expect(queryTerms('王炳章 Wang wang', (t) => t.toLowerCase())).toEqual({ terms: ['王炳', '炳章', 'wang'], words: [['王炳', '炳章'], ['wang']], last: 'wang' });
	});

	it('scores an event as MiniSearch’s AND does, and leaves out one that lacks a word', () => {
		const ranked = rankOf([[found('e:one', 2, 'alpha'), found('e:two', 5, 'alpha')], [found('e:one', 1, 'beta')]]);
		expect(ranked.events.map((e) => [e.id, e.score, e.words])).toEqual([['e:one', (2 + 1) * 2, 2]]);
		expect(unitTerms(ranked.events[0]!)).toEqual(['alpha', 'beta']);
		expect(unitFields(ranked.events[0]!)).toEqual({ alpha: ['text'], beta: ['text'] });
	});

	it('ranks a document with its words together above one with the same scores apart, by APART', () => {
		const ranked = rankOf([
			[found('p:a:1', 3, 'alpha'), found('p:b:4', 3, 'alpha')],
			[found('p:a:2', 2, 'beta'), found('p:b:4', 2, 'beta')]
		]);
		expect(ranked.documents.map((d) => [d.ref, d.score, d.together, d.units[0]!.id])).toEqual([
			['b', (3 + 2) * 2, true, 'p:b:4'],
			['a', (3 + 2) * 2 * APART, false, 'p:a:1']
		]);
	});

	it('leaves out the units a filter excludes', () => {
		const ranked = rankOf([[found('p:a:1', 3, 'alpha')], [found('p:a:1', 2, 'beta')]], (id) => !id.includes(':a:'));
		expect(ranked.documents).toEqual([]);
	});
});
