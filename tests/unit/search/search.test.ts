import { beforeAll, describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import type { Manifest } from '../../../src/lib/content/manifest';
import { loadFold, type Fold } from '../../../src/lib/search/fold';
import { indexOptions, type SearchUnit } from '../../../src/lib/search/options';
import { loadEngine, parseQuery, passageLang, runSearch, snippet, type Engine, type IndexFile, type RecordTexts, type ShardEntries } from '../../../src/lib/search/query';
import { markedWords, textRuns } from '../../../src/lib/search/runs';
import { highlightTerms } from '../../../src/lib/search/highlight';
import { hitsOf } from '../../../src/lib/search/rank';
import { decodeShard, encodeShard, readVarints, varints, type CompactShard } from '../../../src/lib/search/shard-codec';
import { tokenize } from '../../../src/lib/search/tokenize';
import { buildSearchIndex, markKept, type DocumentTexts } from '../../../src/pipeline/search-index';
import { SIMPLIFIED_ONLY } from '../../e2e/interface-language';
import { Converter } from 'opencc-js/cn2t';

const toTraditional = Converter({ from: 'cn', to: 'tw' });
import { runPipeline } from '../../../src/pipeline/run';

let fold: Fold;
let manifest: Manifest;
let file: IndexFile;
let shards: Map<string, ShardEntries>;
const shardRequests: string[] = [];
let engine: Engine;
let texts: Map<string, DocumentTexts | RecordTexts>;
const passages = (doc: string) => texts.get(doc) as DocumentTexts | undefined;
const textOf = async (doc: string, unit: 'p' | 'g' | 'r', n: number) => (unit === 'p' ? passages(doc)?.paragraphs : unit === 'g' ? passages(doc)?.pages : passages(doc)?.rows)?.[n - 1] ?? '';
const search = (q: string, filters = {}, locale = 'en') => runSearch(engine, q, filters, textOf, locale);
const recordsRequested: string[] = [];

beforeAll(async () => {
	fold = await loadFold();
	const result = await runPipeline({ archiveDir: 'archive' });
	manifest = result.manifest!;
	const built = await buildSearchIndex(manifest);
	texts = built.texts;
	shards = built.shards;
	file = { ...built.file, shards: Object.fromEntries([...shards.keys()].map((k) => [k, k])) };
	// The browser's path: serialize, parse, load, with each shard serialized and parsed as it is fetched.
	engine = loadEngine(
		JSON.parse(JSON.stringify(file)) as IndexFile,
		fold,
		async (path) => {
			shardRequests.push(path);
			return JSON.parse(JSON.stringify(encodeShard(shards.get(path)!))) as CompactShard;
		},
		async (name) => {
			recordsRequested.push(name);
			return JSON.parse(JSON.stringify(texts.get(name))) as RecordTexts;
		}
	);
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
		expect(news.documents.every((d) => d.kind === 'news-report')).toBe(true);
		const decade = await search('Wang', { decade: '1980s' });
		expect(decade.events.length).toBeGreaterThan(0);
		expect(decade.events.every((e) => /^19[89]\d/.test(e.date!.start))).toBe(true);
		expect(decade.events.length).toBeLessThan(all.events.length);
	});

	it('survives bad input: empty, huge, regex and HTML characters, emoji, unbalanced quotes', async () => {
		for (const q of ['', '   ', 'x'.repeat(10_000), '.*+?^${}()|[]\\', '<img src=x onerror=alert(1)>', '😀😀', '"unbalanced', '""', '"a', '「', '“”']) {
			for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
				const results = await search(q, {}, locale);
				expect(results.query).toBe(q);
			}
		}
		expect(parseQuery('x'.repeat(10_000)).text.length).toBeLessThanOrEqual(300);
	});

	it('says when a query holds nothing to search for, and when only its start was searched', async () => {
		for (const q of ['😀 "', '.*+?^${}()|[]\\', '“”', '。，、']) expect((await search(q)).searchable, q).toBe(false);
		expect((await search('Wang')).searchable).toBe(true);
		expect((await search('x'.repeat(301))).truncated).toBe(true);
		expect((await search('x'.repeat(300))).truncated).toBe(false);
	});
});

