/**
 * Stage 6, index: the MiniSearch index over events, document records, claims and every archived
 * paragraph and page, built with the shared options and serialized with its schema version.
 * The archive's Simplified Chinese translations are indexed beside its English (in fields of
 * their own), so 绑架 finds the abduction; Traditional is folded to Simplified at index and
 * query time, so 綁架 finds it too.
 *
 * Passage texts are not stored in the index (that would double its size); they are written
 * beside it per document, and the browser fetches them only for the hits it shows. So are the
 * archive's words in each Chinese interface's script (titles and snippet texts), fetched only by
 * a reader of that interface.
 */
import { createHash } from 'node:crypto';
import MiniSearch from 'minisearch';
import { Converter } from 'opencc-js/cn2t';
import { decadeOf } from '../lib/content/facets';
import type { Manifest } from '../lib/content/manifest';
import { byCodePoint } from '../lib/content/order';
import { displayTitle } from '../lib/content/present';
import { KEEP_CLOSE, KEEP_OPEN } from '../lib/content/translation';
import { VOCABULARY_LABELS } from '../lib/i18n/vocabulary-labels.generated';
import { vocabularyKey, type VocabularyName } from '../lib/i18n/vocabulary-messages';
import { localizeDocument } from '../lib/i18n/records';
import { loadFold } from '../lib/search/fold';
import { encodeBase } from '../lib/search/shard-codec';
import { HAN_SHARDS, indexOptions, SEARCH_SCHEMA_VERSION, SHARD_POSTINGS, shardKey, type HanSplits, type SearchUnit } from '../lib/search/options';
import type { ClaimInfo, DocInfo, EventInfo, IndexFile, MiniSearchJson, RecordTexts, ShardEntries } from '../lib/search/query';

export interface DocumentTexts {
	paragraphs?: string[];
	pages?: string[];
	/** Each row of a data table as "Label: value; …", what search snippets show. */
	rows?: string[];
}

type ChineseLocale = 'zh-Hans' | 'zh-Hant';
const CHINESE: readonly ChineseLocale[] = ['zh-Hans', 'zh-Hant'];

/** A vocabulary's label in a given interface (the build has no page whose locale to read). */
const labelIn = (vocabulary: VocabularyName, id: string, locale: 'en' | ChineseLocale) =>
	(VOCABULARY_LABELS[vocabularyKey(vocabulary, id)] as ((inputs?: object, options?: { locale: string }) => string) | undefined)?.({}, { locale }) ?? id;

/** A table row as search indexes and shows it: "Vote: Yea; Member: Napolitano; …". */
const rowText = (columns: readonly string[], cells: readonly string[]) => cells.map((cell, i) => `${columns[i]}: ${cell}`).join('; ');

const lines = (...parts: (string | undefined)[]) => parts.filter(Boolean).join('\n');

export function searchUnits(manifest: Manifest): SearchUnit[] {
	const units: SearchUnit[] = [];
	for (const e of manifest.events) {
		const quotes = [...e.sources, ...e.disputes.flatMap((d) => d.versions.flatMap((v) => v.sources))].map((s) => s.quote ?? '');
		const disputes = e.disputes.flatMap((d) => [d.question, ...d.versions.map((v) => v.statement)]);
		const zh = e['zh-Hans'];
		units.push({
			id: `e:${e.id}`,
			title: e.title,
			meta: labelIn('category', e.category, 'en'),
			text: [e.summary, ...quotes, ...disputes].join('\n'),
			...(zh ? { zhTitle: zh.title, zhMeta: labelIn('category', e.category, 'zh-Hans'), zhText: lines(zh.summary, zh.unverified) } : {})
		});
	}
	for (const d of manifest.documents) {
		// A title the archive supplied is our description, not the document's own words: it gets no title boost.
		const ownTitle = d.titleSupplied ? '' : d.title;
		const meta = [d.titleSupplied ? d.title : '', ...d.identifiers.map((i) => i.value), d.issuer, labelIn('kind', d.kind, 'en')].join('\n');
		const text = [d.description, ...d.knownToSay.map((k) => k.quote)].join('\n');
		const zh = d['zh-Hans'];
		units.push({
			id: `d:${d.id}`,
			title: [ownTitle, d.originalTitle?.text ?? ''].join('\n'),
			meta,
			text,
			...(zh ? { zhMeta: lines(d.titleSupplied ? zh.title : undefined, labelIn('kind', d.kind, 'zh-Hans')), zhText: zh.description } : {})
		});
		d.paragraphs?.forEach((p, i) => units.push({ id: `p:${d.id}:${i + 1}`, title: '', meta: '', text: p }));
		d.pages?.forEach((p, i) => units.push({ id: `g:${d.id}:${i + 1}`, title: '', meta: '', text: p }));
		d.table?.rows.forEach((cells, i) => units.push({ id: `r:${d.id}:${i + 1}:${d.table!.anchors[i]}`, title: '', meta: '', text: rowText(d.table!.columns, cells) }));
	}
	for (const c of manifest.claims) {
		const claimant = manifest.claimants[c.claimant];
		const zh = c['zh-Hans'];
		units.push({
			id: `c:${c.id}`,
			title: c.title,
			meta: lines(claimant?.name, labelIn('finding', c.finding, 'en')),
			text: claimEnglish(c),
			...(zh
				? {
						zhTitle: zh.title,
						zhMeta: lines(claimant?.['zh-Hans']?.name, labelIn('finding', c.finding, 'zh-Hans')),
						zhText: lines(zh.allegation, zh.findingNote, ...zh.evidence.map((e) => e.summary))
					}
				: {})
		});
	}
	return units;
}

