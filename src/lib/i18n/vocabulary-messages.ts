/**
 * The vocabularies' labels as interface messages. Their English lives in
 * src/lib/content/vocabulary.ts (the one source; scripts/i18n/messages.ts writes
 * messages/vocabulary/en.json from it); their Chinese in messages/vocabulary/zh-Hans.json.
 */
import { BEARINGS, CATEGORIES, COMPLETENESS, DOCUMENT_KINDS, FINDING_DEFINITIONS, FINDINGS, HOLDING_STATUSES, PDF_FEATURES } from '../content/vocabulary';

export const VOCABULARIES = {
	kind: DOCUMENT_KINDS,
	category: CATEGORIES,
	status: HOLDING_STATUSES,
	bearing: BEARINGS,
	finding: FINDINGS,
	finding_meaning: FINDING_DEFINITIONS,
	completeness: COMPLETENESS,
	pdf_feature: PDF_FEATURES
} as const;

export type VocabularyName = keyof typeof VOCABULARIES;

/** A message key: "kind_un_opinion" for the kind "un-opinion". */
export const vocabularyKey = (vocabulary: VocabularyName, id: string) => `${vocabulary}_${id.replace(/-/g, '_')}`;

/** Every label as an English message. */
export function vocabularyMessages(): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, labels] of Object.entries(VOCABULARIES)) for (const [id, label] of Object.entries(labels)) out[vocabularyKey(name as VocabularyName, id)] = label;
	return out;
}
