/**
 * Stage 6, write: the manifest the site is built from, the open data files and the archived
 * files at their permanent paths. Every collection is sorted and nothing carries a timestamp,
 * so the same archive always gives byte-identical output.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { compareDates, mustParseDate } from '../lib/content/dates';
import { restsOn } from '../lib/content/rests-on';
import { FINDINGS } from '../lib/content/vocabulary';
import { tableCsv } from './data-table';
import { byCodePoint } from '../lib/content/order';
import { MANIFEST_SCHEMA_VERSION, type CitedSource, type Manifest, type ManifestDocument, type ManifestEvent, type ManifestFile } from '../lib/content/manifest';
import { weighedDocuments, type Citation } from './crosscheck';
import type { ExtractedDocument } from './extract';
import type { IndexFile } from '../lib/search/query';
import { encodeShard } from '../lib/search/shard-codec';
import { PDFJS_ASSETS } from '../lib/viewer/pdf-assets';
import type { BuiltIndex } from './search-index';
import type { ValidEvent } from './validate';
import { sha256Hex } from './hash';
import { PipelineError } from './problems';
import { readRegularFile } from './safe-fs';
import type { Claimant, ClaimEntry, Dispute, FileEntryOutput, SiteSettings, SourceRef, Story } from '../lib/content/schema';
import { buildStory } from './story';
import { pageImagePath } from './page-image';
import { bothScripts } from './traditional';
import { findQuote, stripEmphasis } from '../lib/content/text';

/** A citation as the site shows it (CitedSource): the quote of a Markdown text without emphasis, and who quotes a catalogue record. */
function citedSource(source: SourceRef, docs: ReadonlyMap<string, ExtractedDocument>): CitedSource {
	const doc = docs.get(source.document);
	if (!doc || source.quote === undefined) return source;
	if (doc.meta.paragraphs.stripEmphasis) return { ...source, quote: stripEmphasis(source.quote) };
	// Checked against words OCR read: every page that shows the quote says so.
	if (source.page !== undefined && doc.machineRead?.pages.includes(source.page)) {
		const check = doc.machineRead.checked[source.page];
		return { ...source, machineRead: true, ...(check ? { checkedBy: check } : {}) };
	}
	if (doc.meta.status === 'original' || (doc.meta.status === 'partial' && (source.page !== undefined || source.paragraph !== undefined))) return source;
	const known = doc.meta.knownToSay.find((k) => findQuote([k.quote], source.quote!).length > 0);
	return known ? { ...source, quotedBy: known.quotedBy } : source;
}

/** An event or claim with each of its citations as the site shows it. */
function withCitedSources<T extends { sources?: SourceRef[]; disputes?: Dispute[]; allegedIn?: SourceRef[]; evidence?: ClaimEntry['evidence'] }>(entry: T, docs: ReadonlyMap<string, ExtractedDocument>): T {
	const cite = (sources: SourceRef[]) => sources.map((s) => citedSource(s, docs));
	return {
		...entry,
		...(entry.sources ? { sources: cite(entry.sources) } : {}),
		...(entry.disputes ? { disputes: entry.disputes.map((d) => ({ ...d, versions: d.versions.map((v) => ({ ...v, sources: cite(v.sources) })) })) } : {}),
		...(entry.allegedIn ? { allegedIn: cite(entry.allegedIn) } : {}),
		...(entry.evidence ? { evidence: entry.evidence.map((e) => ({ ...e, sources: cite(e.sources) })) } : {})
	};
}

/** A derivative's own fields, as its entry in meta.yaml gives them. */
function derivative(entry: FileEntryOutput | undefined): Pick<ManifestFile, 'derivedFrom' | 'tool' | 'meanConfidence'> {
	if (!entry?.derivedFrom) return {};
	return { derivedFrom: entry.derivedFrom, ...(entry.tool !== undefined ? { tool: entry.tool } : {}), ...(entry.meanConfidence !== undefined ? { meanConfidence: entry.meanConfidence } : {}) };
}

