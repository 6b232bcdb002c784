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

/**
 * How complete the text the archive holds is, for documents whose text is held. Shown on the
 * document page, because "complete as stored" is not "the full document".
 */
export const COMPLETENESS = {
	full: 'The full document',
	'complete-as-stored': 'Complete as stored: the whole page as the stored copy held it, not checked against the live page',
	excerpt: 'An excerpt: part of the document',
	'quoted-passages': 'Passages quoted by another source, not the document itself'
} as const;
export type Completeness = keyof typeof COMPLETENESS;

/**
 * What a claim's evidence shows, in a fixed vocabulary that the claims page explains. "Finding",
 * not "verdict": the verdict is the court's word on the same page. Each is checked against the
 * claim's evidence by the archive check (src/lib/content/findings.ts).
 */
export const FINDINGS = {
	confirmed: 'Confirmed by a primary text held here',
	supported: 'Supported by a primary document known but not held',
	reported: 'Reported by secondary sources only',
	'partly-confirmed': 'Confirmed in part',
	disputed: 'Sources disagree',
	'claimant-only': 'The claimant’s word only',
	contradicted: 'Contradicted',
	'not-found': 'Not found'
} as const;
export type Finding = keyof typeof FINDINGS;

/** What each finding means, for the claims page's explanation. */
export const FINDING_DEFINITIONS: Record<Finding, string> = {
	confirmed: 'A primary document whose text the archive holds says it, at a place a reader can open.',
	supported: 'A primary document says it, as other sources quote or report it; the archive does not hold its text.',
	reported: 'Only secondary sources (news, NGO and advocacy reports) say it; no primary document for it is known to the archive.',
	'partly-confirmed': 'Part of the claim is borne out and part is not, or only in a different form; the card says which part.',
	disputed: 'Sources disagree on it, and the archive cannot settle which is right; both sides are shown, with why.',
	'claimant-only': 'Only the claimant’s own documents say it; nothing else in the archive bears on it.',
	contradicted: 'Sources independent of the claimant say otherwise, and none supports it.',
	'not-found': 'The archive’s research looked for it and did not find it.'
};
