/**
 * Stage 2, validate: parses every meta.yaml and event file against the schemas. Each problem
 * names the file and the field; nothing stops at the first error.
 */
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { ClaimEntry, DocumentMeta, EventEntry, SiteSettings, Story } from '../lib/content/schema';
import type { Discovered, DiscoveredDocument, DiscoveredEvent } from './discover';
import { MAX_YAML_ALIASES } from './limits';
import type { Problem } from './problems';

export interface ValidDocument {
	source: DiscoveredDocument;
	meta: DocumentMeta;
}

export interface ValidClaim {
	source: DiscoveredEvent;
	claim: ClaimEntry;
}

export interface ValidEvent {
	source: DiscoveredEvent;
	event: EventEntry;
}

/** "sources[1].quote" from zod's ["sources", 1, "quote"]. */
export function fieldPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out || '(top level)';
}

function fixFor(issue: z.core.$ZodIssue): string {
	// A check that knows the fix says it (schema.ts passes it as params.fix).
	if (issue.code === 'custom' && typeof issue.params?.fix === 'string') return issue.params.fix;
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined ? 'add this field (see archive/README.md)' : 'correct the value’s type (see archive/README.md)';
		case 'unrecognized_keys':
			return 'remove it, or correct its spelling to a field archive/README.md lists';
		case 'invalid_value':
			return 'use one of the values archive/README.md lists';
		case 'invalid_format':
			return 'correct the format as described';
		case 'too_small':
			return 'add the missing entries';
		default:
			return 'correct the value (see archive/README.md)';
	}
}

function parseYaml(text: string, file: string, problems: Problem[]): unknown {
	const yamlFix = 'correct the YAML syntax; quote values that contain ": " or start with a quote';
	try {
		const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
		if (doc.errors.length > 0) {
			for (const error of doc.errors) {
				const line = error.linePos?.[0];
				problems.push({ file, field: line ? `(yaml, line ${line.line})` : '(yaml)', problem: error.message.split('\n')[0] ?? 'invalid YAML', fix: yamlFix });
			}
			return undefined;
		}
		return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
	} catch (error) {
		// The yaml library throws, rather than reporting, when aliases would expand without bound (a "billion laughs" file).
		const message = (error as Error).message;
		const aliases = /alias/i.test(message);
		problems.push({
			file,
			field: '(yaml)',
			problem: aliases ? `expands its aliases (*name) beyond the limit of ${MAX_YAML_ALIASES}: ${message}` : `cannot be read as YAML: ${message}`,
			fix: aliases ? 'write the values out instead of repeating aliases; archive records need no aliases' : yamlFix
		});
		return undefined;
	}
}

function check<S extends z.ZodType>(schema: S, input: unknown, file: string, problems: Problem[]): z.output<S> | undefined {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	for (const issue of result.error.issues) {
		const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
		for (const key of keys) {
			const path = key === undefined ? issue.path : [...issue.path, key];
			const problem = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
			problems.push({ file, field: fieldPath(path), problem, fix: fixFor(issue) });
		}
	}
	return undefined;
}

/** Entries kept one to a YAML file named by their id (events, claims): parsed, checked, and the id matched to the file name. */
function validateEntries<S extends z.ZodType<{ id: string }>>(files: readonly DiscoveredEvent[], schema: S, idIs: string, problems: Problem[]): { source: DiscoveredEvent; entry: z.output<S> }[] {
	const valid: { source: DiscoveredEvent; entry: z.output<S> }[] = [];
	for (const source of files) {
		const raw = parseYaml(source.text, source.path, problems);
		const entry = raw === undefined ? undefined : check(schema, raw, source.path, problems);
		if (!entry) continue;
		if (entry.id !== source.fileId) {
			problems.push({ file: source.path, field: 'id', problem: `is "${entry.id}" but the file is "${source.fileId}.yaml"`, fix: `make the id and the file name the same; the id is the ${idIs}` });
		}
		valid.push({ source, entry });
	}
	return valid;
}

/**
 * Returns the documents and events that passed, and the folder ids of documents that did not,
 * so that later stages skip citations of them instead of repeating the same fault.
 */
export function validate(discovered: Discovered): {
	documents: ValidDocument[];
	events: ValidEvent[];
	claims: ValidClaim[];
	site: { path: string; settings: SiteSettings } | null;
	/** archive/story.yaml, when present and valid. */
	story: { path: string; story: Story } | null;
	/** True when story.yaml is present but did not pass (its problems are reported). */
	storyFailed: boolean;
	failedDocumentIds: Set<string>;
	problems: Problem[];
} {
	const problems: Problem[] = [];
	const failedDocumentIds = new Set<string>();
	const documents: ValidDocument[] = [];
	const events: ValidEvent[] = [];
	for (const source of discovered.documents) {
		const raw = parseYaml(source.metaText, source.metaPath, problems);
		const meta = raw === undefined ? undefined : check(DocumentMeta, raw, source.metaPath, problems);
		if (!meta) {
			failedDocumentIds.add(source.folderId);
			continue;
		}
		if (meta.id !== source.folderId) {
			problems.push({ file: source.metaPath, field: 'id', problem: `is "${meta.id}" but the folder is "${source.folderId}"`, fix: 'make the id and the folder name the same; the id is the document’s permanent URL' });
		}
		documents.push({ source, meta });
	}
	for (const { source, entry } of validateEntries(discovered.events, EventEntry, 'event’s permanent URL', problems)) events.push({ source, event: entry });
	const claims: ValidClaim[] = validateEntries(discovered.claims, ClaimEntry, 'claim’s permanent anchor', problems).map(({ source, entry }) => ({ source, claim: entry }));
	let site: { path: string; settings: SiteSettings } | null = null;
	if (discovered.site) {
		const raw = parseYaml(discovered.site.text, discovered.site.path, problems);
		const settings = raw === undefined ? undefined : check(SiteSettings, raw, discovered.site.path, problems);
		if (settings) site = { path: discovered.site.path, settings };
	}
	let story: { path: string; story: Story } | null = null;
	let storyFailed = false;
	if (discovered.story) {
		const raw = parseYaml(discovered.story.text, discovered.story.path, problems);
		const parsed = raw === undefined ? undefined : check(Story, raw, discovered.story.path, problems);
		if (parsed) story = { path: discovered.story.path, story: parsed };
		else storyFailed = true;
	}
	return { documents, events, claims, site, story, storyFailed, failedDocumentIds, problems };
}
