/**
 * Facets for browsing the archive: kind, primary or secondary source, decade and holding
 * status. Each single facet value has a prerendered page (/archive/kind/<kind>, …) so browsing
 * works without JavaScript; with it, facets combine in the URL (/archive?kind=…&decade=…).
 */
import { kindLabel, primaryLabel, statusLabel, type DocumentSummary } from './present';

export const FACET_KEYS = ['kind', 'source', 'decade', 'status'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type FacetFilter = Partial<Record<FacetKey, string>>;

export const FACET_TITLES: Record<FacetKey, string> = { kind: 'Kind', source: 'Source', decade: 'Decade', status: 'Status' };

/** "2000s" for a date in 2003; null for an undated document. */
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
	return value;
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
	for (const key of FACET_KEYS) {
		const others = { ...filter, [key]: undefined };
		const counts = new Map<string, number>();
		for (const doc of docs) {
			const value = facetValue(doc, key);
			if (value !== null && matchesFilter(doc, others)) counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		out[key] = [...counts].map(([value, count]) => ({ value, label: facetLabel(key, value), count })).sort((a, b) => (key === 'decade' ? a.value.localeCompare(b.value) : b.count - a.count || a.label.localeCompare(b.label)));
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
