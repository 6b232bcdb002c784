/**
 * The content model: one zod schema per concept, with the reason for each field. Types are
 * derived from these schemas and nowhere written a second time. archive/README.md documents the
 * same fields for the people who edit the archive; keep the two in step.
 */
import { RE2JS } from 're2js';
import { z } from 'zod';
import { EARLIEST_ORDINARY_YEAR, parsePartialDate } from './dates';
import { ACCEPTED_FORMATS, ACCEPTED_MEDIA_TYPES, isImageType } from './formats';
import { MIN_QUOTE_WEIGHT, quoteWeight } from './text';
import { markProblem } from './translation';
import { BEARINGS, CATEGORIES, COMPLETENESS, DOCUMENT_KINDS, FINDINGS, type Bearing, type Category, type Completeness, type DocumentKind, type Finding } from './vocabulary';

export { BEARINGS, CATEGORIES, COMPLETENESS, DOCUMENT_KINDS, FINDINGS, HOLDING_STATUSES } from './vocabulary';
export type { Bearing, Category, Completeness, DocumentKind, Finding, HoldingStatus } from './vocabulary';

/** Stable ids are slugs because they are URLs people cite: lower-case letters, digits, single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const Slug = z
	.string({ error: 'must be a text slug' })
	.regex(SLUG_PATTERN, { error: 'must be a slug: lower-case letters, digits and single hyphens, e.g. "wgad-opinion-10-2003"' });

/** YAML reads a bare 1966 as a number; a date is always kept as the text the archivist wrote. */
export const DateText = z
	.union([z.string(), z.number()], { error: 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD' })
	.transform((value) => String(value))
	.superRefine((value, ctx) => {
		const parsed = parsePartialDate(value);
		if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
	});

const NonEmpty = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

const kindIds = Object.keys(DOCUMENT_KINDS) as [DocumentKind, ...DocumentKind[]];
export const DocumentKindSchema = z.enum(kindIds, {
	error: (issue) => `unknown kind ${JSON.stringify(issue.input)}; use one of: ${kindIds.join(', ')}`
});

const categoryIds = Object.keys(CATEGORIES) as [Category, ...Category[]];
export const CategorySchema = z.enum(categoryIds, {
	error: (issue) => `unknown category ${JSON.stringify(issue.input)}; use one of: ${categoryIds.join(', ')}`
});

export const HoldingStatusSchema = z.enum(['original', 'partial', 'catalogue'], {
	error: 'must be original, partial or catalogue'
});

/** A BCP 47 language tag such as "en", "zh-Hans", "zh-Hant", "fr". */
const Language = z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language tag such as "en" or "zh-Hans"' });

/** Text in a language other than the page's, e.g. a Chinese title. */
export const ForeignText = z.strictObject({
	text: NonEmpty,
	lang: Language
});

/** An official identifier: a UN symbol, a bill number, a court case number. */
export const Identifier = z.strictObject({
	/** What the identifier is, e.g. "UN document symbol", "Case number". */
	scheme: NonEmpty,
	/** The identifier exactly as the issuer writes it. */
	value: NonEmpty
});

/** A place a copy of the document was seen. */
export const SeenAt = z.strictObject({
	/** The URL exactly as the research notes or source file give it. */
	url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
	/** True when this is a mirror or third-party copy, not the issuer's own site. */
	mirror: z.boolean({ error: 'must be true or false' }).default(false),
	/** What is at this address, in our words (e.g. "opinion text; path looks like the University of Minnesota library"). */
	note: NonEmpty.optional(),
	/** A web-archive copy of the same page, if one is known. */
	archivedCopy: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }).optional(),
	/** When that copy was made: YYYY, YYYY-MM or YYYY-MM-DD (Robust Links' data-versiondate). */
	archivedCopyDate: DateText.optional()
}).refine((seen) => !seen.archivedCopyDate || seen.archivedCopy, { path: ['archivedCopyDate'], error: 'is given without archivedCopy: give the archived copy’s address too' });

