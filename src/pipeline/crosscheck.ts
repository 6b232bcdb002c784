/**
 * Stage 5, cross-check: what no single file can check alone. Ids are unique; every cited
 * document exists; every quote occurs in the archived text at the paragraph or page given;
 * spans end after they start; every event has at least one quoted source.
 */
import { relative } from 'node:path';
import { earliestInstant, instantAfter, mustParseDate } from '../lib/content/dates';
import type { EventEntry, SiteSettings, SourceRef, Story } from '../lib/content/schema';
import { checkStory } from './story';
import { checkFinding } from '../lib/content/findings';
import { restsOn } from '../lib/content/rests-on';
import { findQuote, stripEmphasis } from '../lib/content/text';
import { translationProblems } from '../lib/content/translation';
import type { WeighedDocument } from '../lib/content/weight';
import type { ExtractedDocument } from './extract';
import type { Problem } from './problems';
import type { ValidClaim, ValidEvent } from './validate';

/** One citation of a document, wherever it stands in an event. */
export interface Citation {
	event: string;
	/** Field path of the source in the event file, e.g. "disputes[0].versions[1].sources[0]". */
	field: string;
	source: SourceRef;
}

function reportDuplicates(items: { id: string; file: string }[], what: string, archiveDir: string, problems: Problem[]) {
	const seen = new Map<string, string>();
	for (const item of items) {
		const first = seen.get(item.id);
		if (first === undefined) seen.set(item.id, item.file);
		else problems.push({ file: item.file, field: 'id', problem: `duplicate ${what} id "${item.id}", already used by ${relative(archiveDir, first)}`, fix: `give each ${what} its own id; ids are permanent URLs, so keep the older one` });
	}
}

/** Every source of an event with its field path: the event's own and each dispute version's. */
export function citationsOf(event: ValidEvent['event']): Citation[] {
	const out: Citation[] = event.sources.map((source, i) => ({ event: event.id, field: `sources[${i}]`, source }));
	event.disputes.forEach((dispute, d) =>
		dispute.versions.forEach((version, v) =>
			version.sources.forEach((source, s) => out.push({ event: event.id, field: `disputes[${d}].versions[${v}].sources[${s}]`, source }))
		)
	);
	return out;
}

const clip = (quote: string) => (quote.length > 80 ? `${quote.slice(0, 80)}…` : quote);

function checkSource(citation: Citation, file: string, doc: ExtractedDocument | undefined, problems: Problem[]) {
	const { source, field } = citation;
	const report = (sub: string, problem: string, fix: string) => problems.push({ file, field: `${field}.${sub}`, problem, fix });
	if (doc && !doc.intact) return; // its files are already reported; their text cannot be checked
	if (!doc) {
		report('document', `cites "${source.document}", which is not in the archive`, `add archive/documents/${source.document}/meta.yaml, or correct the id`);
		return;
	}
	const units = source.page !== undefined ? doc.pages : source.paragraph !== undefined ? doc.paragraphs : (doc.paragraphs ?? doc.pages);
	// Which unit a location names: the one given, or, when none is, the one the text is held in.
	const unitName = source.page !== undefined || (source.paragraph === undefined && !doc.paragraphs) ? 'page' : 'paragraph';
	const heldText = doc.paragraphs ?? doc.pages;
	if (!heldText) {
		if (source.page !== undefined || source.paragraph !== undefined) {
			report(unitName, `points into "${doc.meta.id}", a catalogue record with no archived text`, 'remove the page/paragraph; use pinpoint for the original’s own numbering');
		}
		// With no text to check against, a quote can only be words another source is recorded quoting.
		if (source.quote !== undefined && findQuote(doc.meta.knownToSay.map((k) => k.quote), source.quote).length === 0) {
			report('quote', `is not among the words "${doc.meta.id}" is recorded to say (its knownToSay), and the archive holds no text of it: "${clip(source.quote)}"`, `quote one of its knownToSay passages exactly, or add the passage to archive/documents/${doc.meta.id}/meta.yaml knownToSay with who quotes it (quotedBy)`);
		}
		return;
	}
	if (!units) {
		report(unitName, `"${doc.meta.id}" has no archived ${unitName === 'page' ? 'PDF' : 'text file'} to point into`, `use ${unitName === 'page' ? 'paragraph' : 'page'} instead`);
		return;
	}
	const wanted = source.page ?? source.paragraph;
	if (wanted !== undefined && wanted > units.length) {
		report(unitName, `is ${wanted}, but "${doc.meta.id}" has ${units.length} ${unitName}s`, `give a ${unitName} between 1 and ${units.length}`);
	}
	if (source.quote === undefined) {
		report('quote', `is missing; "${doc.meta.id}" has archived text, so the source must quote it`, 'copy the supporting words verbatim from the archived text');
		return;
	}
	const found = findQuote(units, doc.meta.paragraphs.stripEmphasis ? stripEmphasis(source.quote) : source.quote);
	// An excerpt does not hold every word of its document: words beyond it may be quoted as other sources quote them.
	if (found.length === 0 && doc.meta.status === 'partial' && findQuote(doc.meta.knownToSay.map((k) => k.quote), source.quote).length > 0) {
		if (wanted !== undefined) report(unitName, `is given, but the quote is not in the held excerpt of "${doc.meta.id}": it is words other sources quote (its knownToSay)`, `remove ${unitName}; the excerpt does not hold these words`);
		return;
	}
	if (found.length === 0) {
		report('quote', `not found in the archived text of "${doc.meta.id}": "${clip(source.quote)}"`, `copy the words exactly from archive/documents/${doc.meta.id}/ (whitespace differences are ignored)`);
		return;
	}
	const at = found.map((f) => f.index);
	if (wanted === undefined) {
		if (doc.pages || doc.paragraphs) report(unitName, `is missing; the quote is in ${unitName} ${at.join(', ')}`, `add ${unitName}: ${at[0]}`);
	} else if (!at.includes(wanted)) {
		report(unitName, `is ${wanted}, but the quote is in ${unitName} ${at.join(', ')}`, `set ${unitName}: ${at[0]}`);
	}
}

