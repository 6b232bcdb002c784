/**
 * How a reader cites an archived document, in three forms: a Chicago bibliography entry to paste
 * as plain text, a BibTeX entry for LaTeX users, and CSL-JSON for reference managers (Zotero,
 * Mendeley) that restyle it in any citation style.
 *
 * Written by hand rather than with citation-js, the maintained library for this: its current
 * major version requires Node 22, and this project builds on Node 20. The three formats need
 * only the few fields the archive records, so the code stays small.
 *
 * Pure functions, no DOM and no Node APIs: the document page builds these in the browser and the
 * pipeline may write them as files.
 */
import { formatDate, mustParseDate, toIso, type PartialDate } from './dates';
import type { ManifestDocument } from './manifest';
import { displayTitle } from './present';
import { DOCUMENT_KINDS, type DocumentKind } from './vocabulary';

/** The reference is to the archive's copy, so every format names the archive and the document's id in it. */
export const ARCHIVE_NAME = 'Wang Bingzhang case archive';

const NOTE_APPROXIMATE = 'Date approximate (circa)';
const NOTE_SUPPLIED = 'Title supplied by the archive';

/** The fields a citation reads; a full ManifestDocument is one. */
export type CitableDocument = Pick<
	ManifestDocument,
	'id' | 'title' | 'titleSupplied' | 'originalTitle' | 'kind' | 'date' | 'dateApproximate' | 'issuer' | 'languages' | 'identifiers'
>;

export type CslType =
	| 'article'
	| 'article-newspaper'
	| 'bill'
	| 'document'
	| 'entry-encyclopedia'
	| 'hearing'
	| 'legal_case'
	| 'letter'
	| 'manuscript'
	| 'report'
	| 'webpage';

/**
 * Every kind is mapped here, so adding a kind to the vocabulary fails to compile until someone
 * decides how reference managers should treat it.
 */
const CSL_TYPES: Record<DocumentKind, CslType> = {
	// A Working Group opinion decides an individual case; as legal_case its number becomes the docket number and the Working Group the authority.
	'un-opinion': 'legal_case',
	// UN documents are cited by their symbol, which CSL carries as a report number.
	'un-document': 'report',
	// Reference managers file congressional resolutions, and the records of their progress, as bills.
	'legislative-resolution': 'bill',
	'bill-status': 'bill',
	// Statements in a chamber's record and written interrogatories are neither bills nor enacted legislation.
	'legislative-record': 'document',
	'legislative-question': 'document',
	hearing: 'hearing',
	'court-judgment': 'legal_case',
	'court-ruling': 'legal_case',
	'police-statement': 'document',
	'government-statement': 'document',
	'government-profile': 'webpage',
	'diplomatic-cable': 'document',
	letter: 'letter',
	'open-letter': 'letter',
	'campaign-text': 'document',
	petition: 'document',
	report: 'report',
	'ngo-release': 'document',
	// Amnesty cites its urgent actions by index number, which a report type keeps.
	'urgent-action': 'report',
	'news-report': 'article-newspaper',
	// Opinion and feature articles appear in magazines and on websites as well as in newspapers.
	'opinion-article': 'article',
	'feature-article': 'article',
	memoir: 'document',
	'reference-work': 'entry-encyclopedia',
	// Unpublished working notes.
	'research-notes': 'manuscript'
};

/** Types whose issuer is also the deciding or legislating body that styles print as such (court, legislature). */
const AUTHORITY_TYPES: ReadonlySet<CslType> = new Set(['legal_case', 'bill', 'hearing']);

export type CslDateParts = [number] | [number, number] | [number, number, number];

export interface CslDate {
	'date-parts': [CslDateParts];
	/** Part of the CSL-JSON schema's date object; citeproc-js prints "circa" for it. */
	circa?: boolean;
}