/** Roles a file plays: the document's text, the original as issued, or one of the derivatives made from an original. */
export const FILE_ROLES = {
	text: 'the document’s text (a transcription or excerpt)',
	original: 'the original as issued or as it came (a PDF, a scan, a photograph)',
	pages: 'the pages of image originals as the site shows them: a PDF made from them, upright, without metadata',
	ocr: 'the words OCR read from a PDF’s scanned pages (Tesseract’s TSV)',
	corrected: 'the machine-read words as a person corrected them (the OCR file is kept)'
} as const;
export type FileRole = keyof typeof FILE_ROLES;
const DERIVATIVE_ROLES: readonly FileRole[] = ['pages', 'ocr', 'corrected'];

/** A file's name inside its document folder. */
const FileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be a plain file name (letters, digits, ".", "_", "-")' });

/** A correction to machine-read words: which page, when, who made it and why. */
export const Correction = z.strictObject({ page: z.number().int().positive(), date: DateText, by: NonEmpty, reason: NonEmpty });
export type Correction = z.output<typeof Correction>;

/** A file in the document's folder. Its hash is how a reader checks it is the file that was archived. */
export const FileEntry = z.strictObject({
	/** File name inside the document folder, e.g. "text.txt" or "judgment.pdf". */
	name: FileName,
	mediaType: z.enum(ACCEPTED_MEDIA_TYPES, { error: (issue) => `${JSON.stringify(issue.input)} is not a format the archive accepts; use one of: ${ACCEPTED_MEDIA_TYPES.map((t) => `${t} (${ACCEPTED_FORMATS[t].label})`).join(', ')}` }),
	/** SHA-256 of the file's bytes, lower-case hex. `npm run archive:check` prints the right value when it differs. */
	sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lower-case hex digits' }),
	/** What the file is (FILE_ROLES). */
	role: z.enum(Object.keys(FILE_ROLES) as [FileRole, ...FileRole[]], { error: `must be one of: ${Object.keys(FILE_ROLES).join(', ')}` }).default('text'),
	/** An original held unpublished: its hash and provenance are recorded, the file itself is not in the archive (its metadata or content must not be public). */
	unpublished: z.literal(true, { error: 'must be true, or left out' }).optional(),
	/** Its size in bytes, for an unpublished original (the archive cannot measure a file it does not hold). */
	bytes: z.number().int().positive().optional(),
	/** A derivative's sources: the listed file(s) it was made from, in order (a page PDF's images; an OCR file's PDF). */
	derivedFrom: z.union([FileName, z.array(FileName).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
	/** What made a derivative, with its version and settings: "tesseract 5.3.0 (chi_sim, 300 dpi)". */
	tool: z.string().min(1).optional(),
	/** The mean confidence of the words OCR read, 0 to 100. */
	meanConfidence: z.number().min(0).max(100).optional(),
	/** Pages of the machine-read words that a person has checked against the scan: which, who, and when. */
	checked: z.array(z.strictObject({ pages: z.array(z.number().int().positive()).min(1, { error: 'must name at least one page' }), by: NonEmpty, date: DateText })).optional(),
	/** For corrected words: each page a person corrected, when, who and why. */
	corrections: z.array(Correction).min(1, { error: 'must list each corrected page' }).optional()
}).superRefine((file, ctx) => {
	const only = (key: 'unpublished' | 'bytes' | 'derivedFrom' | 'tool' | 'meanConfidence' | 'checked' | 'corrections', roles: readonly FileRole[], what: string) => {
		if (file[key] !== undefined && !roles.includes(file.role)) ctx.addIssue({ code: 'custom', path: [key], message: `is for ${what}, not a file of role ${file.role}` });
	};
	only('unpublished', ['original'], 'an original');
	only('bytes', ['original'], 'an unpublished original');
	only('derivedFrom', DERIVATIVE_ROLES, 'a derivative (role pages, ocr or corrected)');
	only('tool', ['pages', 'ocr'], 'a derivative a tool made (role pages or ocr)');
	only('meanConfidence', ['ocr'], 'OCR output (role ocr)');
	only('checked', ['ocr'], 'OCR output (role ocr)');
	only('corrections', ['corrected'], 'corrected words (role corrected)');
	if (file.unpublished && !file.bytes) ctx.addIssue({ code: 'custom', path: ['bytes'], message: 'is missing: an unpublished original records its size beside its hash', params: { fix: 'archive:add --unpublished writes it' } });
	if (file.bytes && !file.unpublished) ctx.addIssue({ code: 'custom', path: ['bytes'], message: 'is only for an unpublished original (the archive measures the files it holds)' });
	if (!DERIVATIVE_ROLES.includes(file.role)) return;
	const fix = { fix: 'run `npm run archive:ocr -- <id>`, which writes the entry' };
	if (!file.derivedFrom) ctx.addIssue({ code: 'custom', path: ['derivedFrom'], message: `is missing: a derivative names the file(s) it was made from`, params: file.role === 'corrected' ? { fix: 'name the OCR file the corrected words were copied from' } : fix });
	if (file.role === 'pages' && file.mediaType !== 'application/pdf') ctx.addIssue({ code: 'custom', path: ['mediaType'], message: 'must be application/pdf for the pages of image originals' });
	if ((file.role === 'ocr' || file.role === 'corrected') && file.mediaType !== 'text/tab-separated-values') ctx.addIssue({ code: 'custom', path: ['mediaType'], message: `must be text/tab-separated-values for ${file.role === 'ocr' ? 'an OCR file (the words, boxes and confidences Tesseract writes)' : 'corrected words (a copy of the OCR file with words corrected)'}` });
	if (file.role !== 'corrected' && !file.tool) ctx.addIssue({ code: 'custom', path: ['tool'], message: 'is missing: a derivative says which tool and version made it', params: fix });
	if (file.role === 'corrected' && !file.corrections) ctx.addIssue({ code: 'custom', path: ['corrections'], message: 'is missing: corrected words say which pages were corrected, when, by whom and why', params: { fix: 'list each corrected page: { page, date, by, reason }' } });
});

export type FileEntryOutput = z.output<typeof FileEntry>;

/** How a text file splits into the numbered paragraphs that `#p-<n>` anchors point at. */
export const Paragraphing = z.strictObject({
	/** "blank-line": blank lines separate paragraphs; "line": every non-empty line is one. */
	split: z.enum(['blank-line', 'line']).default('blank-line'),
	/**
	 * A regular expression in RE2 syntax (run in linear time, so no pattern can stall the build);
	 * a line matching it also starts a new paragraph (e.g. "^\\d+\\. " for numbered paragraphs).
	 */
	startPattern: z
		.string()
		.superRefine((source, ctx) => {
			try {
				RE2JS.compile(source);
			} catch (error) {
				ctx.addIssue({ code: 'custom', message: `is not a regular expression RE2 accepts (${(error as Error).message})` });
			}
		})
		.optional(),
	/**
	 * True for a text written in Markdown (the research notes): the site shows its paragraphs and the
	 * quotes from them without emphasis asterisks, and matches quotes ignoring them; the file keeps them.
	 */
	stripEmphasis: z.boolean().default(false)
});

/**
 * The archive's own words in Simplified Chinese (its translation of an English field), with ⟪…⟫
 * around words never converted or translated: identifiers, names, document titles, quoted words.
 * The Traditional interface derives its text from it; the check compares it with the English.
 */
export const ZhText = NonEmpty.superRefine((text, ctx) => {
	const problem = markProblem(text);
	if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { fix: 'close every ⟪ with ⟫, one level only' } });
});

