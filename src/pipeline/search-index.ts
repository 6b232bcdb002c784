/**
 * Stage 6, index: the MiniSearch index over events, document records and every archived
 * paragraph and page, built with the shared options and serialized with its schema version.
 * Passage texts are not stored in the index (that would double its size); they are written
 * beside it per document, and the browser fetches them only for the hits it shows.
 */
import MiniSearch from 'minisearch';
import { documentDateLabel, eventDateLabel, categoryLabel, kindLabel } from '../lib/content/present';
import { decadeOf } from '../lib/content/facets';
import type { Manifest } from '../lib/content/manifest';
import { byCodePoint } from '../lib/content/order';
import { loadFold } from '../lib/search/fold';
import { indexOptions, SEARCH_SCHEMA_VERSION, shardKey, type SearchUnit } from '../lib/search/options';
import type { DocInfo, EventInfo, IndexFile, MiniSearchJson, ShardEntries } from '../lib/search/query';

export interface DocumentTexts {
	paragraphs?: string[];
	pages?: string[];
	/** Each row of a data table as "Label: value; …", what search snippets show. */
	rows?: string[];
}

/** A table row as search indexes and shows it: "Vote: Yea; Member: Napolitano; …". */
const rowText = (columns: readonly string[], cells: readonly string[]) => cells.map((cell, i) => `${columns[i]}: ${cell}`).join('; ');


export function searchUnits(manifest: Manifest): SearchUnit[] {
	const units: SearchUnit[] = [];
	for (const e of manifest.events) {
		const quotes = [...e.sources, ...e.disputes.flatMap((d) => d.versions.flatMap((v) => v.sources))].map((s) => s.quote ?? '');
		const disputes = e.disputes.flatMap((d) => [d.question, ...d.versions.map((v) => v.statement)]);
		units.push({ id: `e:${e.id}`, title: e.title, meta: categoryLabel(e.category), text: [e.summary, ...quotes, ...disputes].join('\n') });
	}
	for (const d of manifest.documents) {
		// A title the archive supplied is our description, not the document's own words: it gets no title boost.
		const ownTitle = d.titleSupplied ? '' : d.title;
		const meta = [d.titleSupplied ? d.title : '', ...d.identifiers.map((i) => i.value), d.issuer, kindLabel(d.kind)].join('\n');
		const text = [d.description, ...d.knownToSay.map((k) => k.quote)].join('\n');
		units.push({ id: `d:${d.id}`, title: [ownTitle, d.originalTitle?.text ?? ''].join('\n'), meta, text });
		d.paragraphs?.forEach((p, i) => units.push({ id: `p:${d.id}:${i + 1}`, title: '', meta: '', text: p }));
		d.pages?.forEach((p, i) => units.push({ id: `g:${d.id}:${i + 1}`, title: '', meta: '', text: p }));
		d.table?.rows.forEach((cells, i) => units.push({ id: `r:${d.id}:${i + 1}:${d.table!.anchors[i]}`, title: '', meta: '', text: rowText(d.table!.columns, cells) }));
	}
	return units;
}

export interface BuiltIndex {
	/** The base file, without the shard paths (they carry content hashes, set when written). */
	file: Omit<IndexFile, 'shards'>;
	/** Shard key → its terms, keys sorted. */
	shards: Map<string, ShardEntries>;
	texts: Map<string, DocumentTexts>;
}

/** Splits MiniSearch's term list by shard key, keeping its order. */
function splitShards(index: ShardEntries): Map<string, ShardEntries> {
	const shards = new Map<string, ShardEntries>();
	for (const entry of index) {
		const key = shardKey(entry[0]);
		let shard = shards.get(key);
		if (!shard) shards.set(key, (shard = []));
		shard.push(entry);
	}
	return new Map([...shards].sort(([a], [b]) => byCodePoint(a, b)));
}

export async function buildSearchIndex(manifest: Manifest): Promise<BuiltIndex> {
	const fold = await loadFold();
	const mini = new MiniSearch<SearchUnit>(indexOptions(fold));
	mini.addAll(searchUnits(manifest));
	const docs: DocInfo[] = manifest.documents.map((d) => ({
		id: d.id,
		title: d.titleSupplied ? `[${d.title}]` : d.title,
		dateLabel: documentDateLabel(d),
		decade: decadeOf(d.date),
		kind: d.kind,
		kindLabel: kindLabel(d.kind),
		status: d.status,
		primary: d.primary,
		// Everything the record's unit indexes, so a quoted phrase can be checked against it.
		about: [d.description, ...d.knownToSay.map((k) => `“${k.quote}”`), ...d.identifiers.map((i) => i.value), d.issuer, d.originalTitle?.text ?? ''].filter(Boolean).join(' ')
	}));
	const events: EventInfo[] = manifest.events.map((e) => ({
		id: e.id,
		title: e.title,
		dateLabel: eventDateLabel(e),
		decade: decadeOf(e.start)!,
		categoryLabel: categoryLabel(e.category),
		text: [e.summary, ...e.sources.map((s) => (s.quote ? `“${s.quote}”` : '')), ...e.disputes.flatMap((d) => [d.question, ...d.versions.map((v) => v.statement)])].filter(Boolean).join(' ')
	}));
	const texts = new Map<string, DocumentTexts>();
	for (const d of manifest.documents) {
		if (d.paragraphs || d.pages || d.table) {
			const table = d.table;
			texts.set(d.id, { ...(d.paragraphs ? { paragraphs: d.paragraphs } : {}), ...(d.pages ? { pages: d.pages } : {}), ...(table ? { rows: table.rows.map((cells) => rowText(table.columns, cells)) } : {}) });
		}
	}
	const { index, ...base } = mini.toJSON() as MiniSearchJson;
	return { file: { schemaVersion: SEARCH_SCHEMA_VERSION, docs, events, base }, shards: splitShards(index), texts };
}
