/**
 * Which findings a claim's evidence allows. A finding is typed in the claim's record; the archive
 * check refuses one that its evidence cannot bear. Only evidence independent of the claimant
 * counts: a claimant's own documents never confirm their claims, and the research notes only
 * record what other sources say. Another claimant's account (the family's, on a claim of the
 * court) counts as a report, no more.
 *
 * "Disputed" is independent evidence on both sides, or the claimant against independent evidence that
 * does not settle the matter (the findingNote says why). The ladder confirmed → supported → reported is exact: the finding is the strongest step the
 * supporting evidence reaches, so a reader can trust "reported" to mean that no primary document
 * bears it out, as much as "confirmed" to mean that one does.
 */
import type { Finding } from './vocabulary';
import { heaviest, weighCitation, type Weight, type WeighedDocument } from './weight';

export interface WeighedEvidence {
	bearing: 'supports' | 'contradicts' | 'qualifies' | 'context';
	sources: readonly { document: string; page?: number; paragraph?: number }[];
}

/** The weight of a piece of evidence for a claim of `claimant`: its heaviest independent source, or null. */
export function evidenceWeight(evidence: WeighedEvidence, claimant: string, docs: ReadonlyMap<string, WeighedDocument>): Weight | null {
	const weights: Weight[] = [];
	for (const source of evidence.sources) {
		const doc = docs.get(source.document);
		if (!doc) continue;
		const weight = weighCitation(doc, source);
		if (weight === 'notes') continue;
		if (weight === 'account') {
			if (doc.claimant !== claimant) weights.push('secondary');
			continue;
		}
		weights.push(weight);
	}
	return heaviest(weights);
}

export interface FindingCheck {
	/** Why the finding is refused, or null when the evidence bears it. */
	problem: string | null;
	/** The finding the supporting evidence reaches on the ladder, for the fix. */
	suggestion: Finding;
}

/** Checks a claim's finding against its evidence. */
export function checkFinding(claim: { claimant: string; finding: Finding; findingNote?: string; evidence: readonly WeighedEvidence[] }, docs: ReadonlyMap<string, WeighedDocument>): FindingCheck {
	const weighed = claim.evidence.map((e) => ({ bearing: e.bearing, weight: evidenceWeight(e, claim.claimant, docs) }));
	const support = heaviest(weighed.filter((e) => e.bearing === 'supports' && e.weight).map((e) => e.weight!));
	const contradicted = weighed.some((e) => e.bearing === 'contradicts' && e.weight);
	// What limits a partial confirmation may be recorded anywhere, the research notes included ("only one of the two nominations was found").
	const limited = claim.evidence.some((e) => e.bearing === 'qualifies' || e.bearing === 'contradicts');
	const context = claim.evidence.some((e) => e.bearing === 'context');
	const ladder: Finding | null = support === 'held-primary' ? 'confirmed' : support === 'known-primary' ? 'supported' : support ? 'reported' : null;
	const suggestion: Finding = support ? (contradicted ? 'disputed' : (ladder ?? 'reported')) : contradicted ? 'contradicted' : 'claimant-only';
	const problem = ((): string | null => {
		switch (claim.finding) {
			case 'confirmed':
			case 'supported':
			case 'reported':
				if (contradicted) return `is "${claim.finding}", but independent evidence contradicts the claim`;
				if (ladder !== claim.finding) {
					const reach = ladder === null ? 'no independent evidence supports the claim' : `the strongest supporting evidence is ${support === 'held-primary' ? 'a primary text the archive holds' : support === 'known-primary' ? 'a primary document known but not held' : 'secondary reports'}, which makes it "${ladder}"`;
					return `is "${claim.finding}", but ${reach}`;
				}
				return null;
			case 'partly-confirmed':
				if (!support) return 'is "partly-confirmed", but no independent evidence supports any part of the claim';
				if (!limited) return 'is "partly-confirmed", but no evidence qualifies or contradicts part of the claim';
				if (!claim.findingNote) return 'is "partly-confirmed" without findingNote saying which part is confirmed';
				return null;
			case 'disputed':
				// The claimant on one side and an independent source on the other is a disagreement too, when nothing settles it: say why.
				if (!contradicted) return 'is "disputed", but no independent evidence contradicts the claim';
				return support || claim.findingNote ? null : 'is "disputed" with no independent support, without findingNote saying why the contradiction does not settle it (else it is "contradicted")';
			case 'contradicted':
				if (!contradicted) return 'is "contradicted", but no independent evidence contradicts the claim';
				return support ? 'is "contradicted", but independent evidence also supports the claim (that is "disputed")' : null;
			case 'claimant-only':
				return support || contradicted ? `is "claimant-only", but independent evidence ${support ? 'supports' : 'contradicts'} the claim` : null;
			case 'not-found':
				if (support || contradicted) return `is "not-found", but independent evidence ${support ? 'supports' : 'contradicts'} the claim`;
				return context ? null : 'is "not-found" without a context evidence recording what was searched and not found';
		}
	})();
	return { problem, suggestion };
}
