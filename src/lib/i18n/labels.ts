/**
 * A vocabulary's label in the reader's language: label('kind', 'un-opinion') is "UN opinion", 联合国意见
 * or 聯合國意見, as the page's locale has it. label() reaches every vocabulary, so a page that calls it
 * ships all their messages; src/lib/content/present.ts reads the few it shows everywhere from their own tables.
 */
import { VOCABULARY_LABELS } from './vocabulary-labels.generated';
import { vocabularyKey, type VocabularyName } from './vocabulary-messages';

export function label(vocabulary: VocabularyName, id: string): string {
	return VOCABULARY_LABELS[vocabularyKey(vocabulary, id)]?.() ?? id;
}
