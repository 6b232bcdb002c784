/**
 * Folding Traditional Chinese to Simplified (中國 → 中国, 審判 → 审判) with OpenCC's tables,
 * so either script finds the other. The tables (about 100 kB) load only where search runs:
 * at build time and in the search worker, never with a page.
 */
export type Fold = (text: string) => string;

let loading: Promise<Fold> | null = null;

export function loadFold(): Promise<Fold> {
	loading ??= import('opencc-js/t2cn').then(({ Converter }) => {
		const convert = Converter({ from: 't', to: 'cn' });
		// Only Han text needs converting; everything else passes through untouched.
		return (text: string) => (/\p{Script=Han}/u.test(text) ? convert(text) : text);
	});
	return loading;
}