export function buildManifest(documents: readonly ExtractedDocument[], events: readonly ValidEvent[], citations: Map<string, Citation[]>, brief: readonly string[], claims: readonly ClaimEntry[] = [], claimants: Record<string, Claimant> = {}, siteName: SiteSettings['name'] = undefined, story: Story | null = null): Manifest {
	const titles = new Map(events.map((e) => [e.event.id, e.event.title]));
	const weighed = weighedDocuments(documents);
	const byId = new Map(documents.map((d) => [d.meta.id, d]));
	const manifestEvents: ManifestEvent[] = events
		.map(({ event }) => ({ ...withCitedSources(event, byId), ...bothScripts(event['zh-Hans']), precision: mustParseDate(event.start).precision, basis: restsOn(event, weighed) }))
		.sort((a, b) => compareDates(mustParseDate(a.start), mustParseDate(b.start)) || byCodePoint(a.id, b.id));
	const order = new Map(manifestEvents.map((e, i) => [e.id, i]));
	const manifestDocuments: ManifestDocument[] = documents
		.map((doc) => {
			const { files: _listed, paragraphs: _rule, table: _declared, ...meta } = doc.meta;
			return {
				...meta,
				...bothScripts(meta['zh-Hans']),
				precision: meta.date === undefined ? null : mustParseDate(meta.date).precision,
				files: doc.files.map((f) => ({
					name: f.name,
					mediaType: f.mediaType,
					role: f.role,
					...derivative(doc.meta.files.find((m) => m.name === f.name)),
					sha256: f.sha256,
					bytes: f.bytes,
					path: `/files/${meta.id}/${f.name}`,
					...(f.mediaType === 'application/pdf' ? { features: doc.pdfFeatures } : {})
				})),
				unpublished: doc.meta.files.filter((f) => f.unpublished).map((f) => ({ name: f.name, mediaType: f.mediaType, sha256: f.sha256, bytes: f.bytes ?? 0 })),
				paragraphs: doc.paragraphs,
				pages: doc.pages,
				pageSizes: doc.pageSizes,
				firstPageImage: doc.firstPage ? { path: pageImagePath(meta.id, doc.firstPage), width: doc.firstPage.width, height: doc.firstPage.height } : null,
				machineRead: doc.machineRead,
				table: doc.table,
				citedBy: (citations.get(meta.id) ?? [])
					.map((c) => ({ ...citedSource(c.source, byId), event: c.event, eventTitle: titles.get(c.event) ?? c.event }))
					.sort((a, b) => (order.get(a.event) ?? 0) - (order.get(b.event) ?? 0))
			};
		})
		.sort((a, b) => byCodePoint(a.id, b.id));
	const briefIds = new Set(brief);
	return {
		schemaVersion: MANIFEST_SCHEMA_VERSION,
		documents: manifestDocuments,
		events: manifestEvents,
		brief: manifestEvents.filter((e) => briefIds.has(e.id)).map((e) => e.id),
		claims: claims.map((c) => ({ ...withCitedSources(c, byId), ...bothScripts(c['zh-Hans']) })).sort((a, b) => (claimants[a.claimant]?.order ?? 0) - (claimants[b.claimant]?.order ?? 0) || a.order - b.order || byCodePoint(a.id, b.id)),
		story: story ? buildStory(story, manifestEvents) : null,
		claimants: Object.fromEntries(Object.entries(claimants).map(([id, c]) => [id, { ...c, ...bothScripts(c['zh-Hans']) }])),
		siteName: siteName ? { en: siteName.en, 'zh-Hans': bothScripts(siteName['zh-Hans'])['zh-Hans']!, 'zh-Hant': bothScripts(siteName['zh-Hans'])['zh-Hant']! } : null
	};
}

/** Drops undefined and empty-array fields so the open data stays minimal and stable. */
function compact<T extends object>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as Partial<T>;
}

/**
 * A record's translations under their language tags ("zh-Hans", "zh-Hant"), as the archive
 * gives them (marks of kept words removed), optionally renamed to the open data's field names.
 */
function translations(record: { 'zh-Hans'?: object; 'zh-Hant'?: object }, rename: (zh: Record<string, unknown>) => object = (zh) => zh): Record<string, object> {
	const out: Record<string, object> = {};
	for (const tag of ['zh-Hans', 'zh-Hant'] as const) {
		const zh = record[tag];
		if (zh) out[tag] = rename(zh as Record<string, unknown>);
	}
	return out;
}

