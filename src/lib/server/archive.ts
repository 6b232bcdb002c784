/**
 * Build-time access to the manifest the pipeline wrote into the build's staging folder
 * (SITE_STAGE, set by `npm run build`). Read from disk (not imported) so that type-checking does
 * not depend on a build having run; memoised so prerendering reads it once.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { MANIFEST_SCHEMA_VERSION, type Manifest, type ManifestDocument, type ManifestEvent } from '$lib/content/manifest';
import { compareForList } from '$lib/content/facets';
import { summariseDocument, type DocumentSummary } from '$lib/content/present';
import { currentLocale } from '$lib/i18n/locale';
import { localize, localizeDocument, type Localized } from '$lib/i18n/records';

let cached: Manifest | null = null;

export function getManifest(): Manifest {
	if (cached) return cached;
	const stage = process.env.SITE_STAGE;
	if (!stage) throw new Error('SITE_STAGE is not set: build the site with `npm run build`, which runs the archive pipeline before Vite.');
	const path = resolve(stage, 'generated', 'manifest.json');
	let manifest: Manifest;
	try {
		manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
	} catch (error) {
		throw new Error(`Cannot read ${path} (${(error as Error).message}). Run \`npm run build\`, which runs the archive pipeline before Vite.`);
	}
	if (manifest.schemaVersion !== MANIFEST_SCHEMA_VERSION) {
		throw new Error(`${path} has schema version ${manifest.schemaVersion}, expected ${MANIFEST_SCHEMA_VERSION}. Run \`npm run build\` again.`);
	}
	cached = manifest;
	return manifest;
}

export function getDocument(id: string): ManifestDocument | undefined {
	return getManifest().documents.find((d) => d.id === id);
}

/** A document in the page's language (src/lib/i18n/records.ts). */
export function localDocument(id: string): (ManifestDocument & Localized) | undefined {
	const doc = getDocument(id);
	return doc && localizeDocument(doc, currentLocale());
}

/** An event in the page's language. */
export function localEvent(id: string): (ManifestEvent & Localized) | undefined {
	const event = getEvent(id);
	return event && localize(event, currentLocale());
}

export function getEvent(id: string): ManifestEvent | undefined {
	return getManifest().events.find((e) => e.id === id);
}

/** Every document's short record, in date order (undated last), then by title in the page's collation, then id: the archive list's order. */
export function documentSummaries(): DocumentSummary[] {
	const locale = currentLocale();
	return getManifest()
		.documents.map((d) => summariseDocument(localizeDocument(d, locale)))
		.sort(compareForList(locale));
}

/** Short records of the given documents, keyed by id. */
export function summariesOf(ids: Iterable<string>): Record<string, DocumentSummary> {
	const wanted = new Set(ids);
	const out: Record<string, DocumentSummary> = {};
	const locale = currentLocale();
	for (const doc of getManifest().documents) if (wanted.has(doc.id)) out[doc.id] = summariseDocument(localizeDocument(doc, locale));
	return out;
}

/** Short records of the documents that the given events cite, keyed by id. */
export function summariesFor(events: readonly ManifestEvent[]): Record<string, DocumentSummary> {
	return summariesOf(events.flatMap((e) => [...(e.issuance ? [e.issuance] : []), ...[...e.sources, ...e.disputes.flatMap((d) => d.versions.flatMap((v) => v.sources))].map((s) => s.document)]));
}
