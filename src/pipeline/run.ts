/**
 * Runs the stages in order: discover → validate → hash → extract → cross-check → write.
 * Each stage passes on what it could make sense of, so one run reports every problem.
 */
import type { Manifest } from '../lib/content/manifest';
import { crossCheck } from './crosscheck';
import { buildSearchIndex } from './search-index';
import { discover, type PendingDocument } from './discover';
import { extractTexts } from './extract';
import { hashDocuments } from './hash';
import { sortProblems, type Problem } from './problems';
import { validate } from './validate';
import { buildManifest, writeOutputs, type WriteTargets } from './write';

export interface RunOptions {
	archiveDir: string;
	/** Where to write; omit to check only. */
	write?: WriteTargets;
	/** Status lines ("[Validating 62 documents, 48 events]"); silent by default. */
	log?: (line: string) => void;
	/** A document folder staged by archive:add, checked as if it were already documents/<id>. */
	pending?: PendingDocument;
}

export interface RunResult {
	problems: Problem[];
	manifest: Manifest | null;
	written: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runPipeline(options: RunOptions): Promise<RunResult> {
	const log = options.log ?? (() => {});
	log(`[Discovering ${options.archiveDir}]`);
	const found = discover(options.archiveDir, options.pending);
	const { discovered } = found;
	log(`[Validating ${plural(discovered.documents.length, 'document')}, ${plural(discovered.events.length, 'event')}]`);
	const valid = validate(discovered);
	const fileCount = valid.documents.reduce((n, d) => n + d.meta.files.length, 0);
	log(`[Hashing ${plural(fileCount, 'file')}]`);
	const hashed = await hashDocuments(valid.documents);
	log(`[Extracting text]`);
	const extracted = await extractTexts(hashed.documents, { pageImages: options.write !== undefined });
	log(`[Cross-checking ${plural(valid.events.length, 'event')} and ${plural(valid.claims.length, 'claim')} against ${plural(extracted.documents.length, 'document')}]`);
	const checked = crossCheck({ archiveDir: options.archiveDir, documents: extracted.documents, events: valid.events, claims: valid.claims, failedDocumentIds: valid.failedDocumentIds, site: valid.site, story: valid.story, failedEventIds: new Set(discovered.events.map((e) => e.fileId).filter((id) => !valid.events.some((v) => v.source.fileId === id))) });
	const problems = sortProblems([...found.problems, ...valid.problems, ...hashed.problems, ...extracted.problems, ...checked.problems]);
	if (problems.length > 0) return { problems, manifest: null, written: [] };
	const manifest = buildManifest(extracted.documents, valid.events, checked.citations, valid.site?.settings.brief ?? [], valid.claims.map((c) => c.claim), valid.site?.settings.claimants ?? {}, valid.site?.settings.name, valid.story?.story ?? null);
	let written: string[] = [];
	if (options.write) {
		log(`[Indexing for search]`);
		const search = await buildSearchIndex(manifest);
		log(`[Writing manifest, open data and search index]`);
		written = writeOutputs(manifest, extracted.documents, search, options.write);
	}
	return { problems, manifest, written };
}
