/** One page of each template, at its English address (the Chinese interfaces prefix /zh-hans or /zh-hant). */
export const TEMPLATES: [string, string][] = [
	['home', '/'],
	['timeline', '/timeline'],
	['an event', '/events/abduction-2002'],
	['the archive list', '/archive'],
	['a facet page', '/archive/kind/court-judgment'],
	['a document with text', '/archive/hconres326-108-rfs'],
	['a catalogue record', '/archive/shenzhen-judgment-2003'],
	['search with results', '/search?q=Wang'],
	['claims', '/claims'],
	['about', '/about'],
	['not found', '/no-such-page']
];