/** /data/events.json: documented in archive/README.md ("Open data"). */
export function eventsOpenData(manifest: Manifest) {
	return manifest.events.map((e) =>
		compact({
			id: e.id,
			title: e.title,
			start: e.start,
			end: e.end,
			ongoing: e.ongoing || undefined,
			precision: e.precision,
			approximate: e.approximate,
			category: e.category,
			summary: e.summary,
			unverified: e.unverified,
			issuance: e.issuance,
			restsOn: e.basis,
			sources: e.sources.map((s: CitedSource) => compact({ document: s.document, page: s.page, paragraph: s.paragraph, pinpoint: s.pinpoint, quote: s.quote, lang: s.lang, quotedBy: s.quotedBy, renderedBy: s.renderedBy, note: s.note })),
			disputes: e.disputes,
			...translations(e)
		})
	);
}

/** /data/documents.json: documented in archive/README.md ("Open data"). */
export function documentsOpenData(manifest: Manifest, basePath: string) {
	return manifest.documents.map((d) =>
		compact({
			id: d.id,
			title: d.title,
			titleSupplied: d.titleSupplied || undefined,
			originalTitle: d.originalTitle,
			date: d.date ?? null,
			precision: d.precision,
			dateApproximate: d.dateApproximate,
			kind: d.kind,
			primary: d.primary,
			claimant: d.claimant,
			completeness: d.completeness,
			issuer: d.issuer,
			languages: d.languages,
			identifiers: d.identifiers,
			status: d.status,
			missing: d.missing,
			description: d.description,
			files: d.files.map((f) => compact({ name: f.name, mediaType: f.mediaType, sha256: f.sha256, bytes: f.bytes, href: basePath + f.path, features: f.features })),
			...translations(d)
		})
	);
}

/** /data/claims.json: documented in archive/README.md ("Open data"). */
export function claimsOpenData(manifest: Manifest) {
	const source = (s: CitedSource) => compact({ document: s.document, page: s.page, paragraph: s.paragraph, pinpoint: s.pinpoint, quote: s.quote, lang: s.lang, quotedBy: s.quotedBy, renderedBy: s.renderedBy, note: s.note });
	return {
		claimants: Object.fromEntries(
			Object.entries(manifest.claimants).map(([id, c]) => [id, { name: c.name, heading: c.heading, ...translations(c, ({ name, heading }) => ({ name, heading })) }])
		),
		findings: FINDINGS,
		claims: manifest.claims.map((c) =>
			compact({
				id: c.id,
				claimant: c.claimant,
				title: c.title,
				finding: c.finding,
				findingNote: c.findingNote,
				claim: c.allegation,
				madeIn: c.allegedIn.map(source),
				evidence: c.evidence.map((e) => compact({ bearing: e.bearing, summary: e.summary, unverified: e.unverified, sources: e.sources.map(source) })),
				unverified: c.unverified,
				events: c.events,
				// Named as this file names the English: the claim (allegation), where it is made (allegedIn).
				...translations(c, ({ allegation, allegedIn, ...rest }) => compact({ ...rest, claim: allegation, madeIn: allegedIn }))
			})
		)
	};
}

/** `sha256sum -c` format, paths relative to the site root, so a mirror can verify itself. */
export function sha256Sums(manifest: Manifest): string {
	return manifest.documents.flatMap((d) => d.files.map((f) => `${f.sha256}  ${f.path.slice(1)}\n`)).join('');
}

const json = (value: unknown) => JSON.stringify(value, null, '\t') + '\n';

export interface WriteTargets {
	/** Where manifest.json goes. */
	generatedDir: string;
	/** The site's static folder: data/, files/, search/ and pdfjs/ are written into it, and must not exist yet. */
	staticDir: string;
	basePath: string;
}

/** pdf.js's data files (character maps, standard fonts, the JPEG 2000, JBIG2 and colour decoders), copied from the installed pdfjs-dist so they always match its code. */
function copyPdfjsAssets(staticDir: string): void {
	const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
	for (const folder of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) cpSync(join(root, folder), join(staticDir, PDFJS_ASSETS, folder), { recursive: true });
}