/** A claim's own words and the quotes it rests on: what its unit indexes and its snippet is cut from. */
function claimEnglish(c: Manifest['claims'][number]): string {
	return lines(c.allegation, c.findingNote, ...c.allegedIn.map((s) => s.quote), ...c.evidence.map((e) => e.summary));
}

const toTraditional = Converter({ from: 'cn', to: 'tw' });

/**
 * The Traditional text with the words it keeps in Simplified (names, titles, quoted words the
 * record marked ⟪…⟫, which the manifest no longer marks) marked again: where OpenCC would have
 * changed a character and the Traditional text did not. The search page shows them as the
 * source's words (lang="zh-Hans"), not as the interface's script.
 */
export function markKept(hans: string, hant: string): string {
	const converted = toTraditional(hans);
	if (converted.length !== hant.length || hans.length !== hant.length) return hant;
	let out = '';
	let open = false;
	for (let i = 0; i < hant.length; i++) {
		const kept = hant[i] === hans[i] && converted[i] !== hant[i];
		if (kept !== open) out += kept ? KEEP_OPEN : KEEP_CLOSE;
		open = kept;
		out += hant[i];
	}
	return open ? out + KEEP_CLOSE : out;
}

/** The language of a document's title as shown: its original title's, or, for a title in Chinese characters, the document's Chinese. */
function titleLanguage(title: string, d: Manifest['documents'][number]): string {
	if (d.originalTitle && title === d.originalTitle.text) return d.originalTitle.lang;
	return /\p{Script=Han}/u.test(title) ? (d.languages.find((l) => l.startsWith('zh')) ?? 'zh') : 'en';
}

/** The archive's words in one Chinese interface, for the records translated. */
export function recordTexts(manifest: Manifest, locale: ChineseLocale): RecordTexts {
	const shown = (hans: string | undefined, hant: string | undefined) => (locale === 'zh-Hant' && hans && hant ? markKept(hans, hant) : ((locale === 'zh-Hans' ? hans : hant) ?? ''));
	const events: RecordTexts['events'] = {};
	for (const e of manifest.events) {
		const [hans, hant] = [e['zh-Hans'], e['zh-Hant']];
		if (hans && hant) events[e.id] = { title: shown(hans.title, hant.title), text: shown(lines(hans.summary, hans.unverified), lines(hant.summary, hant.unverified)) };
	}
	const docs: RecordTexts['docs'] = {};
	for (const d of manifest.documents) {
		const [hans, hant] = [d['zh-Hans'], d['zh-Hant']];
		if (!hans || !hant) continue;
		const local = localizeDocument(d, locale);
		// The archive's translation of a title it supplied is in this script; a document's own title is in its language.
		const translatedTitle = d.titleSupplied && hans.title !== undefined && local.titleSupplied;
		docs[d.id] = {
			title: translatedTitle ? `[${shown(hans.title, hant.title)}]` : displayTitle(local),
			titleLang: translatedTitle ? locale : titleLanguage(local.title, d),
			titleSource: !local.titleSupplied,
			text: shown(hans.description, hant.description)
		};
	}
	const claims: RecordTexts['claims'] = {};
	for (const c of manifest.claims) {
		const [hans, hant] = [c['zh-Hans'], c['zh-Hant']];
		if (!hans || !hant) continue;
		const text = (zh: typeof hans) => lines(zh.allegation, zh.findingNote, ...zh.evidence.map((e) => e.summary));
		claims[c.id] = { title: shown(hans.title, hant.title), text: shown(text(hans), text(hant)) };
	}
	return { locale, events, docs, claims };
}

export interface BuiltIndex {
	/** The base file, without the shard paths (they carry content hashes, set when written). */
	file: Omit<IndexFile, 'shards'>;
	/** Shard key → its terms, keys sorted. */
	shards: Map<string, ShardEntries>;
	/**
	 * Files of the folder of texts fetched on demand (/search/text/<name>.json): each document's
	 * passages, by its id, and each Chinese interface's record texts, by the content-hashed name
	 * the base file gives (a name with dots, so never a document's id).
	 */
	texts: Map<string, DocumentTexts | RecordTexts>;
}