/** The archive's notes on a record's sources, translated: one entry per source, in order ({} where a source has no note). */
const ZhSourceNotes = z.array(z.strictObject({ note: ZhText.optional() }));

/** Verbatim words: long enough to identify a passage (see MIN_QUOTE_WEIGHT). */
const QuoteText = NonEmpty.refine((quote) => quoteWeight(quote) >= MIN_QUOTE_WEIGHT, {
	error: (issue) => `${JSON.stringify(issue.input)} is too short to identify a passage: a quote needs at least ${MIN_QUOTE_WEIGHT} letters or digits, or ${MIN_QUOTE_WEIGHT / 2} Chinese characters`,
	params: { fix: 'quote more of the passage, verbatim, so that the words can only be this place' }
});

/** Set on a record whose dates really are before the year 1000; otherwise such a year is refused as a slip. */
const DatesBefore1000 = z.boolean({ error: 'must be true or false' }).optional();

/** Reports each date of a record that is before the year 1000, unless the record says it means it. */
function refuseEarlyYears(allowed: boolean | undefined, dates: [PropertyKey[], string | undefined][], ctx: z.RefinementCtx): void {
	if (allowed) return;
	for (const [path, value] of dates) {
		if (value === undefined) continue;
		const parsed = parsePartialDate(value);
		if (parsed.ok && parsed.value.year < EARLIEST_ORDINARY_YEAR) {
			ctx.addIssue({ code: 'custom', path, message: `"${value}" is before the year ${EARLIEST_ORDINARY_YEAR}`, params: { fix: `correct the year (four digits, e.g. "1950"); if the year is really before ${EARLIEST_ORDINARY_YEAR}, set datesBefore1000: true on the record` } });
		}
	}
}