/**
 * Copies an archived file to the site, reading it once more (within its limit, never through a
 * link) and checking it still has the hash that was verified: a file changed during the build
 * stops the build instead of being published.
 */
function copyVerified(file: ExtractedDocument['files'][number], to: string): void {
	const read = readRegularFile(file.path, Math.max(file.bytes, 1), 'run the build again once nothing is changing the archive');
	if (!read.ok || sha256Hex(read.content) !== file.sha256) {
		throw new PipelineError(`${file.path} changed while the site was being built (${read.ok ? 'its SHA-256 no longer matches' : read.problem}): nothing was published; run the build again once nothing is changing the archive`);
	}
	writeFileSync(to, read.content);
}

/** Writes the manifest, the open data, the search index and the archived files into fresh folders. Returns the main files written. */
export function writeOutputs(
	manifest: Manifest,
	documents: readonly ExtractedDocument[],
	search: BuiltIndex,
	targets: WriteTargets
): string[] {
	const dataDir = join(targets.staticDir, 'data');
	const filesDir = join(targets.staticDir, 'files');
	const searchDir = join(targets.staticDir, 'search');
	const imagesDir = join(targets.staticDir, 'page-images');
	for (const dir of [dataDir, filesDir, searchDir, imagesDir, join(targets.staticDir, PDFJS_ASSETS)]) {
		if (existsSync(dir)) throw new PipelineError(`${dir} exists already: the pipeline writes only into fresh folders, so that a failed build never leaves a half-written site`);
	}
	mkdirSync(targets.generatedDir, { recursive: true });
	mkdirSync(dataDir, { recursive: true });
	mkdirSync(join(searchDir, 'text'), { recursive: true });
	mkdirSync(join(searchDir, 'shards'), { recursive: true });
	// Index files are named by a hash of their content, so a browser never keeps a stale one.
	const hashed = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 12);
	const shards: IndexFile['shards'] = {};
	for (const [key, entries] of search.shards) {
		const content = JSON.stringify(encodeShard(entries));
		const name = `${key}.${hashed(content)}.json`;
		writeFileSync(join(searchDir, 'shards', name), content);
		shards[key] = `/search/shards/${name}`;
	}
	const index = JSON.stringify({ ...search.file, shards } satisfies IndexFile);
	const indexName = `index.${hashed(index)}.json`;
	writeFileSync(join(searchDir, indexName), index);
	for (const [id, texts] of [...search.texts].sort(([a], [b]) => byCodePoint(a, b))) writeFileSync(join(searchDir, 'text', `${id}.json`), JSON.stringify(texts));
	const withIndex: Manifest = { ...manifest, searchIndex: `/search/${indexName}` };
	const written = [join(targets.generatedDir, 'manifest.json'), join(dataDir, 'events.json'), join(dataDir, 'documents.json'), join(dataDir, 'SHA256SUMS'), join(searchDir, indexName), join(dataDir, 'claims.json')];
	writeFileSync(written[0]!, json(withIndex));
	writeFileSync(written[1]!, json(eventsOpenData(manifest)));
	writeFileSync(written[2]!, json(documentsOpenData(manifest, targets.basePath)));
	writeFileSync(written[3]!, sha256Sums(manifest));
	writeFileSync(written[5]!, json(claimsOpenData(manifest)));
	for (const doc of manifest.documents) {
		if (!doc.table) continue;
		mkdirSync(join(dataDir, 'tables'), { recursive: true });
		writeFileSync(join(dataDir, 'tables', `${doc.id}.csv`), tableCsv(doc.table));
	}
	copyPdfjsAssets(targets.staticDir);
	for (const doc of documents) {
		if (!doc.firstPage) continue;
		const path = join(targets.staticDir, pageImagePath(doc.meta.id, doc.firstPage));
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, doc.firstPage.bytes);
	}
	for (const doc of documents) {
		for (const file of doc.files) {
			const dir = join(filesDir, doc.meta.id);
			mkdirSync(dir, { recursive: true });
			copyVerified(file, join(dir, file.name));
		}
	}
	return written;
}