/** A CSL-JSON item with the fields this archive fills (names as the CSL 1.0.2 schema spells them). */
export interface CslItem {
	id: string;
	type: CslType;
	title: string;
	'original-title'?: string;
	author: { literal: string }[];
	authority?: string;
	issued?: CslDate;
	genre: string;
	number?: string;
	language?: string;
	URL: string;
	archive: string;
	archive_location: string;
	note?: string;
}

const parsedDate = (doc: Pick<CitableDocument, 'date'>): PartialDate | null => (doc.date === undefined ? null : mustParseDate(doc.date));

function dateParts(date: PartialDate): CslDateParts {
	if (date.precision === 'year') return [date.year];
	if (date.precision === 'month') return [date.year, date.month ?? 1];
	return [date.year, date.month ?? 1, date.day ?? 1];
}

/** "und" (undetermined) says nothing a reference manager can use, so it is left out. */
const knownLanguages = (doc: Pick<CitableDocument, 'languages'>) => doc.languages.filter((lang) => lang !== 'und');

function noteLines(doc: CitableDocument): string[] {
	const lines = doc.identifiers.map((identifier) => `${identifier.scheme}: ${identifier.value}`);
	if (doc.date !== undefined && doc.dateApproximate) lines.push(NOTE_APPROXIMATE);
	if (doc.titleSupplied) lines.push(NOTE_SUPPLIED);
	return lines;
}

/**
 * The document as a CSL-JSON item. The issuer goes in as a literal name so that no processor
 * splits "Guangdong Provincial High People's Court" into a family and a given name.
 */
export function cslItem(doc: CitableDocument, url: string): CslItem {
	const type = CSL_TYPES[doc.kind];
	const date = parsedDate(doc);
	const note = noteLines(doc);
	const language = knownLanguages(doc)[0];
	// Optional fields are spread in place so the downloaded .json lists them in reading order.
	return {
		id: doc.id,
		type,
		title: displayTitle(doc),
		...(doc.originalTitle ? { 'original-title': doc.originalTitle.text } : {}),
		author: [{ literal: doc.issuer }],
		...(AUTHORITY_TYPES.has(type) ? { authority: doc.issuer } : {}),
		...(date ? { issued: doc.dateApproximate ? { 'date-parts': [dateParts(date)], circa: true } : { 'date-parts': [dateParts(date)] } } : {}),
		genre: DOCUMENT_KINDS[doc.kind],
		...(doc.identifiers[0] ? { number: doc.identifiers[0].value } : {}),
		...(language ? { language } : {}),
		URL: url,
		archive: ARCHIVE_NAME,
		archive_location: doc.id,
		...(note.length > 0 ? { note: note.join('\n') } : {})
	};
}

/** The contents of a .json citation file: CSL-JSON files are arrays of items, even for one. */
export const cslJsonText = (doc: CitableDocument, url: string) => JSON.stringify([cslItem(doc, url)], null, 2);

/** Ends a bibliography element with a period unless it already ends a sentence, so "n.d." and "Inc." get no second one. */
const closeElement = (text: string) => (/[.?!]$/.test(text) ? text : `${text}.`);

/** Chicago puts the period inside the closing quotation mark, and drops it after a title's own "?", "!" or ".". */
function chicagoTitle(doc: CitableDocument): string {
	const original = doc.originalTitle ? ` (${doc.originalTitle.text})` : '';
	// A supplied title is a description, not a quotation; the period after the brackets stays, as after any parenthesis.
	if (doc.titleSupplied) return `${displayTitle(doc)}${original}.`;
	if (original) return `“${doc.title}”${original}.`;
	return `“${closeElement(doc.title)}”`;
}

/** Chicago writes day dates month first ("February 10, 2003"), unlike the site's "10 February 2003". */
const CHICAGO_DAY = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

function chicagoDate(doc: CitableDocument): string {
	const date = parsedDate(doc);
	if (!date) return 'n.d.';
	const text = date.precision === 'day' ? CHICAGO_DAY.format(new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1))) : formatDate(date);
	return doc.dateApproximate ? `ca. ${text}` : text;
}

