/**
 * Messages with links or other markup inside them: the message is called with a marker for each
 * slot, and the result split at the markers, so a component can place a link where the
 * translation puts its placeholder ("according to {source}" / "据{source}").
 */
export type RichPart = { text: string } | { slot: string };

const MARK = (name: string) => `\u{F0000}${name}\u{F0001}`;

/** The message's text around its slots: rich(m.rests_held, ['documents']). */
export function rich<K extends string>(message: (inputs: Record<K, string>) => string, slots: readonly K[]): RichPart[] {
	const text = message(Object.fromEntries(slots.map((s) => [s, MARK(s)])) as Record<K, string>);
	return text
		.split(/(\u{F0000}[^\u{F0001}]*\u{F0001})/u)
		.filter((piece) => piece !== '')
		.map((piece) => (piece.startsWith('\u{F0000}') ? { slot: piece.slice(2, -2) } : { text: piece }));
}
