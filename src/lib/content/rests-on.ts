/**
 * What an event rests on, computed from its records (never typed per event), so that the event
 * page can say it plainly. The rule, in order of precedence:
 *
 * 1. issuance: the event is the issuing of a document (`issuance`: a white paper, an urgent action,
 *    a judgment): the document itself is what it rests on, held or known (and then as reported by whom);
 * 2. held-primary: a main source is a primary document whose text the archive holds;
 * 3. known-primary: a main source is a primary document known but not held; the page names the
 *    reports it is known through;
 * 4. secondary: only reports (news, NGO, advocacy, reference works), possibly with the claimant's own
 *    account beside them (mixed), said so;
 * 5. account: only a claimant's own account (the family's letter and biography).
 *
 * A claimant's own documents never count as primary evidence for what they report, whatever
 * their form. The research notes weigh nothing: they record what other sources say. Sources cited
 * only in a dispute do not count either: they back one version of a disputed detail, not the
 * event, and the page shows them with their version.
 */
import { heaviest, weighCitation, type Weight, type WeighedDocument } from './weight';

export type Basis =
	| { kind: 'issuance'; document: string; held: boolean; reportedBy: string[] }
	| { kind: 'held-primary'; documents: string[] }
	| { kind: 'known-primary'; documents: string[]; reportedBy: string[] }
	| { kind: 'secondary'; documents: string[]; withAccountOf: string | null }
	| { kind: 'account'; claimant: string; documents: string[] }
	| { kind: 'notes-only' };

export interface BasisEvent {
	sources: readonly { document: string; page?: number; paragraph?: number }[];
	issuance?: string;
}


export function restsOn(event: BasisEvent, docs: ReadonlyMap<string, WeighedDocument>): Basis {
	// Each document once, at the heaviest weight any of its citations gives it.
	const weights = new Map<string, Weight>();
	for (const source of event.sources) {
		const doc = docs.get(source.document);
		if (doc) weights.set(doc.id, heaviest([weights.get(doc.id), weighCitation(doc, source)].filter((w): w is Weight => w !== undefined))!);
	}
	const cited = [...weights.keys()].map((id) => docs.get(id)!);
	const weightOf = (d: WeighedDocument) => weights.get(d.id)!;
	const issued = event.issuance ? docs.get(event.issuance) : undefined;
	const of = (weight: Weight) => cited.filter((d) => weightOf(d) === weight).map((d) => d.id);
	const secondary = of('secondary');
	if (issued) return { kind: 'issuance', document: issued.id, held: issued.status !== 'catalogue', reportedBy: issued.status === 'catalogue' ? secondary.filter((id) => id !== issued.id) : [] };
	const best = heaviest(cited.map(weightOf));
	switch (best) {
		case 'held-primary':
			return { kind: 'held-primary', documents: of('held-primary') };
		case 'known-primary':
			return { kind: 'known-primary', documents: of('known-primary'), reportedBy: secondary };
		case 'secondary': {
			const account = cited.find((d) => weightOf(d) === 'account');
			return { kind: 'secondary', documents: secondary, withAccountOf: account?.claimant ?? null };
		}
		case 'account': {
			const accounts = cited.filter((d) => weightOf(d) === 'account');
			return { kind: 'account', claimant: accounts[0]!.claimant!, documents: accounts.map((d) => d.id) };
		}
		default:
			return { kind: 'notes-only' };
	}
}