/** Something the document is known to say, quoted by another source; shown for catalogue records. */
export const KnownQuote = z.strictObject({
	quote: QuoteText,
	lang: Language.optional(),
	/** Who quotes it, e.g. "Beijing Spring, March 2010 (Liu Chang)". */
	quotedBy: NonEmpty
});

/** A JSON pointer (RFC 6901), in which a segment "*" stands for every key or index at that level. */
const RowsPointer = z.string().regex(/^(?:\/[^/]*)+$/, { error: 'must be a JSON pointer such as "/votes/*/*" ("*" stands for every key or index at its level)' });

/** One column of a data table: its heading, and where in each row its value is. */
export const TableColumn = z.strictObject({
	label: NonEmpty,
	/** A JSON pointer into the row ("/display_name"), or "@1", "@2": the key the rows pointer's first or second "*" matched. */
	value: z.string().regex(/^(?:@[1-9]|(?:\/[^/]*)+)$/, { error: 'must be a JSON pointer into the row ("/name") or "@1" for the key the first "*" of rows matched' })
});

/**
 * How a data record (a JSON file) is shown as a table, declared in its meta.yaml so that the next
 * data record needs no code. Totals are counted from the rows, never read from the file.
 */
export const DataTable = z.strictObject({
	/** The JSON file the table is read from. */
	file: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.json$/, { error: 'must name a .json file of this document' }),
	/** What the table shows, in our words. */
	caption: NonEmpty,
	/** Where the rows are: a JSON pointer with "*" for every key or index at its level (the roll call's is /votes, then * for each vote, then * for each member). */
	rows: RowsPointer,
	columns: z.array(TableColumn).min(1, { error: 'must list at least one column' }),
	/** The label of the column whose values are counted (every key its "*" matched is counted, even with no rows). */
	countBy: NonEmpty,
	/** Each row's anchor: #<prefix>-<value of the column>, e.g. #member-B001234. */
	anchor: z.strictObject({ prefix: Slug, column: NonEmpty })
});
export type DataTable = z.output<typeof DataTable>;

