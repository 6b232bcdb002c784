/**
 * The manifest the pipeline writes and the site reads: the validated archive, with hashes,
 * extracted text and the reverse links from documents to the events that cite them.
 */
import type { Precision } from './dates';
import type { Basis } from './rests-on';
import type { OcrBox } from './ocr-text';
import type { ArchivedMediaType } from './formats';
import type { PDF_FEATURES } from './vocabulary';
import type { Claimant, ClaimEntry, DocumentMeta, EventEntry, FileEntryOutput, SourceRef } from './schema';

export const MANIFEST_SCHEMA_VERSION = 4;

/** Something in a PDF that a PDF reader might act on; the site's viewer acts on none of them. */
export type PdfFeature = keyof typeof PDF_FEATURES;

export interface ManifestFile {
	name: string;
	mediaType: ArchivedMediaType;
	role: FileEntryOutput['role'];
	/** A derivative's sources, and what made it (an OCR file: the PDF, the engine; a page PDF: the images, the image tool). */
	derivedFrom?: string[];
	tool?: string;
	meanConfidence?: number;
	sha256: string;
	bytes: number;
	/** Site path without the base path: /files/<id>/<name>. */
	path: string;
	/** For a PDF: the active features found in it (empty when none). */
	features?: PdfFeature[];
}

/**
 * A citation as the site shows it: for a quote of a document the archive does not hold, who
 * quotes it (from the record's knownToSay), set by the pipeline; quotes from notes written in
 * Markdown without their emphasis asterisks.
 */
export type CitedSource = SourceRef & { quotedBy?: string; machineRead?: boolean; checkedBy?: PersonCheck };

/** A passage of this document cited by an event. */
export interface ManifestCitation extends SourceRef {
	event: string;
	eventTitle: string;
}

/** A data record shown as a table (the document's meta.yaml declares it; the rows are read from its JSON). */
export interface ManifestTable {
	caption: string;
	/** The JSON file it is read from. */
	file: string;
	/** Column labels. */
	columns: string[];
	/** Each row's cells as text, in the file's order. */
	rows: string[][];
	/** Each row's element id, e.g. "member-B001234". */
	anchors: string[];
	/** The counted column's label, and each of its values with how many rows hold it. */
	countBy: string;
	counts: [string, number][];
}

/** A document's text read by OCR: which pages, by what, how sure; none of it checked by a person yet. */
export interface MachineRead {
	pages: number[];
	tool: string;
	/** Mean confidence of the words read, 0 to 100; null when none were read. */
	meanConfidence: number | null;
	/** Each read page's lines of word boxes (by page number), laid over the scan by the reader. */
	boxes: Record<number, OcrBox[][]>;
	/** Read pages a person has checked against the scan, by page number: who, and when. */
	checked: Record<number, PersonCheck>;
	/** Read pages whose words a person corrected, by page number: who, when and why (the OCR file is kept). */
	corrected: Record<number, PersonCheck & { reason: string }>;
}

/** An original the record holds unpublished: its hash and size only (its metadata or content must not be public). */
export interface UnpublishedFile {
	name: string;
	mediaType: ArchivedMediaType;
	sha256: string;
	bytes: number;
}

/** A person who checked machine-read text against the scan, and when (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface PersonCheck {
	by: string;
	date: string;
}

export interface ManifestDocument extends Omit<WithTraditional<DocumentMeta>, 'files' | 'paragraphs' | 'table'> {
	/** Precision of `date`; null for an undated document. */
	precision: Precision | null;
	files: ManifestFile[];
	/** Originals held unpublished: recorded by hash, not on the site. */
	unpublished: UnpublishedFile[];
	/** Numbered paragraphs of the archived text file (#p-<n>), if one is held. */
	paragraphs: string[] | null;
	/** Text of each page of the archived PDF (#page=<n>), if one is held. */
	pages: string[] | null;
	/** Width and height in PDF points of each page of the archived PDF, if one is held. */
	pageSizes: [number, number][] | null;
	/** Page 1 of the archived PDF drawn at build time (src/pipeline/page-image.ts): its address and size in pixels, shown until pdf.js has drawn the page. */
	firstPageImage?: { path: string; width: number; height: number } | null;
	/** Where the pages' text comes from, when some of it is machine-read: the pages (1-based) read by OCR, and the engine. */
	machineRead: MachineRead | null;
	/** The data record's table, when the document is one. */
	table: ManifestTable | null;
	citedBy: ManifestCitation[];
}

/** The archive's words in Traditional Chinese, derived from its Simplified (src/pipeline/traditional.ts). */
export type WithTraditional<T extends { 'zh-Hans'?: unknown }> = T & { 'zh-Hant'?: T['zh-Hans'] };

export interface ManifestEvent extends WithTraditional<EventEntry> {
	precision: Precision;
	/** What the event rests on, computed from its sources' records (rests-on.ts). */
	basis: Basis;
}

/** The archive's words of a story step in Chinese: the event's title, the step's account, the cited source's note. */
export interface StoryStepTranslation {
	title?: string;
	account?: string;
	source?: { note?: string };
}

/** One step of the story (archive/story.yaml), resolved: the event's date and title, our account, the citation the step shows. */
export interface ManifestStoryStep {
	/** The event's id: the step's anchor, /story#<id>. */
	event: string;
	title: string;
	start: string;
	end?: string;
	ongoing: boolean;
	approximate: boolean;
	precision: Precision;
	/** The step's account, in our words. */
	account: string;
	/** Which of the event's sources the step shows. */
	sourceIndex: number;
	source: CitedSource;
	'zh-Hans'?: StoryStepTranslation;
	'zh-Hant'?: StoryStepTranslation;
}

export interface Manifest {
	schemaVersion: typeof MANIFEST_SCHEMA_VERSION;
	documents: ManifestDocument[];
	/** In time order (start, then id). */
	events: ManifestEvent[];
	/** Ids of the events the home page lists as the case in brief, in time order. */
	brief: string[];
	/** The claims the archive checks (the verdict's, the founding documents'), in display order: by claimant, then order. */
	claims: WithTraditional<ClaimEntry>[];
	/** Whose claims they are, by id (archive/site.yaml). */
	claimants: Record<string, WithTraditional<Claimant>>;
	/** The story's steps in the order archive/story.yaml tells them; null when the archive has no story. */
	story: ManifestStoryStep[] | null;
	/** The site's name in each interface (archive/site.yaml), Traditional derived. */
	siteName: { en: string; 'zh-Hans': string; 'zh-Hant': string } | null;
	/** Site path of the search index (content-hashed file name), set when the site's files are written. */
	searchIndex?: string;
}
