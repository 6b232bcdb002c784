/**
 * The timeline's view kept in the page's address, in one place: zoom and pan replace the current
 * history entry (debounced), a selection or a filter pushes one, and back and forward bring the
 * view in the address bar back. The address is the truth: a change to it not applied yet wins over
 * a pending write.
 */
import { pushState, replaceState } from '$app/navigation';
import { parseView, serializeView, type TimelineView } from './url-state';

/** Zoom and pan are written once they pause for this long. */
const WRITE_AFTER_MS = 250;

export class UrlSync {
	#last = '';
	#debounce: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly options: {
			/** The view as the chart shows it now. */
			current: () => TimelineView;
			/** Shows a view read from the address. */
			apply: (view: TimelineView) => void;
			defaults: TimelineView;
		}
	) {}

	/** Writes the view now: a new history entry (`push`), or in place of the current one. */
	write(push: boolean): void {
		clearTimeout(this.#debounce);
		if (!push && location.search !== this.#last) return;
		const search = `?${serializeView(this.options.current())}`;
		if (search === this.#last) return;
		this.#last = search;
		(push ? pushState : replaceState)(search, {});
	}

	/** Writes the view in place once zooming and panning pause. */
	writeSoon(): void {
		clearTimeout(this.#debounce);
		this.#debounce = setTimeout(() => this.write(false), WRITE_AFTER_MS);
	}

	cancel(): void {
		clearTimeout(this.#debounce);
	}

	/** The view the address bar names now (nothing applied). */
	peek(): TimelineView {
		return parseView(new URLSearchParams(location.search), this.options.defaults);
	}

	/** Applies the view in the address bar, if it is not the one last written or applied. */
	read = (): void => {
		if (location.search === this.#last) return;
		this.#last = location.search;
		this.options.apply(parseView(new URLSearchParams(location.search), this.options.defaults));
	};

	/** Applies the address now and on every back and forward; returns the way to stop. */
	listen(): () => void {
		this.read();
		// SvelteKit updates its page state on popstate too, but reading the address bar directly
		// keeps this independent of the router's bookkeeping for shallow history entries.
		window.addEventListener('popstate', this.read);
		return () => {
			window.removeEventListener('popstate', this.read);
			this.cancel();
		};
	}
}
