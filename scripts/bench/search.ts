/**
 * `npm run bench:search`: 2,000 generated documents (about 20 MB of English and Chinese text,
 * Simplified and Traditional) with planted needles. Builds the index with the site's own
 * indexer and options, then prints build time, index size (raw and gzipped, against the
 * gzipped text), load time (parse and ready; no fetch), query latency over 200 queries, and
 * quality: needles found in the top 20, and first results that really contain the query.
 * Runs in Node: the worker runs the same code in the browser.
 *
 * Then a reference in the same process, on the same corpus (issue 15, measurement only): ONE
 * MiniSearch index over all units, with the site's own tokenizer (Chinese as overlapping
 * character pairs, other text split at non-letters) and folding, queried with the same 200
 * queries and the same search options (prefix on the last word, fuzzy 0.2 from 5 characters,
 * AND; without typo tolerance first, with it when nothing is found). Ours is timed from a cold
 * engine (shards parsed and built into an index on first need, no fetch), the reference after
 * loadJSON (timed apart). BENCH_RUNS runs (default 3), interleaved; medians with min–max.
 */
import { gzipSync } from 'node:zlib';
import MiniSearch, { type SearchResult } from 'minisearch';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestDocument } from '../../src/lib/content/manifest';
import { loadFold } from '../../src/lib/search/fold';
import { HELD_TEXT_BOOST, indexOptions, PRIMARY_BOOST, queryOptions, RESEARCH_NOTES_BOOST, shardKeys, type SearchUnit } from '../../src/lib/search/options';
import { containsPhrase, findUnits, prefixTerm, FUZZY_FALLBACK_BELOW, loadEngine, parseQuery, parseUnitId, runSearch, type Engine, type IndexFile, type MiniSearchJson } from '../../src/lib/search/query';
import { hitsOf, queryTerms, UnitTable } from '../../src/lib/search/rank';
import { decodeBase, decodeShard, encodeShard, type CompactShard } from '../../src/lib/search/shard-codec';
import { buildSearchIndex } from '../../src/pipeline/search-index';
import { ms, percentile } from './browser';
import { seeded } from './generate';

/** BENCH_DOCS: a smaller run while working on the search code; the figures to report use 2,000. */
const DOCS = Number(process.env.BENCH_DOCS ?? 2000);
const PARAGRAPHS = 20;
const random = seeded(7);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
/** Words in real text follow Zipf's law: a few are everywhere, most are rare. */
const pickZipf = <T>(list: readonly T[]) => list[Math.min(list.length - 1, Math.floor(Math.exp(random() * Math.log(list.length + 1))) - 1)]!;

// A vocabulary of pseudo-words (English-like) and of Chinese words built from common characters.
const syllables = 'ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu'.split(' ');
const englishWords = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join(''));
const hanPool = [...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严'];
const chineseWords = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(hanPool)).join(''));

/** The needles: [query, how it is planted], each in a few documents. */
const SURNAME = 'Napolitano';
const PHRASE = 'temple in Fangchenggang';
const NAME = '王炳章';
const TITLE_SIMPLIFIED = '中国之春';
const TITLE_TRADITIONAL = '中國之春';
const JUDGMENT = '(2003)深中法刑一初字第41号';

function englishParagraph(words: number): string {
	return Array.from({ length: words }, () => pickZipf(englishWords)).join(' ') + '.';
}
function chineseParagraph(words: number): string {
	return Array.from({ length: words }, () => pickZipf(chineseWords)).join('') + '。';
}

const { Converter } = await import('opencc-js/cn2t');
const toTraditional = Converter({ from: 'cn', to: 't' });

interface Planted {
	needle: string;
	queries: string[];
	docs: Set<string>;
}
const planted: Planted[] = [
	{ needle: SURNAME, queries: [SURNAME], docs: new Set() },
	{ needle: PHRASE, queries: [`"${PHRASE}"`], docs: new Set() },
	{ needle: NAME, queries: [NAME], docs: new Set() },
	{ needle: TITLE_SIMPLIFIED, queries: [TITLE_SIMPLIFIED, TITLE_TRADITIONAL], docs: new Set() },
	{ needle: TITLE_TRADITIONAL, queries: [TITLE_TRADITIONAL, TITLE_SIMPLIFIED], docs: new Set() },
	{ needle: JUDGMENT, queries: [JUDGMENT], docs: new Set() }
];

