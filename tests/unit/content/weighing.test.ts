/**
 * The two rules that weigh sources: what an event rests on, and which finding a claim's evidence
 * allows. Each case of each rule, on small hand-made records.
 */
import { describe, expect, it } from 'vitest';
import { checkFinding } from '../../../src/lib/content/findings';
import { restsOn } from '../../../src/lib/content/rests-on';
import { FINDINGS, type Finding } from '../../../src/lib/content/vocabulary';
import type { WeighedDocument } from '../../../src/lib/content/weight';

const docs = new Map<string, WeighedDocument>(
	[
		{ id: 'held-opinion', primary: true, status: 'partial', kind: 'un-opinion' },
		{ id: 'unseen-judgment', primary: true, status: 'catalogue', kind: 'court-judgment', claimant: 'court' },
		{ id: 'unseen-statement', primary: true, status: 'catalogue', kind: 'police-statement' },
		{ id: 'news', primary: false, status: 'catalogue', kind: 'news-report' },
		{ id: 'ngo', primary: false, status: 'catalogue', kind: 'ngo-release' },
		{ id: 'biography', primary: true, status: 'original', kind: 'campaign-text', claimant: 'family' },
		{ id: 'white-paper', primary: false, status: 'catalogue', kind: 'report' },
		{ id: 'notes', primary: false, status: 'original', kind: 'research-notes' }
	].map((d) => [d.id, d as WeighedDocument])
);
/** Citations as the check requires them: a document whose text is held is cited at a paragraph. */
const cite = (...ids: string[]) => ids.map((document) => (docs.get(document)?.status === 'catalogue' ? { document } : { document, paragraph: 1 }));

describe('what an event rests on', () => {
	it('the document the event is the issuing of comes first, held or not', () => {
		expect(restsOn({ issuance: 'white-paper', sources: cite('notes') }, docs)).toEqual({ kind: 'issuance', document: 'white-paper', held: false, reportedBy: [] });
		expect(restsOn({ issuance: 'unseen-judgment', sources: cite('unseen-judgment', 'news', 'notes') }, docs)).toEqual({ kind: 'issuance', document: 'unseen-judgment', held: false, reportedBy: ['news'] });
		expect(restsOn({ issuance: 'biography', sources: cite('biography') }, docs)).toEqual({ kind: 'issuance', document: 'biography', held: true, reportedBy: [] });
	});

	it('a primary text the archive holds, over everything else', () => {
		expect(restsOn({ sources: cite('news', 'held-opinion', 'unseen-statement', 'biography') }, docs)).toEqual({ kind: 'held-primary', documents: ['held-opinion'] });
	});

	it('a held excerpt cited for words beyond it (its knownToSay, no paragraph) weighs as a document known but not held', () => {
		expect(restsOn({ sources: [{ document: 'held-opinion' }, { document: 'news' }] }, docs)).toEqual({ kind: 'known-primary', documents: ['held-opinion'], reportedBy: ['news'] });
		expect(restsOn({ sources: [{ document: 'held-opinion' }, { document: 'held-opinion', paragraph: 3 }] }, docs)).toEqual({ kind: 'held-primary', documents: ['held-opinion'] });
		expect(checkFinding({ claimant: 'family', finding: 'supported', evidence: [{ bearing: 'supports', sources: [{ document: 'held-opinion' }] }] }, docs).problem).toBeNull();
	});

	it('a primary document known but not held, with the reports it is known through', () => {
		expect(restsOn({ sources: cite('unseen-statement', 'news', 'ngo', 'notes') }, docs)).toEqual({ kind: 'known-primary', documents: ['unseen-statement'], reportedBy: ['news', 'ngo'] });
	});

	it('secondary reports only, and secondary reports beside the family’s account (mixed)', () => {
		expect(restsOn({ sources: cite('news', 'notes') }, docs)).toEqual({ kind: 'secondary', documents: ['news'], withAccountOf: null });
		expect(restsOn({ sources: cite('biography', 'news') }, docs)).toEqual({ kind: 'secondary', documents: ['news'], withAccountOf: 'family' });
	});

	it('a claimant’s own account only: the family’s biography, though primary and held, or the court’s unseen judgment', () => {
		expect(restsOn({ sources: cite('biography', 'notes') }, docs)).toEqual({ kind: 'account', claimant: 'family', documents: ['biography'] });
		expect(restsOn({ sources: cite('unseen-judgment') }, docs)).toEqual({ kind: 'account', claimant: 'court', documents: ['unseen-judgment'] });
	});

	it('the research notes alone weigh nothing', () => {
		expect(restsOn({ sources: cite('notes') }, docs)).toEqual({ kind: 'notes-only' });
	});
});

