import { beforeAll, describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import type { Manifest } from '../../../src/lib/content/manifest';
import { loadFold, type Fold } from '../../../src/lib/search/fold';
import { indexOptions, type SearchUnit } from '../../../src/lib/search/options';
import { loadEngine, parseQuery, runSearch, snippet, type Engine, type IndexFile, type ShardEntries } from '../../../src/lib/search/query';
import { decodeShard, encodeShard, type CompactShard } from '../../../src/lib/search/shard-codec';
import { tokenize } from '../../../src/lib/search/tokenize';
import { buildSearchIndex } from '../../../src/pipeline/search-index';
import { runPipeline } from '../../../src/pipeline/run';

let fold: Fold;
let manifest: Manifest;
let file: IndexFile;
let shards: Map<string, ShardEntries>;
const shardRequests: string[] = [];
let engine: Engine;
let texts: Map<string, { paragraphs?: string[]; pages?: string[]; rows?: string[] }>;
const textOf = async (doc: string, unit: 'p' | 'g' | 'r', n: number) => (unit === 'p' ? texts.get(doc)?.paragraphs : unit === 'g' ? texts.get(doc)?.pages : texts.get(doc)?.rows)?.[n - 1] ?? '';
const search = (q: string, filters = {}) => runSearch(engine, q, filters, textOf);

beforeAll(async () => {
	fold = await loadFold();
	const result = await runPipeline({ archiveDir: 'archive' });
	manifest = result.manifest!;
	const built = await buildSearchIndex(manifest);
	texts = built.texts;
	shards = built.shards;
	file = { ...built.file, shards: Object.fromEntries([...shards.keys()].map((k) => [k, k])) };
	// The browser's path: serialize, parse, load, with each shard serialized and parsed as it is fetched.
	engine = loadEngine(JSON.parse(JSON.stringify(file)) as IndexFile, fold, async (path) => {
		shardRequests.push(path);
		return decodeShard(JSON.parse(JSON.stringify(encodeShard(shards.get(path)!))) as CompactShard);
	});
});

describe('tokenize', () => {
	it.each([
		['Working Group on Arbitrary Detention', ['Working', 'Group', 'on', 'Arbitrary', 'Detention']],
		['H.Con.Res. 326', ['H', 'Con', 'Res', '326']],
		['王炳章', ['王炳', '炳章']],
		['中国之春 magazine', ['中国', '国之', '之春', 'magazine']],
		['Dr. Wang 王炳章 (2003)', ['Dr', 'Wang', '王炳', '炳章', '2003']],
		['(2003)深中法刑一初字第41号', ['2003', '深中', '中法', '法刑', '刑一', '一初', '初字', '字第', '41', '号']],
		['王', ['王']],
		['<script>alert(1)</script>', ['script', 'alert', '1', 'script']],
		['😀 "', []]
	])('%s', (text, tokens) => {
		expect(tokenize(text)).toEqual(tokens);
	});
});

describe('Simplified and Traditional find each other', () => {
	it('folds Traditional to Simplified', () => {
		expect(fold('中國之春')).toBe('中国之春');
		expect(fold('審判')).toBe('审判');
	});

	it('中國之春 finds what 中国之春 finds, and 審判 finds 审判', () => {
		const units: SearchUnit[] = [
			{ id: 'a', title: '', meta: '', text: '他创办了中国之春杂志' },
			{ id: 'b', title: '', meta: '', text: '秘密审判' },
			{ id: 'c', title: '', meta: '', text: '無關' }
		];
		const mini = new MiniSearch<SearchUnit>(indexOptions(fold));
		mini.addAll(units);
		const ids = (q: string) => mini.search(q, { tokenize, processTerm: (t) => fold(t.toLowerCase()), combineWith: 'AND' }).map((r) => r.id);
		expect(ids('中國之春')).toEqual(['a']);
		expect(ids('中国之春')).toEqual(['a']);
		expect(ids('審判')).toEqual(['b']);
	});
});

describe('queries on the real archive', () => {
	it('finds the resolution by its sponsor’s surname, a primary H.Con.Res. 326 document first', async () => {
		const results = await search('Napolitano');
		expect(results.documents[0]?.id).toMatch(/^hconres326-108-/);
	});

	it('finds the sponsor with a one-letter typo and from a prefix', async () => {
		expect((await search('Napolitamo')).documents[0]?.id).toMatch(/^hconres326-108-/);
		expect((await search('Napolit')).documents[0]?.id).toMatch(/^hconres326-108-/);
	});

	it('ranks the WGAD opinion first among documents for "Working Group on Arbitrary Detention"', async () => {
		expect((await search('Working Group on Arbitrary Detention')).documents[0]?.id).toBe('wgad-opinion-10-2003');
	});

	it('matches a quoted phrase only where its words stand together', async () => {
		const loose = await search('Buddhist Fangchenggang');
		const phrase = await search('"temple in Fangchenggang"');
		const wrongOrder = await search('"Fangchenggang temple in"');
		expect(loose.documents.length + loose.events.length).toBeGreaterThan(0);
		expect(phrase.documents.some((d) => d.id === 'hconres326-108-rfs')).toBe(true);
		expect(wrongOrder.documents.length + wrongOrder.events.length).toBe(0);
	});

	it('finds Chinese names, titles and the judgment number, in either script', async () => {
		for (const q of ['王炳章', '中国之春', '中國之春', '(2003)深中法刑一初字第41号']) {
			const results = await search(q);
			expect(results.documents.length + results.events.length, q).toBeGreaterThan(0);
		}
		expect((await search('(2003)深中法刑一初字第41号')).documents.map((d) => d.id)).toContain('shenzhen-judgment-2003');
	});

	it('links a passage hit to its paragraph and marks the matched words in its snippet', async () => {
		const hit = (await search('blindfolded ransom')).documents.find((d) => d.id === 'hconres326-108-rfs')!;
		expect(hit.paragraph).toBeGreaterThan(0);
		const marked = hit.snippet.filter((s) => s.mark).map((s) => s.text.toLowerCase());
		expect(marked).toEqual(expect.arrayContaining(['blindfolded', 'ransom']));
	});

	it('applies filters for kind, primary or secondary, decade and status', async () => {
		const all = await search('Wang');
		const catalogue = await search('Wang', { status: 'catalogue' });
		expect(catalogue.documents.length).toBeGreaterThan(0);
		expect(catalogue.documents.every((d) => d.status === 'catalogue')).toBe(true);
		expect(all.documents.some((d) => d.status !== 'catalogue')).toBe(true);
		expect(catalogue.events).toEqual([]);
		const primary = await search('Wang', { source: 'primary' });
		expect(primary.documents.length).toBeGreaterThan(0);
		expect(primary.documents.every((d) => d.primary)).toBe(true);
		const news = await search('Wang', { kind: 'news-report' });
		expect(news.documents.length).toBeGreaterThan(0);
		expect(news.documents.every((d) => d.label === 'News report')).toBe(true);
		const decade = await search('Wang', { decade: '1980s' });
		expect(decade.events.length).toBeGreaterThan(0);
		expect(decade.events.every((e) => /19[89]\d/.test(e.dateLabel))).toBe(true);
		expect(decade.events.length).toBeLessThan(all.events.length);
	});

	it('survives bad input: empty, huge, regex and HTML characters, emoji, unbalanced quotes', async () => {
		for (const q of ['', '   ', 'x'.repeat(10_000), '.*+?^${}()|[]\\', '<img src=x onerror=alert(1)>', '😀😀', '"unbalanced', '""', '"a']) {
			const results = await search(q);
			expect(results.query).toBe(q);
		}
		expect(parseQuery('x'.repeat(10_000)).text.length).toBeLessThanOrEqual(300);
	});
});

describe('the serialized index', () => {
	it('round-trips: build → serialize → load (shard by shard) gives the same results as the index built in memory', async () => {
		const direct = new MiniSearch<SearchUnit>(indexOptions(fold));
		const { searchUnits } = await import('../../../src/pipeline/search-index');
		direct.addAll(searchUnits(manifest));
		const fresh: Engine = { ...engine, miniFor: async () => direct };
		for (const q of ['Napolitano', 'Thai police', '王炳章', 'Arbitrary', 'McGill']) {
			expect(await runSearch(engine, q, {}, textOf)).toEqual(await runSearch(fresh, q, {}, textOf));
		}
	});

	it('refuses an index of another schema version', () => {
		expect(() => loadEngine({ ...file, schemaVersion: 999 }, fold, async () => [])).toThrow(/schema version 999/);
	});

	it('encodes shards compactly and decodes them to exactly MiniSearch’s form', () => {
		for (const entries of shards.values()) expect(decodeShard(JSON.parse(JSON.stringify(encodeShard(entries))) as CompactShard)).toEqual(entries);
	});

	it('loads only the shards a query needs, once each', async () => {
		shardRequests.length = 0;
		const lazy = loadEngine(file, fold, async (path) => {
			shardRequests.push(path);
			return shards.get(path)!;
		});
		await runSearch(lazy, 'Napolitano', {}, textOf);
		expect(shardRequests).toEqual(['n']);
		await runSearch(lazy, 'Napol', {}, textOf);
		await runSearch(lazy, 'Napolitano 王炳章', {}, textOf);
		expect(shardRequests.length).toBeLessThanOrEqual(3);
		expect(shardRequests.length).toBeLessThan(shards.size);
	});
});

describe('snippets', () => {
	it('are plain segments: HTML in the text stays text', () => {
		const s = snippet('before <b>bold</b> Wang after', ['wang'], fold);
		expect(s).toEqual([
			{ text: 'before <b>bold</b> ', mark: false },
			{ text: 'Wang', mark: true },
			{ text: ' after', mark: false }
		]);
	});
});
