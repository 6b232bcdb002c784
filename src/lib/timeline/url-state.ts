/**
 * The timeline's view in the URL: /timeline?from=1998&to=2004&cat=legal,detention&event=<id>.
 * `from` and `to` are dates at a precision that suits the visible span (years for decades,
 * months for a year or two, days below that); `to` names the last period in view, inclusive.
 */
import { earliestInstant, instantAfter, parsePartialDate, toIso, type PartialDate } from '$lib/content/dates';
import { CATEGORIES, type Category } from '$lib/content/vocabulary';

export const ALL_CATEGORIES = Object.keys(CATEGORIES) as Category[];
/** `cat=none`: every category hidden (an empty `cat=` would read as "all"). */
export const NO_CATEGORIES = 'none';

export interface TimelineView {
	/** Visible window, ms since epoch, [from, to). */
	from: number;
	to: number;
	/** Categories shown, in the canonical order. */
	categories: Category[];
	/** The selected event's id. */
	event: string | null;
}

const YEAR_MS = 365.25 * 24 * 3600 * 1000;

function toPartial(ms: number, precision: PartialDate['precision']): PartialDate {
	const d = new Date(ms);
	const year = d.getUTCFullYear();
	if (precision === 'year') return { year, precision };
	if (precision === 'month') return { year, month: d.getUTCMonth() + 1, precision };
	return { year, month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision };
}

/** The precision a window is written at: coarse enough to read, fine enough to reproduce the view. */
export function precisionFor(spanMs: number): PartialDate['precision'] {
	if (spanMs >= 5 * YEAR_MS) return 'year';
	if (spanMs >= YEAR_MS / 4) return 'month';
	return 'day';
}

/** Reads a view from URL parameters; anything missing or unreadable falls back to `defaults`. */
export function parseView(params: URLSearchParams, defaults: TimelineView): TimelineView {
	const from = parsePartialDate(params.get('from') ?? '');
	const to = parsePartialDate(params.get('to') ?? '');
	let window = { from: defaults.from, to: defaults.to };
	if (from.ok && to.ok) {
		const start = earliestInstant(from.value).getTime();
		const end = instantAfter(to.value).getTime();
		if (end > start) window = { from: start, to: end };
	}
	const cat = params.get('cat');
	const requested = cat ? cat.split(',').filter((c): c is Category => ALL_CATEGORIES.includes(c as Category)) : [];
	const categories = cat === NO_CATEGORIES ? [] : requested.length > 0 ? ALL_CATEGORIES.filter((c) => requested.includes(c)) : defaults.categories;
	const event = params.get('event');
	return { ...window, categories, event: event && /^[a-z0-9-]+$/.test(event) ? event : defaults.event };
}

/** The window rounded outward to whole periods at a precision: [start of from's period, end of to's). */
function roundedWindow(from: number, to: number, precision: PartialDate['precision']): { from: PartialDate; to: PartialDate } {
	return { from: toPartial(from, precision), to: toPartial(to - 1, precision) };
}

/** Writes a view as URL parameters, leaving out categories when all are shown and the selection when none. */
export function serializeView(view: TimelineView): URLSearchParams {
	// Rounding outward can lengthen the window past a precision threshold; settle on the precision
	// of the rounded window so that reading the URL back and writing it again gives the same URL.
	let precision = precisionFor(view.to - view.from);
	let window = roundedWindow(view.from, view.to, precision);
	for (;;) {
		const settled = precisionFor(instantAfter(window.to).getTime() - earliestInstant(window.from).getTime());
		if (settled === precision) break;
		precision = settled;
		window = roundedWindow(view.from, view.to, precision);
	}
	const params = new URLSearchParams();
	params.set('from', toIso(window.from));
	params.set('to', toIso(window.to));
	if (view.categories.length !== ALL_CATEGORIES.length) params.set('cat', view.categories.length > 0 ? view.categories.join(',') : NO_CATEGORIES);
	if (view.event) params.set('event', view.event);
	return params;
}