/** The groups of Chinese characters (options.ts, HAN_SHARDS) whose pairs hold more than `budget` postings, each with the number of parts its pairs are split into (shardKey). */
export function hanSplits(index: ShardEntries, budget = SHARD_POSTINGS): HanSplits {
	const postings = new Map<number, number>();
	for (const [term, fields] of index) {
		const chars = [...term];
		if (chars.length < 2 || !/\p{Script=Han}/u.test(chars[0]!)) continue;
		let count = 0;
		for (const units of Object.values(fields as Record<string, Record<string, number>>)) count += Object.keys(units).length;
		const group = chars[0]!.codePointAt(0)! % HAN_SHARDS;
		postings.set(group, (postings.get(group) ?? 0) + count);
	}
	const splits: Record<string, number> = {};
	for (const [group, count] of [...postings].sort(([a], [b]) => a - b)) if (count > budget) splits[group] = Math.ceil(count / budget);
	return splits;
}

/** Splits MiniSearch's term list by shard key, keeping its order. */
function splitShards(index: ShardEntries, splits: HanSplits): Map<string, ShardEntries> {
	const shards = new Map<string, ShardEntries>();
	for (const entry of index) {
		const key = shardKey(entry[0], splits);
		let shard = shards.get(key);
		if (!shard) shards.set(key, (shard = []));
		shard.push(entry);
	}
	return new Map([...shards].sort(([a], [b]) => byCodePoint(a, b)));
}

/** `shardPostings`: the split budget (options.ts, SHARD_POSTINGS); smaller in tests. */
export async function buildSearchIndex(manifest: Manifest, { shardPostings = SHARD_POSTINGS } = {}): Promise<BuiltIndex> {
	const fold = await loadFold();
	const mini = new MiniSearch<SearchUnit>(indexOptions(fold));
	mini.addAll(searchUnits(manifest));
	const docs: DocInfo[] = manifest.documents.map((d) => ({
		id: d.id,
		title: displayTitle(d),
		titleLang: d.titleSupplied ? 'en' : titleLanguage(d.title, d),
		ownTitle: !d.titleSupplied,
		...(d.date !== undefined ? { date: d.date } : {}),
		dateApproximate: d.dateApproximate,
		decade: decadeOf(d.date),
		kind: d.kind,
		status: d.status,
		primary: d.primary,
		languages: d.languages,
		// Everything the record's unit indexes, so a quoted phrase can be checked against it.
		about: [d.description, ...d.knownToSay.map((k) => `“${k.quote}”`), ...d.identifiers.map((i) => i.value), d.issuer, d.originalTitle?.text ?? ''].filter(Boolean).join(' '),
		...(d.machineRead ? { machineRead: d.machineRead.pages, checkedPages: Object.keys(d.machineRead.checked).map(Number) } : {})
	}));
	const events: EventInfo[] = manifest.events.map((e) => ({
		id: e.id,
		title: e.title,
		start: e.start,
		...(e.end ? { end: e.end } : {}),
		ongoing: e.ongoing,
		approximate: e.approximate,
		decade: decadeOf(e.start)!,
		category: e.category,
		text: [e.summary, ...e.sources.map((s) => (s.quote ? `“${s.quote}”` : '')), ...e.disputes.flatMap((d) => [d.question, ...d.versions.map((v) => v.statement)])].filter(Boolean).join(' ')
	}));
	const claims: ClaimInfo[] = manifest.claims.map((c) => ({ id: c.id, title: c.title, claimant: c.claimant, finding: c.finding, text: claimEnglish(c).replace(/\n/g, ' ') }));
	const texts = new Map<string, DocumentTexts | RecordTexts>();
	for (const d of manifest.documents) {
		if (d.paragraphs || d.pages || d.table) {
			const table = d.table;
			texts.set(d.id, { ...(d.paragraphs ? { paragraphs: d.paragraphs } : {}), ...(d.pages ? { pages: d.pages } : {}), ...(table ? { rows: table.rows.map((cells) => rowText(table.columns, cells)) } : {}) });
		}
	}
	const records: IndexFile['records'] = {};
	for (const locale of CHINESE) {
		const content = recordTexts(manifest, locale);
		const name = `records.${locale}.${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12)}`;
		texts.set(name, content);
		records[locale] = name;
	}
	const { index, ...base } = mini.toJSON() as MiniSearchJson;
	const splits = hanSplits(index, shardPostings);
	return { file: { schemaVersion: SEARCH_SCHEMA_VERSION, docs, events, claims, base: encodeBase(base), hanSplits: splits, records }, shards: splitShards(index, splits), texts };
}