/** Document metadata: archive/documents/<id>/meta.yaml. */
export const DocumentMeta = z
	.strictObject({
		/** Stable slug; must equal the folder name; it is the URL /archive/<id>. */
		id: Slug,
		title: NonEmpty,
		/** True when the document has no title of its own in our sources and the archive wrote a descriptive one; shown in [brackets]. */
		titleSupplied: z.boolean().default(false),
		/** The title in the original language where the source gives one. */
		originalTitle: ForeignText.optional(),
		kind: DocumentKindSchema,
		/** True for the issuer's own document (an opinion, a judgment, a letter); false for reports about it. */
		primary: z.boolean({ error: 'must be true or false' }),
		/** The document's date at the precision known. Leave it out only for an undated document, and say so in dateNote. */
		date: DateText.optional(),
		/** True when the date is inferred or loose. */
		dateApproximate: z.boolean().default(false),
		/** How the date is known, when it needs saying (e.g. "posted 8 Nov 2022; the letter itself is undated"). */
		dateNote: NonEmpty.optional(),
		/** Who issued or wrote it. */
		issuer: NonEmpty,
		/** Languages of the document itself (not of our summary). */
		languages: z.array(Language).min(1, { error: 'must list at least one language' }),
		identifiers: z.array(Identifier).default([]),
		/** Where copies were seen; mirrors marked. Empty when no address is recorded (say where it is known from in description). */
		seenAt: z.array(SeenAt).default([]),
		/** When the copy we describe was retrieved: YYYY, YYYY-MM or YYYY-MM-DD. */
		retrieved: DateText.optional(),
		/** What may be done with the file(s): public domain, cite only, … */
		rights: NonEmpty,
		status: HoldingStatusSchema,
		/** What we do not hold (required unless the status is original). */
		missing: NonEmpty.optional(),
		/** Where the original can be requested or found (for catalogue records). */
		requestFrom: NonEmpty.optional(),
		/** Our own description of the document, one paragraph: marked on the site as the archive's words. */
		description: NonEmpty,
		/** The provenance header of the copy we hold, verbatim (not part of the document's text). */
		provenance: z.string().optional(),
		/** Short passages the document is known to say, as other sources quote them. */
		knownToSay: z.array(KnownQuote).default([]),
		paragraphs: Paragraphing.default({ split: 'blank-line', stripEmphasis: false }),
		files: z.array(FileEntry).default([]),
		/**
		 * How complete the held text is (defaults: original → full, partial → excerpt). A page copy
		 * that is complete as stored but unchecked against the live page is "complete-as-stored".
		 */
		completeness: z.enum(Object.keys(COMPLETENESS) as [Completeness, ...Completeness[]], { error: `must be one of: ${Object.keys(COMPLETENESS).join(', ')}` }).optional(),
		/** What the completeness needs said, e.g. "the header and topic index; the passage on the case is missing". */
		completenessNote: NonEmpty.optional(),
		/** Who turned the held file into its present form, when it is not the issuer's own file (e.g. a third party's JSON conversion of the Clerk's XML). */
		transformedBy: NonEmpty.optional(),
		/** The claimant (archive/site.yaml claimants) whose own account this document is, e.g. family-campaign for the family's letter. */
		claimant: Slug.optional(),
		/** For a data record: how its JSON is shown as a table. */
		table: DataTable.optional(),
		/** The archive's translation of its own words: a supplied title, the description, what is missing. */
		'zh-Hans': z
			.strictObject({
				/** Only for a title the archive supplied (titleSupplied): a document's own title is never translated. */
				title: ZhText.optional(),
				description: ZhText,
				missing: ZhText.optional(),
				dateNote: ZhText.optional(),
				completenessNote: ZhText.optional(),
				rights: ZhText.optional(),
				requestFrom: ZhText.optional(),
				/** One entry per seenAt address, in order ({} where it has no note). */
				seenAt: z.array(z.strictObject({ note: ZhText.optional() })).optional(),
				/** One entry per knownToSay passage: who quotes it, in our words (the quote itself is never translated). */
				knownToSay: z.array(z.strictObject({ quotedBy: ZhText.optional() })).optional(),
				table: z.strictObject({ caption: ZhText.optional(), columns: z.array(z.strictObject({ label: ZhText.optional() })).optional() }).optional()
			})
			.optional(),
		/** True only when the document's dates really are before the year 1000. */
		datesBefore1000: DatesBefore1000
	})
	.superRefine((doc, ctx) => {
		refuseEarlyYears(doc.datesBefore1000, [[['date'], doc.date], [['retrieved'], doc.retrieved], ...doc.seenAt.map((seen, i): [PropertyKey[], string | undefined] => [['seenAt', i, 'archivedCopyDate'], seen.archivedCopyDate])], ctx);
		if (doc.date === undefined && !doc.dateNote) {
			ctx.addIssue({ code: 'custom', path: ['date'], message: 'is missing: give the date at the precision known, or, for an undated document, say what is known of its date in dateNote' });
		}
		if (doc.status !== 'original' && !doc.missing) {
			ctx.addIssue({ code: 'custom', path: ['missing'], message: `is required when status is ${doc.status}: say what is not archived` });
		}
		if (doc.status === 'catalogue' && doc.files.length > 0) {
			ctx.addIssue({ code: 'custom', path: ['files'], message: 'must be empty for a catalogue record (no text is archived); use status partial or original' });
		}
		if (doc.status !== 'catalogue' && doc.files.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['files'], message: `must list the archived file(s) when status is ${doc.status}` });
		}
		const allowed: Record<string, Completeness[]> = { original: ['full', 'complete-as-stored'], partial: ['excerpt', 'quoted-passages'], catalogue: [] };
		if (doc.completeness && !allowed[doc.status]!.includes(doc.completeness)) {
			ctx.addIssue({ code: 'custom', path: ['completeness'], message: doc.status === 'catalogue' ? 'is given for a catalogue record, which holds no text' : `"${doc.completeness}" does not go with status ${doc.status}; use ${allowed[doc.status]!.join(' or ')}` });
		}
		doc.files.forEach((file, i) => {
			const sources = (file.derivedFrom ?? []).map((name) => doc.files.find((f) => f.name === name));
			const refuse = (message: string, fix: string) => ctx.addIssue({ code: 'custom', path: ['files', i, 'derivedFrom'], message, params: { fix } });
			if (file.role === 'ocr' && file.derivedFrom && (sources.length !== 1 || sources[0]?.mediaType !== 'application/pdf')) refuse(`names ${file.derivedFrom.map((n) => `"${n}"`).join(', ')}: an OCR file names the one listed PDF its words were read from`, 'name the listed PDF the words were read from');
			if (file.role === 'corrected' && file.derivedFrom && (sources.length !== 1 || sources[0]?.role !== 'ocr')) refuse(`names ${file.derivedFrom.map((n) => `"${n}"`).join(', ')}: corrected words name the one OCR file (role ocr) they correct`, 'name the listed OCR file the words were copied from');
			if (file.role === 'pages' && file.derivedFrom && sources.some((s) => !s || s.role !== 'original' || !isImageType(s.mediaType))) refuse(`names a file that is not an image original listed in files`, 'name the listed image originals (role original, JPEG, PNG or TIFF) the pages were made from, in page order');
			if (file.unpublished && !isImageType(file.mediaType) && file.mediaType !== 'application/pdf') ctx.addIssue({ code: 'custom', path: ['files', i, 'unpublished'], message: 'is for an original a published derivative is made from (an image, or a PDF)' });
			if (file.role === 'original' && isImageType(file.mediaType) && !doc.files.some((f) => f.role === 'pages' && f.derivedFrom?.includes(file.name))) {
				ctx.addIssue({ code: 'custom', path: ['files', i, 'name'], message: `is an image original that no page PDF (role pages) is made from: the site shows images through one`, params: { fix: 'run `npm run archive:ocr -- <id>`, which makes the page PDF and reads it' } });
			}
		});
		if (doc.table && !doc.files.some((f) => f.name === doc.table!.file && f.mediaType === 'application/json')) {
			ctx.addIssue({ code: 'custom', path: ['table', 'file'], message: `names "${doc.table.file}", which is not a JSON file listed in files`, params: { fix: 'list the JSON file in files with mediaType application/json, or correct the name' } });
		}
	})
	.transform((doc) => ({ ...doc, completeness: doc.completeness ?? (doc.status === 'original' ? ('full' as const) : doc.status === 'partial' ? ('excerpt' as const) : undefined) }));
