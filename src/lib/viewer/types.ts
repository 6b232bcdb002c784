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
	title: string;
	finding: string;
	findingLabel: string;
	/** Where its evidence is: /claims#<id>. */
	href: string;
}
