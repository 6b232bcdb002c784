/**
 * How archive records are put into words and links on the site. Pure functions; the
 * components only place what these return.
 */
import { compareDates, formatSpan, mustParseDate, type DateSpan } from './dates';
import type { ManifestDocument, ManifestEvent } from './manifest';
import type { SourceRef } from './schema';
import { CATEGORIES, DOCUMENT_KINDS, HOLDING_STATUSES } from './vocabulary';

/** What a page needs to show a cited document without its text. */
export interface DocumentSummary {
	id: string;
	title: string;
	titleSupplied: boolean;
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

export function summariseDocument(doc: ManifestDocument): DocumentSummary {
	return {
		id: doc.id,
		title: doc.title,
		titleSupplied: doc.titleSupplied,
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

export const kindLabel = (kind: ManifestDocument['kind']) => DOCUMENT_KINDS[kind] ?? kind;
export const statusLabel = (status: ManifestDocument['status']) => HOLDING_STATUSES[status];
export const categoryLabel = (category: ManifestEvent['category']) => CATEGORIES[category];
export const primaryLabel = (primary: boolean) => (primary ? 'Primary source' : 'Secondary source');

export function eventSpan(event: Pick<ManifestEvent, 'start' | 'end' | 'ongoing' | 'approximate'>): DateSpan {
	return {
		start: mustParseDate(event.start),
		end: event.end ? mustParseDate(event.end) : undefined,
		ongoing: event.ongoing,
		approximate: event.approximate
	};
}

export const eventDateLabel = (event: Pick<ManifestEvent, 'start' | 'end' | 'ongoing' | 'approximate'>) => formatSpan(eventSpan(event));

export function documentDateLabel(doc: { date?: string; dateApproximate: boolean }): string {
	if (doc.date === undefined) return 'undated';
	return formatSpan({ start: mustParseDate(doc.date), approximate: doc.dateApproximate });
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