/** Every source of a claim with its field path: the allegation's and each piece of evidence's. */
export function claimCitationsOf(claim: ValidClaim['claim']): Citation[] {
	const out: Citation[] = claim.allegedIn.map((source, i) => ({ event: claim.id, field: `allegedIn[${i}]`, source }));
	claim.evidence.forEach((evidence, e) => evidence.sources.forEach((source, s) => out.push({ event: claim.id, field: `evidence[${e}].sources[${s}]`, source })));
	return out;
}

/** What the weighing rules (findings, what an event rests on) need of each document. */
export function weighedDocuments(documents: readonly ExtractedDocument[]): Map<string, WeighedDocument> {
	return new Map(documents.map((d) => [d.meta.id, { id: d.meta.id, primary: d.meta.primary, status: d.meta.status, kind: d.meta.kind, claimant: d.meta.claimant }]));
}

/** Claims are checked as strictly as events: every source exists, every quote is in the text it names, and the finding is one the evidence bears. */
function checkClaims(claims: readonly ValidClaim[], byId: ReadonlyMap<string, ExtractedDocument>, eventIds: ReadonlySet<string>, failedDocumentIds: ReadonlySet<string>, claimants: ReadonlySet<string>, problems: Problem[]) {
	const weighed = weighedDocuments([...byId.values()]);
	for (const { claim, source: file } of claims) {
		if (!claimants.has(claim.claimant)) {
			problems.push({ file: file.path, field: 'claimant', problem: `is "${claim.claimant}", which archive/site.yaml does not list among the claimants`, fix: `use one of: ${[...claimants].join(', ') || '(none yet: add claimants to site.yaml)'}` });
		}
		const cited = claimCitationsOf(claim).map((c) => c.source.document);
		if (cited.every((id) => byId.has(id))) {
			const { problem, suggestion } = checkFinding(claim, weighed);
			if (problem) problems.push({ file: file.path, field: 'finding', problem, fix: `give the finding the evidence bears out (here "${suggestion}"), or correct the evidence` });
		}
		for (const citation of claimCitationsOf(claim)) {
			const doc = byId.get(citation.source.document);
			if (!doc && failedDocumentIds.has(citation.source.document)) continue;
			checkSource(citation, file.path, doc, problems);
		}
		if (!claim.allegedIn.some((s) => s.quote !== undefined)) {
			problems.push({ file: file.path, field: 'allegedIn', problem: 'no source quotes the allegation', fix: 'quote the claim’s words as the source that makes or records it gives them, or the research notes line that records them' });
		}
		claim.events.forEach((id, i) => {
			if (claim.events.indexOf(id) !== i) problems.push({ file: file.path, field: `events[${i}]`, problem: `names "${id}" a second time`, fix: 'list each event once' });
			else if (!eventIds.has(id)) problems.push({ file: file.path, field: `events[${i}]`, problem: `names "${id}", which is not an event in the archive`, fix: 'correct the id, or remove it from the list' });
		});
	}
}

