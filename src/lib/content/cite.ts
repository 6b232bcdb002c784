/**
 * How a reader cites an archived document, in three forms: a Chicago bibliography entry to paste
 * as plain text, a BibTeX entry for LaTeX users, and CSL-JSON for reference managers (Zotero,
 * Mendeley) that restyle it in any citation style. Chinese pages add a fourth, GB/T 7714-2015,
 * the Chinese national standard for references.
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
import { DOCUMENT_KINDS, type DocumentKind } from './vocabulary';

/**
 * A supplied title in square brackets, as the page shows it (present.ts's displayTitle, repeated
 * here so that citations stay free of the interface's messages, which present.ts imports).
 */
const displayTitle = (doc: { title: string; titleSupplied: boolean }) => (doc.titleSupplied ? `[${doc.title}]` : doc.title);

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

export type CitationFormat = 'txt' | 'bib' | 'json' | 'gbt.txt';

/** "wgad-opinion-10-2003.bib": the id keeps downloaded files apart and findable ("….gbt.txt" beside Chicago's "….txt"). */
export const citationFileName = (doc: Pick<CitableDocument, 'id'>, format: CitationFormat) => `${doc.id}.${format}`;

/**
 * GB/T 7714-2015's document type codes (文献类型标识, its appendix B) that this archive's kinds
 * take. The standard names a type for newspapers (N), reports (R), standards (S), electronic
 * bulletins, that is items published as web pages or posts (EB), and "other" (Z), among others
 * (books, journals, theses, patents…) that no kind here is. No kind is a standard, so S never
 * appears; a kind whose documents GB/T has no type for (judgments, resolutions, letters) is Z,
 * rather than pretending to be a web page.
 */
export type GbtTypeCode = 'N' | 'R' | 'EB' | 'Z';

/** Every kind mapped, so a new kind fails to compile until its type code is decided. */
const GBT_TYPES: Record<DocumentKind, GbtTypeCode> = {
	// Decisions of courts and of the UN Working Group: GB/T has no type for a judicial or quasi-judicial decision.
	'un-opinion': 'Z',
	'court-judgment': 'Z',
	'court-ruling': 'Z',
	// UN documents are cited by their symbol as reports, as CSL types them; so are numbered NGO documents and reports themselves.
	'un-document': 'R',
	'urgent-action': 'R',
	report: 'R',
	// Legislative papers (resolutions, bill records, chamber records, interrogatories, hearings): no GB/T type.
	'legislative-resolution': 'Z',
	'bill-status': 'Z',
	'legislative-record': 'Z',
	'legislative-question': 'Z',
	hearing: 'Z',
	// Official papers that are not publications: a police statement, a diplomatic cable.
	'police-statement': 'Z',
	'diplomatic-cable': 'Z',
	// Letters and petitions are correspondence, not publications of a GB/T type.
	letter: 'Z',
	'open-letter': 'Z',
	petition: 'Z',
	// Unpublished working notes.
	'research-notes': 'Z',
	// News reports are newspaper and news-agency articles: GB/T's newspaper type.
	'news-report': 'N',
	// Statements, profiles, releases, campaign texts, articles and reference entries reach readers as web pages and posts.
	'government-statement': 'EB',
	'government-profile': 'EB',
	'ngo-release': 'EB',
	'campaign-text': 'EB',
	'opinion-article': 'EB',
	'feature-article': 'EB',
	memoir: 'EB',
	'reference-work': 'EB'
};

/** The document type code of a kind, for GB/T 7714-2015. */
export const gbtTypeCode = (kind: DocumentKind): GbtTypeCode => GBT_TYPES[kind];

/**
 * The title GB/T cites: the document's own. A document whose own title is Chinese (or in another
 * language, where the archive supplied the English) is cited by it; otherwise the title as the page
 * shows it, a supplied one in square brackets (the page passes the Chinese the archive supplied).
 */
function gbtTitle(doc: CitableDocument): string {
	if (doc.originalTitle && (doc.titleSupplied || doc.originalTitle.lang.startsWith('zh'))) return doc.originalTitle.text;
	return displayTitle(doc);
}

/**
 * The document's date as GB/T writes dates (ISO 8601: 2003-02-10, 2003-02, 2003); an approximate
 * one in square brackets, as the standard marks an estimated date ([1936]). Null when undated.
 */
function gbtDate(doc: CitableDocument): string | null {
	const date = parsedDate(doc);
	if (!date) return null;
	return doc.dateApproximate ? `[${toIso(date)}]` : toIso(date);
}

export interface GbtOptions {
	/** Who publishes the copy cited: the archive, by its Chinese name (archive/site.yaml `name`). */
	publisher: string;
	/** The date of citing (引用日期), YYYY-MM-DD, or a placeholder for the reader to fill in. */
	cited: string;
}

/**
 * A GB/T 7714-2015 reference to the document as an online resource read on the archive's page:
 * 主要责任者. 题名[类型/OL]. 出版者, (日期)[引用日期]. 访问路径.
 * The carrier is always OL (online): the reference gives the address the reader read it at. The
 * issuer and an English title stay as the source gives them, as GB/T cites foreign-language works
 * in their language. An undated document has only the date of citing in the date element.
 * @example "Shenzhen Intermediate People's Court. 深圳市中级人民法院刑事判决书[Z/OL]. 王炳章案档案, (2003-02-10)[2026-12-01]. https://…/zh-hans/archive/shenzhen-judgment-2003."
 */
export function gbtCitation(doc: CitableDocument, url: string, options: GbtOptions): string {
	const date = gbtDate(doc);
	const dates = `${date === null ? '' : `(${date})`}[${options.cited}]`;
	return `${closeElement(doc.issuer)} ${gbtTitle(doc)}[${gbtTypeCode(doc.kind)}/OL]. ${options.publisher}, ${dates}. ${closeElement(url)}`;
}

/** A day as GB/T and ISO 8601 write it (YYYY-MM-DD), in the reader's own time zone: the date of citing. */
export function isoDay(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