const started = performance.now();
const documents: ManifestDocument[] = [];
let textBytes = 0;
const allText: string[] = [];
for (let d = 0; d < DOCS; d++) {
	const id = `doc-${String(d).padStart(4, '0')}`;
	// A quarter each: Traditional Chinese, Simplified Chinese, English, and English with Chinese.
	const script = d % 4 === 0 ? 'zh-Hant' : d % 4 === 1 ? 'zh-Hans' : d % 4 === 2 ? 'en' : 'mixed';
	const paragraphs = Array.from({ length: PARAGRAPHS }, () => {
		if (script === 'en') return englishParagraph(60);
		if (script === 'mixed') return `${englishParagraph(30)} ${chineseParagraph(40)}`;
		const zh = chineseParagraph(80);
		return script === 'zh-Hant' ? toTraditional(zh) : zh;
	});
	// Plant needles in a few documents each, in the script that fits.
	for (const p of planted) {
		const wantsChinese = /\p{Script=Han}/u.test(p.needle);
		const fits = wantsChinese ? (p.needle === TITLE_TRADITIONAL ? script === 'zh-Hant' : script === 'zh-Hans') : script === 'en';
		if (fits && p.docs.size < 4 && random() < 0.01) {
			const n = Math.floor(random() * PARAGRAPHS);
			const words = paragraphs[n]!.split(' ');
			paragraphs[n] = wantsChinese ? `${paragraphs[n]!.slice(0, 40)}${p.needle}${paragraphs[n]!.slice(40)}` : [...words.slice(0, 10), p.needle, ...words.slice(10)].join(' ');
			p.docs.add(id);
		}
	}
	for (const p of paragraphs) textBytes += Buffer.byteLength(p);
	allText.push(...paragraphs);
	documents.push({
		id,
		title: `Generated document ${d}`,
		titleSupplied: false,
		kind: 'report',
		primary: d % 3 === 0,
		date: String(1950 + (d % 70)),
		dateApproximate: false,
		precision: 'year',
		issuer: 'Benchmark generator',
		languages: [script],
		identifiers: [],
		seenAt: [],
		rights: 'Generated',
		status: 'original',
		description: 'Generated for the search benchmark.',
		knownToSay: [],
		files: [],
		paragraphs,
		pages: null,
		pageSizes: null,
		citedBy: []
	});
}
const manifest: Manifest = { schemaVersion: MANIFEST_SCHEMA_VERSION, documents, events: [], brief: [], claims: [] };
const textGzip = gzipSync(Buffer.from(allText.join('\n'))).length;
console.log(`Generated ${DOCS} documents, ${(textBytes / 1e6).toFixed(1)} MB of text (${(textGzip / 1e6).toFixed(1)} MB gzipped) in ${ms(performance.now() - started)}`);
for (const p of planted) console.log(`  needle ${JSON.stringify(p.needle)} planted in ${p.docs.size} documents`);

// Build, as the pipeline does.
const buildStart = performance.now();
const built = await buildSearchIndex(manifest);
// Serialized as the pipeline writes them: a base file and one file per shard.
const shardJson = new Map([...built.shards].map(([key, entries]) => [key, JSON.stringify(encodeShard(entries))]));
const json = JSON.stringify({ ...built.file, shards: Object.fromEntries([...built.shards.keys()].map((k) => [k, k])) });
const buildTime = performance.now() - buildStart;
const baseGzip = gzipSync(Buffer.from(json)).length;
const shardGzips = [...shardJson.values()].map((s) => gzipSync(Buffer.from(s)).length);
const rawTotal = json.length + [...shardJson.values()].reduce((n, s) => n + s.length, 0);
const indexGzip = baseGzip + shardGzips.reduce((a, b) => a + b, 0);

const foldStart = performance.now();
const fold = await loadFold();
const foldTime = performance.now() - foldStart;
const parseShard = async (key: string) => JSON.parse(shardJson.get(key)!) as CompactShard;
const newEngine = () => loadEngine(JSON.parse(json) as IndexFile, fold, parseShard);
const engine = newEngine();