export type DocumentMeta = z.output<typeof DocumentMeta>;

/** A citation from an event (or a dispute version, or a claim) to the place in a document that backs it. */
export const SourceRef = z
	.strictObject({
		/** The cited document's id. */
		document: Slug,
		/** PDF page (1-based), for documents held as PDFs. */
		page: z.number().int().positive().optional(),
		/** Paragraph number in the archived text (the #p-<n> anchor). */
		paragraph: z.number().int().positive().optional(),
		/** The document's own numbering, when it has one: "para. 6", "clause 4", "H2698". */
		pinpoint: NonEmpty.optional(),
		/**
		 * The words, verbatim. Checked against the archived text when the document's text is held,
		 * and against its knownToSay when it is a catalogue record.
		 */
		quote: QuoteText.optional(),
		/** Language of the quote, when not English. */
		lang: Language.optional(),
		/**
		 * Who put the quoted words into this language, when they are a translation and not the
		 * original's: "the archive" for ours, or the translator ("Yaxue Cao"). Shown with the quote.
		 */
		renderedBy: NonEmpty.optional(),
		/** Our note on how this source bears on the event. */
		note: NonEmpty.optional()
	})
	.superRefine((source, ctx) => {
		if (source.page !== undefined && source.paragraph !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['paragraph'], message: 'give a page or a paragraph, not both' });
		}
	});
export type SourceRef = z.output<typeof SourceRef>;

/** One version of a disputed fact, with the sources that give it. */
export const DisputeVersion = z.strictObject({
	/** The version, in our words: "26 June 2002, \"on or about\"". */
	statement: NonEmpty,
	sources: z.array(SourceRef).min(1, { error: 'must cite at least one source for this version' })
});

