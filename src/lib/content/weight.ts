/**
 * How much a cited document can bear, for the two rules that weigh sources: what an event rests
 * on (rests-on.ts) and which finding a claim's evidence allows (findings.ts). Computed from the
 * records, never typed per event or claim.
 */

/** What the rules need to know of a cited document. */
export interface WeighedDocument {
	id: string;
	primary: boolean;
	status: 'original' | 'partial' | 'catalogue';
	kind: string;
	/** The claimant whose own account the document is (the family's letter and biography). */
	claimant?: string;
}

/**
 * - held-primary: a primary document whose text the archive holds (the quote is checked against it);
 * - known-primary: a primary document known to the archive but not held (a catalogue record);
 * - secondary: a report about the case (news, NGO, advocacy, reference works);
 * - account: a claimant's own account (the family's campaign texts), whatever its form;
 * - notes: the archive's own research notes, which record what other sources say and weigh nothing by themselves.
 */
export type Weight = 'held-primary' | 'known-primary' | 'secondary' | 'account' | 'notes';

export function weigh(doc: WeighedDocument): Weight {
	if (doc.kind === 'research-notes') return 'notes';
	if (doc.claimant) return 'account';
	if (doc.primary) return doc.status === 'catalogue' ? 'known-primary' : 'held-primary';
	return 'secondary';
}

/**
 * The weight of one citation: a held document cited for words beyond its excerpt (no paragraph or
 * page: words other sources quote, from its knownToSay) weighs as a document known but not held.
 */
export function weighCitation(doc: WeighedDocument, source: { page?: number; paragraph?: number }): Weight {
	const weight = weigh(doc);
	return weight === 'held-primary' && source.page === undefined && source.paragraph === undefined ? 'known-primary' : weight;
}

const RANK: Record<Weight, number> = { 'held-primary': 3, 'known-primary': 2, secondary: 1, account: 0, notes: -1 };

/** The heaviest of some weights ("held-primary" over "known-primary" over "secondary"…), or null for none. */
export function heaviest(weights: Iterable<Weight>): Weight | null {
	let best: Weight | null = null;
	for (const w of weights) if (best === null || RANK[w] > RANK[best]) best = w;
	return best;
}
