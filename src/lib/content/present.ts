/**
 * How archive records are put into words and links on the site. Pure functions; the
 * components only place what these return.
 */
import { compareDates, formatSpanIn, mustParseDate, type DateSpan } from './dates';
import { undated } from '../paraglide/messages.js';
import { labelFrom } from '../i18n/label-table';
import { CATEGORY_LABELS } from '../i18n/vocabulary-labels/category.generated';
import { currentLocale } from '../i18n/locale';
import type { ManifestDocument, ManifestEvent } from './manifest';
import type { SourceRef } from './schema';

/** What a page needs to show a cited document without its text. */
export interface DocumentSummary {
	id: string;
	title: string;
	titleSupplied: boolean;
	/** The language of the title as shown, when it is the document's own Chinese title on a Chinese page. */
	titleLang?: string;
	kind: ManifestDocument['kind'];
	primary: boolean;
	status: ManifestDocument['status'];
	/** Absent for an undated document. */
	date?: string;
	dateApproximate: boolean;
	issuer: string;
	/** The claimant whose own account the document is, if any. */
	claimant?: string;
}

export function summariseDocument(doc: ManifestDocument & { titleLang?: string }): DocumentSummary {
	return {
		id: doc.id,
		title: doc.title,
		titleSupplied: doc.titleSupplied,
		...(doc.titleLang ? { titleLang: doc.titleLang } : {}),
		kind: doc.kind,
		primary: doc.primary,
		status: doc.status,
		date: doc.date,
		dateApproximate: doc.dateApproximate,
		issuer: doc.issuer,
		...(doc.claimant ? { claimant: doc.claimant } : {})
	};
}

/** What a list or the chart shows of an event: no summary, no sources. */
export interface EventHeadline {
	id: string;
	title: string;
	category: ManifestEvent['category'];
	start: string;
	end?: string;
	ongoing: boolean;
	approximate: boolean;
	disputed: boolean;
	unverified: boolean;
}

export function headline(event: ManifestEvent): EventHeadline {
	const { id, title, category, start, end, ongoing, approximate } = event;
	return { id, title, category, start, end, ongoing, approximate, disputed: event.disputes.length > 0, unverified: event.unverified !== undefined };
}

/** A supplied title is shown in square brackets, as catalogues do. */
export const displayTitle = (doc: { title: string; titleSupplied: boolean }) => (doc.titleSupplied ? `[${doc.title}]` : doc.title);

/** An event's category in the reader's language; the documents' labels are in document-labels.ts, which the home page does not load. */
export const categoryLabel = (category: ManifestEvent['category']) => labelFrom(CATEGORY_LABELS, category);

export function eventSpan(event: Pick<ManifestEvent, 'start' | 'end' | 'ongoing' | 'approximate'>): DateSpan {
	return {
		start: mustParseDate(event.start),
		end: event.end ? mustParseDate(event.end) : undefined,
		ongoing: event.ongoing,
		approximate: event.approximate
	};
}

/** An event's date in the reader's language: "June 2002", "2002年6月". */
export const eventDateLabel = (event: Pick<ManifestEvent, 'start' | 'end' | 'ongoing' | 'approximate'>) => formatSpanIn(eventSpan(event), currentLocale());

export function documentDateLabel(doc: { date?: string; dateApproximate: boolean }): string {
	if (doc.date === undefined) return undated();
	return formatSpanIn({ start: mustParseDate(doc.date), approximate: doc.dateApproximate }, currentLocale());
}

/** Orders documents by date, undated ones last. */
export function compareDocumentDates(a: { date?: string }, b: { date?: string }): number {
	if (a.date === undefined || b.date === undefined) return (a.date === undefined ? 1 : 0) - (b.date === undefined ? 1 : 0);
	return compareDates(mustParseDate(a.date), mustParseDate(b.date));
}

/** The fragment that opens a document at a source's place: "#p-5", "#page=3", or "". */
export function sourceFragment(source: Pick<SourceRef, 'page' | 'paragraph'>): string {
	if (source.page !== undefined) return `#page=${source.page}`;
	if (source.paragraph !== undefined) return `#p-${source.paragraph}`;
	return '';
}

/** "¶ 5", "p. 3", or the document's own pinpoint, for a reader. */
export function locationLabel(source: Pick<SourceRef, 'page' | 'paragraph' | 'pinpoint'>): string | null {
	const parts: string[] = [];
	if (source.page !== undefined) parts.push(`p. ${source.page}`);
	if (source.paragraph !== undefined) parts.push(`¶ ${source.paragraph}`);
	if (source.pinpoint) parts.push(source.pinpoint);
	return parts.length > 0 ? parts.join(', ') : null;
}

