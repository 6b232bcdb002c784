/**
 * Each page's extracted text, shipped once. A prerendered document page carries it in its HTML
 * (one box a page: the no-JS reading of a PDF, and what a reader sees before pdf.js draws), not
 * again in the hydration data: there it is only the document's id and page count (src/hooks.ts,
 * `transport`), and the browser reads the words back out of those boxes before hydrating them.
 * Arriving by a client-side navigation, there are no such boxes: the words come from the file
 * the search already fetches them from (/search/text/<id>.json), and the pages are blank until it is in.
 */
import { browser } from '$app/environment';
import { asset } from '$app/paths';

/** The elements holding each page's words, in order, in the prerendered page of document `id` (PdfViewer's boxes). */
const pageTextSelector = (id: string) => `[data-texts-of="${CSS.escape(id)}"] > .pdf-page > .page-text`;

export class PageTexts {
	/** The document's id: its texts file is /search/text/<id>.json. */
	readonly id: string;
	readonly count: number;
	#texts = $state.raw<readonly string[] | null>(null);

	/** `texts`: the words, when known (on the server, from the manifest). */
	constructor(id: string, count: number, texts: readonly string[] | null = null) {
		this.id = id;
		this.count = count;
		this.#texts = texts;
	}

	/** Page i's words (0-based), or '' while they are not in. */
	at(i: number): string {
		return this.#texts?.[i] ?? '';
	}

	/** Every page's words, or null while they are not in. */
	get all(): readonly string[] | null {
		return this.#texts;
	}

	/**
	 * In the browser, from the hydration data: the words from the prerendered page's boxes when
	 * this document's are all there, else fetched.
	 */
	static received(id: string, count: number): PageTexts {
		const texts = new PageTexts(id, count, browser ? fromPage(id, count) : null);
		// Should the file not come, the pages' canvases and text layers still show their words.
		if (browser && !texts.all) texts.#fetch().catch(() => {});
		return texts;
	}

	async #fetch(): Promise<void> {
		const response = await fetch(asset(`/search/text/${encodeURIComponent(this.id)}.json`));
		if (!response.ok) return;
		const { pages } = (await response.json()) as { pages?: string[] };
		if (pages?.length === this.count) this.#texts = pages;
	}
}

/** The words of each of the `count` pages, read from the page's own HTML; null if any box is missing. */
function fromPage(id: string, count: number): string[] | null {
	const boxes = document.querySelectorAll(pageTextSelector(id));
	return boxes.length === count ? Array.from(boxes, (box) => box.textContent ?? '') : null;
}