/** Where sources disagree: every version is shown side by side, none is chosen silently. */
export const Dispute = z.strictObject({
	/** What the sources disagree about, e.g. "Date of the abduction". */
	question: NonEmpty,
	versions: z.array(DisputeVersion).min(2, { error: 'must give at least two versions' }),
	/** Our reading of the disagreement, if any (marked as ours). */
	note: NonEmpty.optional()
});
export type Dispute = z.output<typeof Dispute>;

/** Someone whose claims the archive checks: the court (its verdict), the family's campaign (its letter and biography). */
export const Claimant = z.strictObject({
	/** Who it is, as the claims page names them: "The Shenzhen court". */
	name: NonEmpty,
	/** The heading of their section on /claims: "The verdict's claims". */
	heading: NonEmpty,
	/** What their claims are and where they are made, in our words (the section's introduction). */
	introduction: NonEmpty,
	/** How a card names what the claimant says: "What the verdict alleges". */
	claimLabel: NonEmpty,
	/** Sections are shown in this order. */
	order: z.number().int().default(0),
	'zh-Hans': z.strictObject({ name: ZhText, heading: ZhText, introduction: ZhText, claimLabel: ZhText }).optional()
});
export type Claimant = z.output<typeof Claimant>;

/** Site-wide choices made from the archive's content: archive/site.yaml (optional). */
export const SiteSettings = z.strictObject({
	/** Ids of the events the home page lists as "the case in brief", in any order (shown in time order). */
	brief: z.array(Slug).default([]),
	/** Whose claims the archive checks, by id (claims and documents name them). */
	claimants: z.record(Slug, Claimant).default({}),
	/** The site's name, in each interface: the case's words, not the engine's. */
	name: z.strictObject({ en: NonEmpty, 'zh-Hans': ZhText }).optional(),
	/**
	 * Chinese names and terms, with the English forms they stand for: a translation that names one
	 * whose English form the original lacks is refused.
	 */
	glossary: z.record(NonEmpty, z.array(NonEmpty).min(1)).default({})
});
export type SiteSettings = z.output<typeof SiteSettings>;

/** A timeline event: archive/events/<id>.yaml. */
export const EventEntry = z
	.strictObject({
		/** Stable slug; must equal the file name; it is the URL /events/<id>. */
		id: Slug,
		title: NonEmpty,
		/** Start (or only) date, at the precision the sources give. */
		start: DateText,
		/** End of a span (e.g. 1982 for 1979–1982 at McGill). */
		end: DateText.optional(),
		/** True for a span that has not ended (e.g. solitary confinement since 2002). */
		ongoing: z.boolean().default(false),
		/** True when the date is loose in the sources or inferred by us. */
		approximate: z.boolean().default(false),
		category: CategorySchema,
		/** One paragraph in our own words; the site marks it as the archive's summary. */
		summary: NonEmpty,
		sources: z.array(SourceRef).min(1, { error: 'must cite at least one source document' }),
		/** Set when a fact in this event is not confirmed by a source we can check: say what. */
		unverified: NonEmpty.optional(),
		disputes: z.array(Dispute).default([]),
		/** When the event is the issuing of a document (a white paper, an urgent action, a letter): that document's id. */
		issuance: Slug.optional(),
		/** The archive's translation of its own words: the title, the summary, what is unverified. */
		'zh-Hans': z
			.strictObject({
				title: ZhText,
				summary: ZhText,
				unverified: ZhText.optional(),
				/** One entry per source, in order ({} where the source has no note). */
				sources: ZhSourceNotes.optional(),
				disputes: z.array(z.strictObject({ question: ZhText, note: ZhText.optional(), versions: z.array(z.strictObject({ statement: ZhText, sources: ZhSourceNotes.optional() })) })).optional()
			})
			.optional(),
		/** True only when the event's dates really are before the year 1000. */
		datesBefore1000: DatesBefore1000
	})
	.superRefine((event, ctx) => {
		refuseEarlyYears(event.datesBefore1000, [[['start'], event.start], [['end'], event.end]], ctx);
		if (event.end !== undefined && event.ongoing) {
			ctx.addIssue({ code: 'custom', path: ['ongoing'], message: 'cannot be true when an end date is given' });
		}
	});
