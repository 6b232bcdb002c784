import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import { FINDINGS } from '$lib/content/vocabulary';
import { getDocument, getManifest } from '$lib/server/archive';
import type { ParagraphClaim } from '$lib/viewer/types';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => getManifest().documents.map((d) => ({ id: d.id }));

/** The claims made in each paragraph of a document (where a claim's allegedIn cites it), for the text's margin. */
function paragraphClaims(id: string): Record<number, ParagraphClaim[]> {
	const out: Record<number, ParagraphClaim[]> = {};
	for (const claim of getManifest().claims) {
		const paragraphs = new Set(claim.allegedIn.filter((s) => s.document === id && s.paragraph !== undefined).map((s) => s.paragraph!));
		for (const n of paragraphs) (out[n] ??= []).push({ id: claim.id, title: claim.title, finding: claim.finding, findingLabel: FINDINGS[claim.finding], href: `${resolve('/claims')}#${claim.id}` });
	}
	return out;
}

export const load: PageServerLoad = ({ params }) => {
	const doc = getDocument(params.id);
	if (!doc) error(404, `No document with the id "${params.id}"`);
	return { doc, claims: doc.claimant ? paragraphClaims(doc.id) : {} };
};
