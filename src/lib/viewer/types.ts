/** What a reader highlights on arrival: the terms of a search (?q=) or a cited passage (?quote=). */
export interface ArrivalFind {
	/** What the find box shows. */
	text: string;
	/** What is matched: a search's terms (any of them), or the quoted passage as a whole. */
	terms: string[];
	/** Said next to the count, e.g. "terms of your search". */
	describe: string;
}

/** A claim made in a paragraph of the text, shown beside it. */
export interface ParagraphClaim {
	id: string;
	/** The claim's title, in the page's language where the archive has translated it. */
	title: string;
	/** The language of `title` as given ("en" where a Chinese page shows an untranslated claim); the page's when absent. */
	textLang?: string;
	finding: string;
	/** No longer read (TextReader labels the finding in the page's language itself); may be left out. */
	findingLabel?: string;
	/** Where its evidence is: /claims#<id>. */
	href: string;
}