export type EventEntry = z.output<typeof EventEntry>;

const bearingIds = Object.keys(BEARINGS) as [Bearing, ...Bearing[]];

/** One piece of evidence bearing on a claim, with the sources that give it. */
export const ClaimEvidence = z.strictObject({
	/** What this evidence says about the claim, in our words (marked on the site as the archive's). */
	summary: NonEmpty,
	bearing: z.enum(bearingIds, { error: (issue) => `unknown bearing ${JSON.stringify(issue.input)}; use one of: ${bearingIds.join(', ')}` }),
	sources: z.array(SourceRef).min(1, { error: 'must cite at least one source for this evidence' }),
	/** Set when this evidence is itself known only second-hand or incompletely: say what. */
	unverified: NonEmpty.optional()
});
export type ClaimEvidence = z.output<typeof ClaimEvidence>;

const findingIds = Object.keys(FINDINGS) as [Finding, ...Finding[]];

/** A claim (of the verdict, or of the family's founding documents) and the evidence the archive holds on it: archive/claims/<id>.yaml. */
export const ClaimEntry = z.strictObject({
	/** Stable slug; must equal the file name; it is the anchor /claims#<id>. */
	id: Slug,
	/** Who makes the claim: an id of archive/site.yaml claimants. */
	claimant: Slug,
	/** The claim, briefly, e.g. "A plot to bomb the PRC Embassy in Bangkok". */
	title: NonEmpty,
	/** Cards are shown in this order within their claimant's section (then by id). */
	order: z.number().int().default(0),
	/** What the claimant says, in our words, no further than our sources quote it. */
	allegation: NonEmpty,
	/** Where the claim is made or recorded; at least one quotes it. */
	allegedIn: z.array(SourceRef).min(1, { error: 'must cite at least one source for the allegation' }),
	/** What the evidence shows, in the fixed vocabulary (checked against the evidence). */
	finding: z.enum(findingIds, { error: (issue) => `unknown finding ${JSON.stringify(issue.input)}; use one of: ${findingIds.join(', ')}` }),
	/** What the finding needs said (required for partly-confirmed: which part). */
	findingNote: NonEmpty.optional(),
	evidence: z.array(ClaimEvidence).min(1, { error: 'must list at least one piece of evidence' }),
	/** What about this claim and its evidence is not verified: say it plainly. */
	unverified: NonEmpty.optional(),
	/** Timeline events this claim bears on. */
	events: z.array(Slug).default([]),
	/** The archive's translation of its own words, the evidence summaries in the evidence's order. */
	'zh-Hans': z
		.strictObject({
			title: ZhText,
			allegation: ZhText,
			findingNote: ZhText.optional(),
			unverified: ZhText.optional(),
			allegedIn: ZhSourceNotes.optional(),
			evidence: z.array(z.strictObject({ summary: ZhText, unverified: ZhText.optional(), sources: ZhSourceNotes.optional() }))
		})
		.optional()
});
export type ClaimEntry = z.output<typeof ClaimEntry>;

/** One step of the story: an event, told briefly in our words, with the words of one of its citations. */
export const StoryStep = z.strictObject({
	/** The event this step tells: an id of archive/events/. Its date and title are the event's. */
	event: Slug,
	/**
	 * Which of the event's citations the step shows: an index into the event's `sources` (0 for the first).
	 * That citation must locate its words: a page, a paragraph or a pinpoint, and a quote.
	 */
	quote: z.number({ error: 'must be a number: the index of one of the event’s sources, 0 for the first' }).int({ error: 'must be a whole number' }).min(0, { error: 'must be 0 or more (0 is the event’s first source)' }),
	/** The step's account, in our words, saying nothing the event's summary and sources do not: marked on the site as the archive's. */
	account: NonEmpty,
	/** The archive's translation of its own words: the account. */
	'zh-Hans': z.strictObject({ account: ZhText }).optional()
});
export type StoryStep = z.output<typeof StoryStep>;

/** The story: archive/story.yaml (optional), the case told in steps at /story, in the order given. */
export const Story = z.strictObject({
	steps: z.array(StoryStep).min(1, { error: 'must list at least one step' })
});
export type Story = z.output<typeof Story>;