describe('the serialized index', () => {
	it('round-trips: build → serialize → load (shard by shard) gives the same results as the index built in memory', async () => {
		const direct = new MiniSearch<SearchUnit>(indexOptions(fold));
		const { searchUnits } = await import('../../../src/pipeline/search-index');
		direct.addAll(searchUnits(manifest));
		const { units } = await engine.searcher([]);
		const fresh: Engine = { ...engine, searcher: async () => ({ units, search: (term, options) => hitsOf(units, direct.search(term, options)) }) };
		for (const q of ['Napolitano', 'Thai police', '王炳章', 'Arbitrary', 'McGill']) {
			expect(await runSearch(engine, q, {}, textOf)).toEqual(await runSearch(fresh, q, {}, textOf));
		}
	});

	it('names each Chinese interface’s record texts by a hash of their content', () => {
		expect(Object.keys(file.records).sort()).toEqual(['zh-Hans', 'zh-Hant']);
		for (const [locale, name] of Object.entries(file.records)) {
			expect(name).toMatch(new RegExp(`^records\\.${locale}\\.[0-9a-f]{12}$`));
			expect((texts.get(name) as RecordTexts).locale).toBe(locale);
		}
	});

	it('refuses an index of another schema version', () => {
		expect(() => loadEngine({ ...file, schemaVersion: 999 }, fold, async () => [])).toThrow(/schema version 999/);
	});

	it('writes postings as varints in base64 and reads them back, large numbers included, and refuses what is not a count', () => {
		const numbers = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 31, 2 ** 40];
		expect(readVarints(varints(numbers))).toEqual(numbers);
		expect(varints([1, 2, 3])).toBe(btoa('\x01\x02\x03'));
		expect(() => varints([-1])).toThrow(/not a non-negative integer/);
	});

	it('encodes shards compactly, terms in code-unit order (looked up by binary search), and decodes them to exactly MiniSearch’s form', () => {
		for (const entries of shards.values()) {
			const compact = JSON.parse(JSON.stringify(encodeShard(entries))) as CompactShard;
			const terms = compact.map(([term]) => term);
			expect(terms).toEqual([...terms].sort());
			expect(new Map(decodeShard(compact))).toEqual(new Map(entries));
		}
	});

	it('loads only the shards a query needs, once each', async () => {
		shardRequests.length = 0;
		const lazy = loadEngine(file, fold, async (path) => {
			shardRequests.push(path);
			return encodeShard(shards.get(path)!);
		});
		await runSearch(lazy, 'Napolitano', {}, textOf);
		expect(shardRequests).toEqual(['na']);
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

describe('the archive’s translations are searchable, and results come in the reader’s language', () => {
	const abduction = 'abduction-2002';

	it('绑架 (and Traditional 綁架) finds the abduction through its Chinese summary, for a reader of any interface', async () => {
		for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
			for (const q of ['绑架', '綁架', '劫持']) expect((await search(q, {}, locale)).events.map((e) => e.id), `${q} (${locale})`).toContain(abduction);
		}
	});

	it('gives a Chinese reader the titles and snippets of the archive’s words in their script', async () => {
		const hans = (await search('绑架', {}, 'zh-Hans')).events.find((e) => e.id === abduction)!;
		expect(hans).toMatchObject({ title: '在越南被绑架并带入中国', titleLang: 'zh-Hans', snippetLang: 'zh-Hans', snippetOwn: true });
		expect(markedWords(hans.snippet)).toContain('绑架');
		const hant = (await search('綁架', {}, 'zh-Hant')).events.find((e) => e.id === abduction)!;
		expect(hant).toMatchObject({ title: '在越南被綁架並帶入中國', titleLang: 'zh-Hant', snippetLang: 'zh-Hant', snippetOwn: true });
		expect(markedWords(hant.snippet)).toContain('綁架');
	});

	it('shows an English reader who searches in Chinese the Simplified text it matched, in its language', async () => {
		const hit = (await search('劫持')).events.find((e) => e.id === abduction)!;
		expect(hit).toMatchObject({ title: 'Abducted in Vietnam and taken into China', titleLang: 'en', snippetLang: 'zh-Hans', snippetOwn: false });
		expect(markedWords(hit.snippet)).toContain('劫持');
	});

	it('keeps English snippets for English words on a Chinese interface, marked as English', async () => {
		const hit = (await search('blindfolded', {}, 'zh-Hant')).documents.find((d) => d.id === 'hconres326-108-rfs')!;
		expect(hit).toMatchObject({ snippetLang: 'en', snippetOwn: false });
		expect(markedWords(hit.snippet).map((w) => w.toLowerCase())).toContain('blindfolded');
	});

	it('a Traditional query 中國之春 finds the Simplified documents 中国之春 finds, their passages marked in Simplified', async () => {
		const trad = await search('中國之春', {}, 'zh-Hant');
		const simp = await search('中国之春', {}, 'zh-Hant');
		expect(trad.documents.map((d) => d.id)).toEqual(simp.documents.map((d) => d.id));
		expect(trad.documents.length).toBeGreaterThan(0);
		// A source's passage keeps its own (Simplified) script in the snippet, marked where the Traditional query matched.
		const passage = trad.documents.find((d) => d.paragraph !== undefined && !d.snippetOwn);
		expect(passage, 'a passage of a source').toBeDefined();
		expect(markedWords(passage!.snippet)).toContain('中国之春');
		// The archive's words come in Traditional, the query's words marked there.
		expect(trad.documents.some((d) => d.snippetOwn && d.snippetLang === 'zh-Hant' && markedWords(d.snippet).includes('中國之春'))).toBe(true);
	});

	it('leads a record found through its translation to the source’s own matching passage; one found through its English stays a record hit', async () => {
		const chinese = (await search('王炳章', {}, 'zh-Hant')).documents.find((d) => d.id === 'beijing-spring-2010-liu-chang')!;
		expect(chinese.paragraph).toBeGreaterThan(0);
		expect(chinese).toMatchObject({ snippetLang: 'zh-Hans', snippetOwn: false });
		const english = (await search('Wang')).documents.find((d) => d.id === 'release-dr-wang-bingzhang-2022')!;
		expect(english.paragraph).toBeUndefined();
	});

	it('indexes the claims, in English and Chinese, and leaves them out when a document filter is set', async () => {
		expect((await search('bomb Embassy Bangkok')).claims.map((c) => c.id)).toContain('embassy-bomb-plot');
		const zh = await search('爆炸 大使馆', {}, 'zh-Hans');
		const claim = zh.claims.find((c) => c.id === 'embassy-bomb-plot')!;
		expect(claim).toMatchObject({ type: 'claim', claimant: 'court', finding: 'contradicted', titleLang: 'zh-Hans', snippetOwn: true });
		expect((await search('爆炸 大使館', {}, 'zh-Hant')).claims.map((c) => c.id)).toContain('embassy-bomb-plot');
		expect((await search('bomb Embassy', { source: 'primary' })).claims).toEqual([]);
		expect((await search('bomb Embassy', { decade: '2000s' })).claims).toEqual([]);
	});

	it('shows a Chinese document’s own title first on a Chinese interface, as the source’s words', async () => {
		const hit = (await search('(2003)深中法刑一初字第41号', {}, 'zh-Hant')).documents.find((d) => d.id === 'shenzhen-judgment-2003')!;
		const doc = manifest.documents.find((d) => d.id === 'shenzhen-judgment-2003')!;
		if (doc.originalTitle?.lang.startsWith('zh')) expect(hit).toMatchObject({ title: doc.originalTitle.text, titleLang: doc.originalTitle.lang, titleSource: true });
		else expect(hit.titleSource).toBe(!doc.titleSupplied);
	});

	it('fetches a Chinese interface’s record texts once, and an English reader’s only for a Chinese query', async () => {
		recordsRequested.length = 0;
		const fresh = loadEngine(file, fold, async (path) => encodeShard(shards.get(path)!), async (name) => {
			recordsRequested.push(name);
			return texts.get(name) as RecordTexts;
		});
		await runSearch(fresh, 'Napolitano', {}, textOf, 'en');
		expect(recordsRequested).toEqual([]);
		await runSearch(fresh, '王炳章', {}, textOf, 'en');
		expect(recordsRequested).toEqual([file.records['zh-Hans']]);
		await runSearch(fresh, 'Wang', {}, textOf, 'zh-Hant');
		await runSearch(fresh, '王炳章', {}, textOf, 'zh-Hant');
		expect(recordsRequested).toEqual([file.records['zh-Hans'], file.records['zh-Hant']]);
	});

	it('Traditional record texts mark every word they keep in Simplified', () => {
		// Marking compares the Traditional with OpenCC's conversion of the Simplified, character by character.
		const pairs = [...manifest.events, ...manifest.documents, ...manifest.claims].flatMap((r) => {
			const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
			const [hans, hant] = [strings(r['zh-Hans']), strings(r['zh-Hant'])];
			return hans.map((h, i) => [h, hant[i]!] as const);
		});
		expect(pairs.length).toBeGreaterThan(100);
		expect(pairs.filter(([hans, hant]) => toTraditional(hans).length !== hant.length)).toEqual([]);
		const hant = texts.get(file.records['zh-Hant']!) as RecordTexts;
		const strings = [...Object.values(hant.events), ...Object.values(hant.docs).map((d) => ({ ...d, title: d.titleSource ? '' : d.title })), ...Object.values(hant.claims)].flatMap((r) => [r.title, r.text]);
		expect(strings.some((s) => s.includes('⟪锋⟫'))).toBe(true);
		// Outside the kept words, only what OpenCC itself writes in Traditional (皇后, 獲准, 若干).
		const outside = new Set([...strings.map((s) => s.replace(/⟪[^⟫]*⟫/g, '')).join('')].filter((c) => SIMPLIFIED_ONLY.has(c)));
		expect([...outside].filter((c) => !'后准干'.includes(c))).toEqual([]);
	});

	it('a result’s language follows its record: the English title of an untranslated record is flagged on a Chinese interface', async () => {
		const bare = { ...(texts.get(file.records['zh-Hans']!) as RecordTexts), events: {} };
		const untranslated = loadEngine(file, fold, async (path) => encodeShard(shards.get(path)!), async () => bare);
		const hit = (await runSearch(untranslated, 'Napolitano', {}, textOf, 'zh-Hans')).events[0]!;
		expect(hit).toMatchObject({ titleLang: 'en', untranslated: true });
	});
});

describe('folding and marking', () => {
	it('folds Taiwan’s forms and 於 as the Simplified texts write them', () => {
		expect(fold('關押著王炳章')).toBe('关押着王炳章');
		expect(fold('處於單獨監禁')).toBe('处于单独监禁');
		expect(fold('著名')).toBe('著名');
		expect(fold('Wang 2003')).toBe('Wang 2003');
	});

	it('folding the archive’s Traditional gives back its Simplified (apart from words kept as the source writes them)', () => {
		const e = manifest.events.find((x) => x.id === 'abduction-2002')!;
		expect(fold(e['zh-Hant']!.summary)).toBe(e['zh-Hans']!.summary);
		expect(fold(e['zh-Hant']!.title)).toBe(e['zh-Hans']!.title);
	});

	it('marks the words a Traditional text keeps in Simplified', () => {
		expect(markKept('与朱利锋等人会面', '與朱利锋等人會面')).toBe('與朱利⟪锋⟫等人會面');
		expect(markKept('刘畅在《北京之春》', '刘畅在《北京之春》')).toBe('⟪刘畅⟫在《北京之春》');
		expect(markKept('中国', '中國')).toBe('中國');
		expect(markKept('中国', '中國人')).toBe('中國人');
	});

	it('reads “curly” and 「corner」 quotes as a phrase’s', () => {
		expect(parseQuery('“中国之春” 杂志').phrases).toEqual(['中国之春']);
		expect(parseQuery('「temple in Fangchenggang」').phrases).toEqual(['temple in Fangchenggang']);
		expect(parseQuery('『中国之春』').phrases).toEqual(['中国之春']);
	});

	it('gives a passage the language its script says, tagged as its document’s', () => {
		expect(passageLang('王炳章是中国之春的创办人。Wang Bingzhang', ['en', 'zh-Hans'])).toBe('zh-Hans');
		expect(passageLang('Wang Bingzhang (王炳章) founded China Spring.', ['en', 'zh-Hans'])).toBe('en');
		expect(passageLang('王炳章', ['und'])).toBe('zh');
		expect(passageLang('Vote: Yea; Member: Napolitano', ['und'])).toBe('en');
	});
});

describe('text runs by language', () => {
	it('marks Latin runs in Chinese text, and Chinese runs in English text', () => {
		expect(textRuns([{ text: '据H.Con.Res. 326记载', mark: false }], 'zh-Hant')).toEqual([
			{ text: '据', mark: false },
			{ text: 'H.Con.Res. 326', mark: false, lang: 'en' },
			{ text: '记载', mark: false }
		]);
		expect(textRuns([{ text: 'in Mong Cai (', mark: false }, { text: '芒街', mark: true }, { text: ')', mark: false }], 'en')).toEqual([
			{ text: 'in Mong Cai (', mark: false },
			{ text: '芒街', mark: true, lang: 'zh' },
			{ text: ')', mark: false }
		]);
	});

	it('marks kept words as the source’s Simplified, across matched segments and from a snippet that starts inside them', () => {
		const runs = textRuns([{ text: '與朱利⟪锋', mark: false }, { text: '等', mark: true }, { text: '⟫人', mark: false }], 'zh-Hant');
		expect(runs).toEqual([
			{ text: '與朱利', mark: false },
			{ text: '锋', mark: false, lang: 'zh-Hans', kept: true },
			{ text: '等', mark: true, lang: 'zh-Hans', kept: true },
			{ text: '人', mark: false }
		]);
		expect(textRuns([{ text: '畅⟫在', mark: false }], 'zh-Hant')).toEqual([
			{ text: '畅', mark: false, lang: 'zh-Hans', kept: true },
			{ text: '在', mark: false }
		]);
		expect(runs.map((r) => r.text).join('')).toBe('與朱利锋等人');
	});

	it('gives the marked words without the marks, once each', () => {
		expect(markedWords([{ text: '⟪王炳', mark: true }, { text: '章⟫', mark: true }, { text: ' x ', mark: false }, { text: '⟪王炳', mark: true }])).toEqual(['王炳', '章']);
	});
});

describe('the terms a document marks on arrival from a result', () => {
	it('marks a Chinese name whole, and its pairs where the text has them apart', () => {
		expect(highlightTerms('王炳章')).toEqual(['王炳章', '王炳', '炳章']);
		expect(highlightTerms('“中国之春” Wang')).toEqual(['中国之春', '中国', '国之', '之春', 'wang']);
		expect(highlightTerms('blindfolded ransom')).toEqual(['blindfolded', 'ransom']);
		expect(highlightTerms('a 王')).toEqual(['王']);
	});
});