const TRANSLATION_FIX = 'say in Chinese what the English says, no more and no less; put names, identifiers and quoted words in ⟪…⟫';

/** Each translated field against its English: pairs of [field path, English, Chinese]. */
function checkTranslations(file: string, pairs: [string, string | undefined, string | undefined][], glossary: Record<string, string[]>, problems: Problem[], fieldOf = (field: string) => `zh-Hans.${field}`): void {
	for (const [path, english, chinese] of pairs) {
		const field = fieldOf(path);
		if (chinese === undefined) continue;
		if (english === undefined) {
			problems.push({ file, field, problem: 'translates a field the English record does not have', fix: 'remove it, or add the English first' });
			continue;
		}
		for (const problem of translationProblems(english, chinese, glossary)) problems.push({ file, field, problem, fix: TRANSLATION_FIX });
	}
}

/**
 * Pairs each string of a record's translation with the English at the same place (arrays by
 * index), and reports a translation shaped unlike its record: a list of another length, or a field
 * the English lacks.
 */
export function translationPairs(english: unknown, zh: unknown, path = ''): { pairs: [string, string | undefined, string][]; shape: { field: string; problem: string; fix: string }[] } {
	const out = { pairs: [] as [string, string | undefined, string][], shape: [] as { field: string; problem: string; fix: string }[] };
	const walk = (en: unknown, tr: unknown, at: string) => {
		if (typeof tr === 'string') out.pairs.push([at, typeof en === 'string' ? en : undefined, tr]);
		else if (Array.isArray(tr)) {
			if (!Array.isArray(en) || en.length !== tr.length) {
				out.shape.push({ field: at, problem: `translates ${tr.length} entries, but the record has ${Array.isArray(en) ? en.length : 'none'}`, fix: 'give one entry per entry of the English, in the same order ({} for one with nothing to translate)' });
				return;
			}
			tr.forEach((item, i) => walk(en[i], item, `${at}[${i}]`));
		} else if (tr && typeof tr === 'object') {
			for (const [key, value] of Object.entries(tr)) walk(en && typeof en === 'object' ? (en as Record<string, unknown>)[key] : undefined, value, at ? `${at}.${key}` : key);
		}
	};
	walk(english, zh, path);
	return out;
}

/** A record's translation against its English: every string compared, the shape checked. */
function checkRecordTranslation(file: string, english: object, zh: object | undefined, glossary: Record<string, string[]>, problems: Problem[], fieldOf = (field: string) => `zh-Hans.${field}`): void {
	if (!zh) return;
	const { pairs, shape } = translationPairs(english, zh);
	for (const s of shape) problems.push({ file, field: fieldOf(s.field), problem: s.problem, fix: s.fix });
	checkTranslations(file, pairs, glossary, problems, fieldOf);
}

/** Every record's Simplified Chinese against its English. */
function checkAllTranslations(documents: readonly ExtractedDocument[], events: readonly ValidEvent[], claims: readonly ValidClaim[], site: CrossCheckInput['site'], problems: Problem[]): void {
	const glossary = site?.settings.glossary ?? {};
	for (const { event, source } of events) checkRecordTranslation(source.path, event, event['zh-Hans'], glossary, problems);
	for (const doc of documents) {
		const zh = doc.meta['zh-Hans'];
		if (zh?.title !== undefined && !doc.meta.titleSupplied) problems.push({ file: doc.source.metaPath, field: 'zh-Hans.title', problem: 'translates the document’s own title, which is never translated', fix: 'remove it: only a title the archive supplied (titleSupplied) is the archive’s words; give the original title in originalTitle' });
		checkRecordTranslation(doc.source.metaPath, doc.meta.titleSupplied ? doc.meta : { ...doc.meta, title: undefined }, zh && !doc.meta.titleSupplied ? { ...zh, title: undefined } : zh, glossary, problems);
	}
	for (const { claim, source } of claims) checkRecordTranslation(source.path, claim, claim['zh-Hans'], glossary, problems);
	for (const [id, claimant] of Object.entries(site?.settings.claimants ?? {})) {
		if (site) checkRecordTranslation(site.path, claimant, claimant['zh-Hans'], glossary, problems, (field) => `claimants.${id}.zh-Hans.${field}`);
	}
}

