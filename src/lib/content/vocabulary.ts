/**
 * The archive's controlled vocabularies with the labels the site shows. Kept apart from the
 * zod schemas so that pages can use the labels without shipping zod to the browser.
 */

/** Kinds of document, with the label the site shows. Add a kind here and in archive/README.md. */
export const DOCUMENT_KINDS = {
	'un-opinion': 'UN opinion',
	'un-document': 'UN document',
	'legislative-resolution': 'Legislative resolution',
	'bill-status': 'Bill status record',
	'legislative-record': 'Legislative record',
	'legislative-question': 'Legislative interrogatory',
	hearing: 'Hearing',
	'court-judgment': 'Court judgment',
	'court-ruling': 'Court ruling',
	'police-statement': 'Police statement',
	'government-statement': 'Government statement',
	'government-profile': 'Government web profile',
	'diplomatic-cable': 'Diplomatic cable',
	letter: 'Letter',
	'open-letter': 'Open letter',
	'campaign-text': 'Campaign text',
	petition: 'Petition',
	report: 'Report',
	'ngo-release': 'NGO release',
	'urgent-action': 'Urgent action',
	'news-report': 'News report',
	'opinion-article': 'Opinion article',
	'feature-article': 'Feature article',
	memoir: 'Memoir or reminiscence',
	'reference-work': 'Reference work',
	'research-notes': 'Research notes'
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** Event categories, with labels; each is a timeline lane. */
export const CATEGORIES = {
	life: 'Life',
	activism: 'Activism',
	detention: 'Detention and trial',
	legal: 'Legal findings',
	international: 'International response',
	family: 'Family campaign'
} as const;
export type Category = keyof typeof CATEGORIES;

/** Holding statuses: how much of a document the archive holds. */
export const HOLDING_STATUSES = {
	original: 'Original archived',
	partial: 'Partial text archived',
	catalogue: 'Catalogue record (original not archived)'
} as const;
export type HoldingStatus = keyof typeof HOLDING_STATUSES;

/** How a piece of evidence bears on a claim of the verdict. */
export const BEARINGS = {
	contradicts: 'Contradicts the claim',
	qualifies: 'Qualifies the claim',
	supports: 'Supports the claim',
	context: 'Context'
} as const;
export type Bearing = keyof typeof BEARINGS;

/** Active features of a PDF, as the document page names them. The site's reader acts on none of them. */
export const PDF_FEATURES = {
	javascript: 'JavaScript',
	'open-action': 'an action that runs when the file is opened',
	launch: 'a Launch action, which asks to start another program',
	'embedded-files': 'embedded files',
	encrypted: 'encryption (it opens without a password)'
} as const;
