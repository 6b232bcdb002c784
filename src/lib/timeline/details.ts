/**
 * Event details (summary, sources, disputes) and document summaries for the timeline's panel,
 * fetched from the open data on the first selection rather than shipped with every page.
 * The promise is kept, so concurrent and later callers share one fetch.
 */
import { asset } from '$app/paths';
import type { DocumentSummary } from '$lib/content/present';
import type { Dispute, SourceRef } from '$lib/content/schema';
import type { Basis } from '$lib/content/rests-on';
import type { Category } from '$lib/content/vocabulary';
import { currentLocale } from '$lib/i18n/locale';
import { localize, localizeDocument, type Localized } from '$lib/i18n/records';

export interface EventDetail {
	id: string;
	title: string;
	category: Category;
	start: string;
	end?: string;
	ongoing: boolean;
	approximate: boolean;
	summary: string;
	unverified?: string;
	sources: SourceRef[];
	disputes: Dispute[];
	/** What the event rests on, as the pipeline computed it. */
	restsOn: Basis;
}

export interface DetailData {
	events: Map<string, EventDetail & Localized>;
	docs: Record<string, DocumentSummary>;
}

/** The open data's records carry their translations under their language tags (archive/README.md, "Open data"). */
type Translations = { 'zh-Hans'?: object; 'zh-Hant'?: object };
type OpenEvent = Omit<EventDetail, 'ongoing' | 'disputes'> & { ongoing?: boolean; disputes?: Dispute[] } & Translations;
type OpenDocument = Omit<DocumentSummary, 'titleSupplied' | 'date'> & { titleSupplied?: boolean; date: string | null; originalTitle?: { text: string; lang: string } } & Translations;

let loading: Promise<DetailData> | null = null;

async function fetchJson<T>(path: string): Promise<T> {
	const response = await fetch(asset(path));
	if (!response.ok) throw new Error(`${path} answered ${response.status}`);
	return (await response.json()) as T;
}

export function loadDetails(): Promise<DetailData> {
	loading ??= Promise.all([fetchJson<OpenEvent[]>('/data/events.json'), fetchJson<OpenDocument[]>('/data/documents.json')]).then(
		([events, documents]) => {
			// In the page's language: the archive's words translated, sources' words as they are.
			const locale = currentLocale();
			return {
				events: new Map(events.map((e) => [e.id, localize({ ...e, ongoing: e.ongoing ?? false, disputes: e.disputes ?? [] }, locale)])),
				docs: Object.fromEntries(
					documents.map((open) => {
						const d = localizeDocument({ ...open, titleSupplied: open.titleSupplied ?? false }, locale);
						return [d.id, { id: d.id, title: d.title, titleSupplied: d.titleSupplied, ...(d.titleLang ? { titleLang: d.titleLang } : {}), kind: d.kind, primary: d.primary, status: d.status, date: d.date ?? undefined, dateApproximate: d.dateApproximate, issuer: d.issuer, ...(d.claimant ? { claimant: d.claimant } : {}) }];
					})
				)
			};
		},
		(error: Error) => {
			loading = null; // let a later selection try again
			throw error;
		}
	);
	return loading;
}
