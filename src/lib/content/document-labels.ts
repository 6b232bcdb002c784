/**
 * A document's kind, holding status and primary or secondary source, in the reader's language. Apart
 * from present.ts on purpose: every page loads present.ts, and a module goes whole into the chunk its
 * pages share, so these tables there would ship 30 labels to the home page, which shows none of them.
 */
import { labelFrom } from '../i18n/label-table';
import { KIND_LABELS } from '../i18n/vocabulary-labels/kind.generated';
import { STATUS_LABELS } from '../i18n/vocabulary-labels/status.generated';
import { primary_source, secondary_source } from '../paraglide/messages.js';
import type { ManifestDocument } from './manifest';

export const kindLabel = (kind: ManifestDocument['kind']) => labelFrom(KIND_LABELS, kind);
export const statusLabel = (status: ManifestDocument['status']) => labelFrom(STATUS_LABELS, status);
export const primaryLabel = (primary: boolean) => (primary ? primary_source() : secondary_source());