/**
 * A Chicago notes-bibliography entry (bibliography form) for the document as an unpublished
 * item held by the archive: issuer, title, date, identifiers, the archive, the URL.
 * @example "Guangdong Provincial High People's Court. [Ruling …]. February 2003. Wang Bingzhang case archive, guangdong-high-court-appeal-ruling-2003. https://…."
 */
export function chicagoCitation(doc: CitableDocument, url: string): string {
	const elements = [closeElement(doc.issuer), chicagoTitle(doc), closeElement(chicagoDate(doc))];
	if (doc.identifiers.length > 0) elements.push(closeElement(doc.identifiers.map((identifier) => `${identifier.scheme} ${identifier.value}`).join('; ')));
	elements.push(`${ARCHIVE_NAME}, ${doc.id}.`, closeElement(url));
	return elements.join(' ');
}

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/**
 * Braces become \textbraceleft{} and \textbraceright{}, not \{ and \}: BibTeX and Biber count
 * every brace in a field, escaped or not, so a lone \{ would leave the entry unbalanced.
 */
const LATEX_ESCAPES: Record<string, string> = {
	'\\': '\\textbackslash{}',
	'{': '\\textbraceleft{}',
	'}': '\\textbraceright{}',
	'%': '\\%',
	'&': '\\&',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}'
};

/** Text for a BibTeX field, valid LaTeX; other characters (Chinese included) pass through for UTF-8 BibLaTeX. */
export const escapeBibtex = (text: string) => text.replace(/[\\{}%&$#_~^]/g, (char) => LATEX_ESCAPES[char] ?? char);

/**
 * The url field is read verbatim (url/hyperref, Biber), so % and # stay as they are; only what
 * would unbalance or end the field is percent-encoded, which leaves the address unchanged.
 */
const escapeBibtexUrl = (url: string) => url.replace(/[\\{}]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A BibTeX @misc entry keyed by the document's id (a slug, so a valid key). The fields suit
 * classic BibTeX (year, month macro) and BibLaTeX (date, with "~" marking an approximate date).
 */
export function bibtexEntry(doc: CitableDocument, url: string): string {
	const fields: [string, string][] = [
		// Double braces: a corporate author, kept whole rather than parsed as "Last, First and …".
		['author', `{{${escapeBibtex(doc.issuer)}}}`],
		// Inner braces keep the title's capitalisation from styles that lower-case titles.
		['title', `{{${escapeBibtex(displayTitle(doc))}}}`]
	];
	if (doc.originalTitle) fields.push(['origtitle', `{${escapeBibtex(doc.originalTitle.text)}}`]);
	const date = parsedDate(doc);
	if (date) {
		fields.push(['year', `{${date.year}}`]);
		const month = date.month === undefined ? undefined : BIBTEX_MONTHS[date.month - 1];
		if (month) fields.push(['month', month]);
		fields.push(['date', `{${toIso(date)}${doc.dateApproximate ? '~' : ''}}`]);
	}
	const languages = knownLanguages(doc);
	if (languages.length > 0) fields.push(['language', `{${languages.map(escapeBibtex).join(' and ')}}`]);
	const note = noteLines(doc);
	if (note.length > 0) fields.push(['note', `{${escapeBibtex(note.join('; '))}}`]);
	fields.push(['howpublished', `{${escapeBibtex(`${ARCHIVE_NAME}, ${doc.id}`)}}`], ['url', `{${escapeBibtexUrl(url)}}`]);
	return `@misc{${doc.id},\n${fields.map(([name, value]) => `\t${name} = ${value}`).join(',\n')}\n}\n`;
}

export type CitationFormat = 'txt' | 'bib' | 'json';

/** "wgad-opinion-10-2003.bib": the id keeps downloaded files apart and findable. */
export const citationFileName = (doc: Pick<CitableDocument, 'id'>, format: CitationFormat) => `${doc.id}.${format}`;
