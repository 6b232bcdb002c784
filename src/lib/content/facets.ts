/**
 * Facets for browsing the archive: kind, primary or secondary source, decade and holding
 * status. Each single facet value has a prerendered page (/archive/kind/<kind>, …) so browsing
 * works without JavaScript; with it, facets combine in the URL (/archive?kind=…&decade=…).
 */
import { compareDocumentDates, type DocumentSummary } from './present';
import { kindLabel, primaryLabel, statusLabel } from './document-labels';
import { archive_decade, archive_facet_decade, archive_facet_kind, archive_facet_source, archive_facet_status } from '../paraglide/messages.js';
import { currentLocale, type Locale } from '../i18n/locale';
import { FACET_KEYS, type FacetKey } from './facet-keys';

export { FACET_KEYS, type FacetKey };
export type FacetFilter = Partial<Record<FacetKey, string>>;

const FACET_TITLES: Record<FacetKey, () => string> = { kind: archive_facet_kind, source: archive_facet_source, decade: archive_facet_decade, status: archive_facet_status };

/** A facet's name in the reader's language: "Kind", 类型. */
export const facetTitle = (key: FacetKey): string => FACET_TITLES[key]();

/** "2000s" for a date in 2003; null for an undated document. The value is the URL's, in every language. */
export const decadeOf = (date: string | undefined) => (date ? `${Math.floor(Number(date.slice(0, 4)) / 10) * 10}s` : null);

export function facetValue(doc: DocumentSummary, key: FacetKey): string | null {
	if (key === 'kind') return doc.kind;
	if (key === 'source') return doc.primary ? 'primary' : 'secondary';
	if (key === 'decade') return decadeOf(doc.date);
	return doc.status;
}

export function facetLabel(key: FacetKey, value: string): string {
	if (key === 'kind') return kindLabel(value as DocumentSummary['kind']);
	if (key === 'source') return primaryLabel(value === 'primary');
	if (key === 'status') return statusLabel(value as DocumentSummary['status']);
	// A decade's value is "2000s" in every interface (it is in the URL); its label is the reader's: 2000年代.
	return /^\d+s$/.test(value) ? archive_decade({ decade: value.slice(0, -1) }) : value;
}

/**
 * The archive list's order: by date (undated last), then by title as the page's language sorts
 * it (a Chinese page shows Chinese documents under their Chinese titles), then by id, so that the
 * order is the same on every build.
 */
export function compareForList(locale: Locale = currentLocale()): (a: DocumentSummary, b: DocumentSummary) => number {
	return (a, b) => compareDocumentDates(a, b) || a.title.localeCompare(b.title, locale) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export const matchesFilter = (doc: DocumentSummary, filter: FacetFilter) => FACET_KEYS.every((k) => !filter[k] || facetValue(doc, k) === filter[k]);

export interface FacetOption {
	value: string;
	label: string;
	count: number;
}

/** For each facet, its values with the number of documents they would show, given the other facets in force. */
export function facetOptions(docs: readonly DocumentSummary[], filter: FacetFilter): Record<FacetKey, FacetOption[]> {
	const out = {} as Record<FacetKey, FacetOption[]>;
	const locale = currentLocale();
	for (const key of FACET_KEYS) {
		const others = { ...filter, [key]: undefined };
		const counts = new Map<string, number>();
		for (const doc of docs) {
			const value = facetValue(doc, key);
			if (value !== null && matchesFilter(doc, others)) counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		out[key] = [...counts].map(([value, count]) => ({ value, label: facetLabel(key, value), count })).sort((a, b) => (key === 'decade' ? a.value.localeCompare(b.value, 'en') : b.count - a.count || a.label.localeCompare(b.label, locale) || a.value.localeCompare(b.value, 'en')));
	}
	return out;
}

export function parseFilter(params: URLSearchParams): FacetFilter {
	return Object.fromEntries(FACET_KEYS.map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v)) as FacetFilter;
}

export function serializeFilter(filter: FacetFilter): string {
	const params = new URLSearchParams();
	for (const k of FACET_KEYS) if (filter[k]) params.set(k, filter[k]!);
	return params.toString();
}
