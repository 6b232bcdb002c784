/**
 * Folding Traditional Chinese to Simplified (中國 → 中国, 審判 → 审判) with OpenCC's tables,
 * so either script finds the other. The tables (about 100 kB) load only where search runs:
 * at build time and in the search worker, never with a page.
 *
 * The Traditional interface's record texts are derived with OpenCC's Taiwan table (`tw`,
 * src/pipeline/traditional.ts), so folding reads Taiwan's forms too (著 → 着, 裡 → 里): folding
 * the archive's Traditional gives back its Simplified. A few characters OpenCC leaves as they are
 * (於, a surname as well) are folded here to the form the Simplified texts write (于).
 */
export type Fold = (text: string) => string;

/** Characters OpenCC keeps that Simplified text writes otherwise; one character for one, so offsets hold. */
const AFTER_OPENCC: Record<string, string> = { 於: '于' };
const AFTER_OPENCC_PATTERN = new RegExp(`[${Object.keys(AFTER_OPENCC).join('')}]`, 'gu');

let loading: Promise<Fold> | null = null;

export function loadFold(): Promise<Fold> {
	loading ??= import('opencc-js/t2cn').then(({ Converter }) => {
		const convert = Converter({ from: 'tw', to: 'cn' });
		// Only Han text needs converting; everything else passes through untouched.
		return (text: string) => (/\p{Script=Han}/u.test(text) ? convert(text).replace(AFTER_OPENCC_PATTERN, (c) => AFTER_OPENCC[c]!) : text);
	});
	return loading;
}