const texts = new Map(documents.map((d) => [d.id, d.paragraphs!]));
/** The terms a query searches for, as the index holds them: what decides the shards it loads. */
const queryOf = (q: string) => queryTerms(parseQuery(q).text, (t) => fold(t.toLowerCase()));
/** The shards a query needs: what a cold query fetches. */
const shardsOf = (q: string) => {
	const query = queryOf(q);
	return [...new Set(query.terms.flatMap((t) => shardKeys(t, t === prefixTerm(query), built.file.hanSplits)))];
};
const loadFor = (engine: Engine, q: string) => engine.searcher(queryOf(q).terms, prefixTerm(queryOf(q)));
const textOf = async (doc: string, _unit: 'p' | 'g', n: number) => texts.get(doc)?.[n - 1] ?? '';

// 200 queries: words, prefixes, typos, phrases, Chinese (both scripts), mixed.
interface Query {
	kind: string;
	q: string;
	/** What the first result must contain for it to count as a real match. */
	expect: (text: string) => boolean;
}
const queries: Query[] = [];
const containsWord = (w: string) => (t: string) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(w.toLowerCase());
for (let i = 0; i < 60; i++) {
	const w = pick(englishWords);
	queries.push({ kind: 'word', q: w, expect: containsWord(w) });
}
for (let i = 0; i < 40; i++) {
	const w = pick(englishWords.filter((x) => x.length >= 6));
	const prefix = w.slice(0, 5);
	queries.push({ kind: 'prefix', q: prefix, expect: (t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((x) => x.startsWith(prefix)) });
}
for (let i = 0; i < 30; i++) {
	const w = pick(englishWords.filter((x) => x.length >= 7));
	const at = 2 + Math.floor(random() * (w.length - 3));
	const typo = w.slice(0, at) + (w[at] === 'a' ? 'e' : 'a') + w.slice(at + 1);
	queries.push({ kind: 'typo', q: typo, expect: containsWord(w) });
}
for (let i = 0; i < 20; i++) {
	const doc = pick(documents.filter((d) => d.languages[0] === 'en'));
	const words = pick(doc.paragraphs!).split(' ');
	const at = Math.floor(random() * (words.length - 2));
	const phrase = `${words[at]} ${words[at + 1]}`.replace(/[.]/g, '');
	queries.push({ kind: 'phrase', q: `"${phrase}"`, expect: (t) => containsPhrase(t, phrase, fold) });
}
for (let i = 0; i < 30; i++) {
	const w = pick(chineseWords);
	const q = i % 2 === 0 ? w : toTraditional(w);
	queries.push({ kind: 'chinese', q, expect: (t) => fold(t).includes(fold(q)) });
}
for (let i = 0; i < 20; i++) {
	const doc = pick(documents.filter((d) => d.languages[0] === 'mixed'));
	const paragraph = pick(doc.paragraphs!);
	const word = pick(paragraph.split(' ').slice(0, 30)).replace(/[.]/g, '');
	const han = paragraph.slice(paragraph.search(/\p{Script=Han}/u));
	const at = Math.floor(random() * (han.length - 5));
	const zh = han.slice(at, at + 3);
	queries.push({ kind: 'mixed', q: `${word} ${zh}`, expect: (t) => containsWord(word)(t) && fold(t).includes(zh) });
}

// Load, for what a query needs: parse the base, then the shards of the query's words, and build the
// in-memory index from them (no fetch). Measured from a cold engine for each of the 200 queries.
const loads: number[] = [];
const baseParses: number[] = [];
for (const { q } of queries) {
	const t0 = performance.now();
	const cold = newEngine();
	baseParses.push(performance.now() - t0);
	await loadFor(cold, q);
	loads.push(performance.now() - t0);
}
const latencies: number[] = [];
const byKind = new Map<string, number[]>();
let realFirst = 0;
let answered = 0;
for (const { kind, q, expect } of queries) {
	await loadFor(engine, q); // latency is measured once the query's shards are loaded (timed above)
	const t0 = performance.now();
	const results = await runSearch(engine, q, {}, textOf);
	latencies.push(performance.now() - t0);
	byKind.set(kind, [...(byKind.get(kind) ?? []), latencies.at(-1)!]);
	const first = results.documents[0];
	if (!first) continue;
	answered++;
	if (expect(texts.get(first.id)?.[(first.paragraph ?? 1) - 1] ?? '')) realFirst++;
}

let needlesFound = 0;
let needlesTotal = 0;
for (const p of planted) {
	for (const q of p.queries) {
		const top = new Set((await runSearch(engine, q, {}, textOf)).documents.slice(0, 20).map((d) => d.id));
		for (const doc of p.docs) {
			needlesTotal++;
			if (top.has(doc)) needlesFound++;
			else console.log(`  missed: ${q} → ${doc}`);
		}
	}
}

console.log(`\nSearch benchmark: ${DOCS} documents, ${(textBytes / 1e6).toFixed(1)} MB of text`);
console.log(`  build: ${ms(buildTime)} (${built.shards.size} shards)`);
console.log(`  index: ${(rawTotal / 1e6).toFixed(2)} MB raw, ${(indexGzip / 1e6).toFixed(2)} MB gzipped = ${((indexGzip / textGzip) * 100).toFixed(0)}% of the gzipped text  [goal ≤ 40%]`);
{
	const part = (value: unknown) => `${(gzipSync(Buffer.from(JSON.stringify(value))).length / 1e3).toFixed(0)} kB`;
	const { units, lengths, ...rest } = built.file.base;
	console.log(`    base file parts, gzipped alone: unit ids ${part(units)}, field lengths ${part(lengths)}, MiniSearch's other ${part(rest)}, records' metadata ${part({ docs: built.file.docs, events: built.file.events, claims: built.file.claims })}`);
}
console.log(`    base file ${(baseGzip / 1e3).toFixed(0)} kB gzipped; ${shardGzips.length} shards (the pairs of ${Object.keys(built.file.hanSplits).length} common Chinese characters split into parts), median ${(percentile(shardGzips, 50) / 1e3).toFixed(0)} kB, largest ${(Math.max(...shardGzips) / 1e3).toFixed(0)} kB gzipped`);
{
	// What a cold query fetches of the index: the base file and its terms' shards (gzipped, as served).
	const gzipOf = new Map([...shardJson.keys()].map((k, i) => [k, shardGzips[i]!]));
	const coldBytes = queries.map(({ q }) => baseGzip + shardsOf(q).reduce((n, k) => n + (gzipOf.get(k) ?? 0), 0));
	console.log(`  index bytes a cold query fetches (base + its shards, gzipped): p50 ${(percentile(coldBytes, 50) / 1e3).toFixed(0)} kB, p95 ${(percentile(coldBytes, 95) / 1e3).toFixed(0)} kB, max ${(Math.max(...coldBytes) / 1e3).toFixed(0)} kB  [goal ≤ 250 kB]`);
}
console.log(`  load for what a query needs (base + its shards, parsed and ready, no fetch): p50 ${ms(percentile(loads, 50))}, p95 ${ms(percentile(loads, 95))}  [goal ≤ 300 ms]; of which the base file: p50 ${ms(percentile(baseParses, 50))}; folding tables: ${ms(foldTime)}`);
console.log(`  query latency over ${queries.length} queries: p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}  [goal p95 ≤ 10 ms]`);
console.log(`    by kind: ${[...byKind].map(([k, v]) => `${k} p95 ${ms(percentile(v, 95))}`).join(', ')}`);
console.log(`  needles found in the top 20: ${needlesFound} of ${needlesTotal} (Simplified and Traditional queries included)  [goal: all]`);
console.log(`  first result really contains the query: ${realFirst} of ${answered} answered queries (${queries.length - answered} found nothing)`);

// ————— Reference: one MiniSearch index over all units, against ours from a cold engine —————
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const refOptions = indexOptions(fold);
// The unsplit index: the shards joined again are exactly the terms of the one MiniSearch the
// indexer built from every unit (splitting only partitions its term list), saving a second build.
const refBuildStart = performance.now();
const refJson = JSON.stringify(MiniSearch.loadJS({ ...decodeBase(built.file.base), index: [...built.shards.values()].flat() } as MiniSearchJson, refOptions));
const refBuildTime = performance.now() - refBuildStart;
const refGzip = gzipSync(Buffer.from(refJson)).length;
/** What ours's base file holds besides MiniSearch's part: what results show of each record (gzip is not additive: about). */
const metaGzip = gzipSync(Buffer.from(JSON.stringify({ docs: built.file.docs, events: built.file.events, claims: built.file.claims, records: built.file.records }))).length;

/** The records' metadata result shaping needs (docs, events, claims): the reference uses ours, with its own index. */
const metaEngine = newEngine();
// Its per-term results are MiniSearch's own (search), given to rank.ts as hits over the same units.
const refUnits = new UnitTable(Object.values(decodeBase(built.file.base).documentIds));
const referenceEngine = (mini: MiniSearch<SearchUnit>): Engine => ({ ...metaEngine, searcher: async () => ({ units: refUnits, search: (term, options) => hitsOf(refUnits, mini.search(term, options)) }) });

/** The reference's search alone: MiniSearch's AND over one index, with the same options and fuzzy fallback; no phrase check, grouping or snippets. */
const boostFor = (engine: Engine) => (id: string) => {
	const { type, ref } = parseUnitId(id);
	if (type === 'e' || type === 'c') return 1;
	const doc = engine.docs.get(ref);
	if (!doc || doc.kind === 'research-notes') return RESEARCH_NOTES_BOOST;
	return (doc.primary ? PRIMARY_BOOST : 1) * (doc.status === 'catalogue' ? 1 : HELD_TEXT_BOOST);
};
function bareSearch(engine: Engine, mini: MiniSearch<SearchUnit>, raw: string): SearchResult[] {
	const { text } = parseQuery(raw);
	const options = queryOptions(fold, boostFor(engine));
	const found = mini.search(text, { ...options, fuzzy: false });
	return found.length < FUZZY_FALLBACK_BELOW ? mini.search(text, options) : found;
}

interface Pass {
	/** Per query, in the order of `queries`. */
	times: number[];
	/** Ours: parsing the base file and making the engine. Reference: MiniSearch.loadJSON. Both before timing. */
	load: number;
	/** Ours: of the query times, spent loading shards (parsing and decoding them, each into its index). */
	inMiniFor: number;
	/** Ours: per query, the part of its time spent loading shards. */
	loads?: number[];
	/** Per query, when it ran (performance.now()), to find the garbage collections in it. */
	spans: [number, number][];
}
/** Garbage collections seen (start, duration), for BENCH_SLOWEST. */
const collections: [number, number][] = [];
const gcObserver = new PerformanceObserver((list) => list.getEntries().forEach((e) => collections.push([e.startTime, e.duration])));
if (process.env.BENCH_SLOWEST) gcObserver.observe({ entryTypes: ['gc'] });
const gcIn = ([from, to]: [number, number]) => collections.reduce((sum, [start, duration]) => sum + (start >= from && start < to ? duration : 0), 0);
type Mode = 'full' | 'bare';
async function oursCold(mode: Mode): Promise<Pass> {
	const t0 = performance.now();
	const engine = newEngine();
	const load = performance.now() - t0;
	let inMiniFor = 0;
	const searcher = engine.searcher;
	engine.searcher = async (terms) => {
		const s = performance.now();
		const search = await searcher(terms);
		inMiniFor += performance.now() - s;
		return search;
	};
	const times: number[] = [];
	const loads: number[] = [];
	const spans: [number, number][] = [];
	for (const { q } of queries) {
		const s = performance.now();
		const loadedBefore = inMiniFor;
		if (mode === 'full') await runSearch(engine, q, {}, textOf);
		else await findUnits(engine, parseQuery(q).text);
		const e = performance.now();
		times.push(e - s);
		spans.push([s, e]);
		loads.push(inMiniFor - loadedBefore);
	}
	return { times, load, inMiniFor, loads, spans };
}
async function reference(mode: Mode): Promise<Pass> {
	const t0 = performance.now();
	const mini = MiniSearch.loadJSON<SearchUnit>(refJson, refOptions);
	const load = performance.now() - t0;
	const engine = referenceEngine(mini);
	const times: number[] = [];
	const spans: [number, number][] = [];
	for (const { q } of queries) {
		const s = performance.now();
		if (mode === 'full') await runSearch(engine, q, {}, textOf);
		else bareSearch(engine, mini, q);
		const e = performance.now();
		times.push(e - s);
		spans.push([s, e]);
	}
	return { times, load, inMiniFor: 0, spans };
}

const passes: Record<string, Pass[]> = { 'ours full': [], 'ref full': [], 'ours bare': [], 'ref bare': [] };
const runners: [string, () => Promise<Pass>][] = [
	['ours full', () => oursCold('full')],
	['ref full', () => reference('full')],
	['ours bare', () => oursCold('bare')],
	['ref bare', () => reference('bare')]
];
const compareStart = performance.now();
for (let run = 0; run < RUNS; run++) {
	// Interleaved, the order reversed every other run, so neither side always runs first (JIT, GC, the machine's load).
	for (const [name, runner] of run % 2 === 0 ? runners : [...runners].reverse()) {
		// Each pass from a collected heap: the reference's 54 MB index, loaded by the pass before, is not collected during the next one's queries (npm run bench:search runs with --expose-gc).
		(globalThis as { gc?: () => void }).gc?.();
		passes[name]!.push(await runner());
	}
}
const compareTime = performance.now() - compareStart;

/** The middle value (the mean of the two middle ones for an even count). */
const median = (v: number[]) => {
	const sorted = [...v].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kinds = [...new Set(queries.map((q) => q.kind))];
const timesOf = (pass: Pass, kind?: string) => pass.times.filter((_, i) => !kind || queries[i]!.kind === kind);
/** Median over runs of a per-run figure, with min–max. */
function figure(list: Pass[], of: (p: Pass) => number) {
	const values = list.map(of);
	return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}
const show = (f: { median: number; min: number; max: number }) => `${f.median.toFixed(2)} ms (${f.min.toFixed(2)}–${f.max.toFixed(2)})`;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toPrecision(3) : '∞');
function compareLine(label: string, mode: Mode, of: (p: Pass) => number): string {
	const ours = figure(passes[`ours ${mode}`]!, of);
	const ref = figure(passes[`ref ${mode}`]!, of);
	return `${label}: ours ${show(ours)}, reference ${show(ref)}, ours/reference ${ratio(ours.median, ref.median)}`;
}

/** Needles in the top 20 documents: by runSearch, and by the bare MiniSearch results' first 20 distinct documents. */
async function needles(engine: Engine, mode: Mode, bareDocs: (q: string) => Promise<string[]>) {
	let found = 0;
	let total = 0;
	const missed: string[] = [];
	for (const p of planted) {
		for (const q of p.queries) {
			const top =
				mode === 'full'
					? new Set((await runSearch(engine, q, {}, textOf)).documents.slice(0, 20).map((d) => d.id))
					: new Set((await bareDocs(q)).slice(0, 20));
			for (const doc of p.docs) {
				total++;
				if (top.has(doc)) found++;
				else missed.push(`${q} → ${doc}`);
			}
		}
	}
	return `${found} of ${total}${missed.length ? ` (missed: ${missed.join('; ')})` : ''}`;
}
const refMini = MiniSearch.loadJSON<SearchUnit>(refJson, refOptions);
const refEngine = referenceEngine(refMini);
const needleLines = [
	`ours ${await needles(engine, 'full', async () => [])}, reference ${await needles(refEngine, 'full', async () => [])} (runSearch)`,
	`ours ${await needles(engine, 'bare', async (q) => (await findUnits(engine, parseQuery(q).text)).documents.map((d) => d.ref))}, reference ${await needles(refEngine, 'bare', async (q) => [...new Set(bareSearch(refEngine, refMini, q).map((r) => parseUnitId(String(r.id)).ref))])} (search alone)`
];
let refRealFirst = 0;
let refAnswered = 0;
for (const { q, expect } of queries) {
	const first = (await runSearch(refEngine, q, {}, textOf)).documents[0];
	if (!first) continue;
	refAnswered++;
	if (expect(texts.get(first.id)?.[(first.paragraph ?? 1) - 1] ?? '')) refRealFirst++;
}

console.log(`\nReference: one MiniSearch index over all units (the site's tokenizer: Chinese as character pairs, other text split at non-letters; the same folding and search options)`);
console.log(`  ${RUNS} interleaved runs in ${ms(compareTime)}; medians over runs, (min–max); shared, loaded machine: noisy`);
console.log(`  reference index: built in ${ms(refBuildTime)} (from the same terms), ${(refJson.length / 1e6).toFixed(2)} MB raw, ${(refGzip / 1e6).toFixed(2)} MB gzipped, one file`);
console.log(`  index bytes gzipped: ours ${(indexGzip / 1e6).toFixed(2)} MB (base + ${built.shards.size} shards; ${(metaGzip / 1e3).toFixed(0)} kB of it the records' metadata results show), reference ${(refGzip / 1e6).toFixed(2)} MB (MiniSearch's JSON only), ours/reference ${ratio(indexGzip, refGzip)}; without the metadata ${ratio(indexGzip - metaGzip, refGzip)}`);
console.log(`  ${compareLine('load before timing (ours: base file parsed, engine made; reference: loadJSON of the whole index)', 'full', (p) => p.load)}`);
console.log(`  query time from a cold engine, with the project's result shaping (runSearch: fuzzy fallback, phrase check, grouping, snippets):`);
console.log(`    ${compareLine('p50', 'full', (p) => percentile(p.times, 50))}`);
console.log(`    ${compareLine('p95', 'full', (p) => percentile(p.times, 95))}`);
console.log(`    ${compareLine('total over the 200', 'full', (p) => p.times.reduce((a, b) => a + b, 0))}; of ours, loading shards (parsed, each into its index): ${show(figure(passes['ours full']!, (p) => p.inMiniFor))}`);
for (const kind of kinds) {
	const n = queries.filter((q) => q.kind === kind).length;
	console.log(`    ${kind} (${n}): ${compareLine('p50', 'full', (p) => percentile(timesOf(p, kind), 50))}; ${compareLine('p95', 'full', (p) => percentile(timesOf(p, kind), 95))}`);
}
console.log(`  query time from a cold engine, the search alone (ours: each term in its shard, joined by rank.ts, shards loaded included; reference: MiniSearch's AND; the same options and fuzzy fallback):`);
console.log(`    ${compareLine('p50', 'bare', (p) => percentile(p.times, 50))}`);
console.log(`    ${compareLine('p95', 'bare', (p) => percentile(p.times, 95))}`);
console.log(`    ${compareLine('total over the 200', 'bare', (p) => p.times.reduce((a, b) => a + b, 0))}; of ours, loading shards: ${show(figure(passes['ours bare']!, (p) => p.inMiniFor))}`);
for (const kind of kinds) {
	const n = queries.filter((q) => q.kind === kind).length;
	console.log(`    ${kind} (${n}): ${compareLine('p50', 'bare', (p) => percentile(timesOf(p, kind), 50))}; ${compareLine('p95', 'bare', (p) => percentile(timesOf(p, kind), 95))}`);
}
console.log(`  needles found in the top 20: ${needleLines.join('; ')}`);
// BENCH_SLOWEST=1: where a kind's p95 comes from, ours beside the reference, query by query (first run).
if (process.env.BENCH_SLOWEST) {
	await new Promise((done) => setTimeout(done, 100)); // the observer is told of collections on a later turn
	const gcTotal = (list: Pass[]) => list[0]!.spans.reduce((sum, span) => sum + gcIn(span), 0).toFixed(1);
	console.log(`  garbage collection during the queries (first run): ours full ${gcTotal(passes['ours full']!)} ms, reference full ${gcTotal(passes['ref full']!)} ms, ours bare ${gcTotal(passes['ours bare']!)} ms, reference bare ${gcTotal(passes['ref bare']!)} ms`);
	for (const mode of ['full', 'bare'] as const) {
		const ours = passes[`ours ${mode}`]![0]!;
		const ref = passes[`ref ${mode}`]![0]!;
		const slowest = queries.map((q, i) => ({ ...q, i })).sort((a, b) => ours.times[b.i]! - ours.times[a.i]!).slice(0, 15);
		console.log(`  slowest of ours (${mode}): ${slowest.map(({ kind, q, i }) => `#${i} ${kind} "${q}" ${ours.times[i]!.toFixed(1)} ms (shards ${ours.loads![i]!.toFixed(1)}, gc ${gcIn(ours.spans[i]!).toFixed(1)}; ref ${ref.times[i]!.toFixed(1)}, gc ${gcIn(ref.spans[i]!).toFixed(1)})`).join('; ')}`);
	}
}
console.log(`  first result really contains the query (runSearch): ours ${realFirst} of ${answered}, reference ${refRealFirst} of ${refAnswered} answered`);