export interface CrossCheckInput {
	archiveDir: string;
	documents: readonly ExtractedDocument[];
	events: readonly ValidEvent[];
	claims?: readonly ValidClaim[];
	/** Folder ids of documents whose metadata failed validation (already reported). */
	failedDocumentIds: ReadonlySet<string>;
	site: { path: string; settings: SiteSettings } | null;
	/** archive/story.yaml, when present and valid. */
	story?: { path: string; story: Story } | null;
	/** Ids (file names) of events that failed validation (already reported). */
	failedEventIds?: ReadonlySet<string>;
}

export function crossCheck({ archiveDir, documents, events, claims = [], failedDocumentIds, site, story = null, failedEventIds = new Set() }: CrossCheckInput): { citations: Map<string, Citation[]>; problems: Problem[] } {
	const problems: Problem[] = [];
	reportDuplicates(documents.map((d) => ({ id: d.meta.id, file: d.source.metaPath })), 'document', archiveDir, problems);
	reportDuplicates(events.map((e) => ({ id: e.event.id, file: e.source.path })), 'event', archiveDir, problems);
	reportDuplicates(claims.map((c) => ({ id: c.claim.id, file: c.source.path })), 'claim', archiveDir, problems);
	const byId = new Map(documents.map((d) => [d.meta.id, d]));
	const citations = new Map<string, Citation[]>();
	for (const { event, source: file } of events) {
		// A year-precision end ("2025") lasts until the year is out, so it may follow a start within that year.
		if (event.end !== undefined && instantAfter(mustParseDate(event.end)) <= earliestInstant(mustParseDate(event.start))) {
			problems.push({ file: file.path, field: 'end', problem: `${event.end} is before the start ${event.start}`, fix: 'correct the dates; end must not be before start' });
		}
		const all = citationsOf(event);
		for (const citation of all) {
			const doc = byId.get(citation.source.document);
			if (!doc && failedDocumentIds.has(citation.source.document)) continue;
			checkSource(citation, file.path, doc, problems);
			if (doc) citations.set(doc.meta.id, [...(citations.get(doc.meta.id) ?? []), citation]);
		}
		if (!event.sources.some((s) => s.quote !== undefined)) {
			problems.push({ file: file.path, field: 'sources', problem: 'no source quotes the words behind this event', fix: 'add a verbatim quote to at least one source (the research notes line that records the fact will do)' });
		}
	}
	const eventIds = new Set(events.map((e) => e.event.id));
	const claimants = new Set(Object.keys(site?.settings.claimants ?? {}));
	checkClaims(claims, byId, eventIds, failedDocumentIds, claimants, problems);
	for (const doc of documents) {
		if (doc.meta.claimant && !claimants.has(doc.meta.claimant)) {
			problems.push({ file: doc.source.metaPath, field: 'claimant', problem: `is "${doc.meta.claimant}", which archive/site.yaml does not list among the claimants`, fix: `use one of: ${[...claimants].join(', ') || '(none yet: add claimants to site.yaml)'}` });
		}
	}
	checkAllTranslations(documents, events, claims, site, problems);
	const weighed = weighedDocuments(documents);
	for (const { event, source: file } of events) {
		if (event.issuance && !byId.has(event.issuance)) {
			if (!failedDocumentIds.has(event.issuance)) problems.push({ file: file.path, field: 'issuance', problem: `names "${event.issuance}", which is not in the archive`, fix: 'give the id of the document this event is the issuing of, or remove the field' });
		} else if (event.sources.every((s) => byId.has(s.document)) && restsOn(event, weighed).kind === 'notes-only') {
			problems.push({ file: file.path, field: 'sources', problem: 'cites only the research notes, which record what other sources say and weigh nothing by themselves', fix: 'cite the document the notes record (its catalogue record) beside the notes line' });
		}
	}
	site?.settings.brief.forEach((id, i) => {
		if (!eventIds.has(id)) problems.push({ file: site.path, field: `brief[${i}]`, problem: `names "${id}", which is not an event in the archive`, fix: 'correct the id, or remove it from the list' });
	});
	if (story) {
		checkStory(story.path, story.story, new Map<string, EventEntry>(events.map((e) => [e.event.id, e.event])), failedEventIds, problems);
		story.story.steps.forEach((step, i) => checkRecordTranslation(story.path, step, step['zh-Hans'], site?.settings.glossary ?? {}, problems, (field) => `steps[${i}].zh-Hans.${field}`));
	}
	return { citations, problems };
}