describe('findings', () => {
	type Bearing = 'supports' | 'contradicts' | 'qualifies' | 'context';
	const ev = (bearing: Bearing, ...ids: string[]) => ({ bearing, sources: cite(...ids) });
	const check = (finding: Finding, evidence: ReturnType<typeof ev>[], claimant = 'family', findingNote?: string) => checkFinding({ claimant, finding, findingNote, evidence }, docs);

	it('has a label for every finding, and the ladder confirmed → supported → reported is exact', () => {
		expect(Object.keys(FINDINGS)).toEqual(['confirmed', 'supported', 'reported', 'partly-confirmed', 'disputed', 'claimant-only', 'contradicted', 'not-found']);
		expect(check('confirmed', [ev('supports', 'held-opinion')]).problem).toBeNull();
		expect(check('supported', [ev('supports', 'held-opinion')])).toEqual({ problem: 'is "supported", but the strongest supporting evidence is a primary text the archive holds, which makes it "confirmed"', suggestion: 'confirmed' });
		expect(check('supported', [ev('supports', 'unseen-statement', 'news')]).problem).toBeNull();
		expect(check('confirmed', [ev('supports', 'unseen-statement')]).problem).toBe('is "confirmed", but the strongest supporting evidence is a primary document known but not held, which makes it "supported"');
		expect(check('reported', [ev('supports', 'news', 'notes')]).problem).toBeNull();
		expect(check('reported', [ev('supports', 'unseen-statement')]).suggestion).toBe('supported');
	});

	it('never counts the claimant’s own documents, nor the research notes, as support', () => {
		expect(check('confirmed', [ev('supports', 'biography', 'notes')])).toEqual({ problem: 'is "confirmed", but no independent evidence supports the claim', suggestion: 'claimant-only' });
		expect(check('claimant-only', [ev('supports', 'biography'), ev('context', 'notes')]).problem).toBeNull();
		// Another claimant's account counts as a report: the family's biography on a claim of the court.
		expect(check('reported', [ev('supports', 'biography')], 'court').problem).toBeNull();
		expect(check('confirmed', [ev('supports', 'unseen-judgment')], 'court').suggestion).toBe('claimant-only');
	});

	it('confirmed in part needs a limit and says which part', () => {
		expect(check('partly-confirmed', [ev('supports', 'held-opinion'), ev('qualifies', 'notes')], 'family', 'one of the two found').problem).toBeNull();
		expect(check('partly-confirmed', [ev('supports', 'held-opinion'), ev('qualifies', 'notes')]).problem).toBe('is "partly-confirmed" without findingNote saying which part is confirmed');
		expect(check('partly-confirmed', [ev('supports', 'held-opinion')], 'family', 'x').problem).toBe('is "partly-confirmed", but no evidence qualifies or contradicts part of the claim');
		expect(check('partly-confirmed', [ev('qualifies', 'news')], 'family', 'x').problem).toBe('is "partly-confirmed", but no independent evidence supports any part of the claim');
	});

	it('disputed needs both sides; contradicted needs a contradiction and no support', () => {
		expect(check('disputed', [ev('supports', 'news'), ev('contradicts', 'ngo')]).problem).toBeNull();
		expect(check('reported', [ev('supports', 'news'), ev('contradicts', 'ngo')])).toEqual({ problem: 'is "reported", but independent evidence contradicts the claim', suggestion: 'disputed' });
		expect(check('disputed', [ev('supports', 'news')]).problem).toBe('is "disputed", but no independent evidence contradicts the claim');
		expect(check('disputed', [ev('contradicts', 'news')]).problem).toBe('is "disputed" with no independent support, without findingNote saying why the contradiction does not settle it (else it is "contradicted")');
		expect(check('disputed', [ev('contradicts', 'news')], 'family', 'the source that contradicts it is doubtful').problem).toBeNull();
		expect(check('contradicted', [ev('contradicts', 'unseen-statement'), ev('qualifies', 'news')]).problem).toBeNull();
		expect(check('contradicted', [ev('contradicts', 'news'), ev('supports', 'ngo')]).problem).toBe('is "contradicted", but independent evidence also supports the claim (that is "disputed")');
		expect(check('contradicted', [ev('contradicts', 'biography')]).problem).toBe('is "contradicted", but no independent evidence contradicts the claim');
	});

	it('not found needs the record of what was searched, and nothing independent either way', () => {
		expect(check('not-found', [ev('context', 'notes')]).problem).toBeNull();
		expect(check('not-found', [ev('supports', 'biography')]).problem).toBe('is "not-found" without a context evidence recording what was searched and not found');
		expect(check('not-found', [ev('context', 'notes'), ev('supports', 'news')]).problem).toBe('is "not-found", but independent evidence supports the claim');
		expect(check('claimant-only', [ev('contradicts', 'news')]).problem).toBe('is "claimant-only", but independent evidence contradicts the claim');
	});
});
