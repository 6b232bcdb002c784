/** opencc-js ships its dictionaries ("key value value|key value" strings) without types. */
declare module 'opencc-js/dict/*' {
	const dictionary: string;
	export default dictionary;
}
