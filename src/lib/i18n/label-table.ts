/**
 * A label from one vocabulary's table (src/lib/i18n/vocabulary-labels/<name>.generated.ts); an unknown id
 * is shown as it is. Apart from labels.ts on purpose: a module goes whole into the chunk its pages share,
 * and labels.ts reaches every vocabulary's messages.
 */
export const labelFrom = (table: Record<string, () => string>, id: string): string => table[id]?.() ?? id;
