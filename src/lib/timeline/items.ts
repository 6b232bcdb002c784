/**
 * Timeline items: events reduced to what the chart draws, with their extent in milliseconds.
 * Computed once per data set; everything per-frame works on these.
 */
import { utcYear } from 'd3';
import { earliestInstant, instantAfter, mustParseDate } from '$lib/content/dates';
import { byCodePoint } from '$lib/content/order';
import { eventDateLabel, type EventHeadline } from '$lib/content/present';
import type { Category } from '$lib/content/vocabulary';
import { timeline_key_approximate, timeline_key_disputed, timeline_mark_label, timeline_notes_separator } from '$lib/paraglide/messages';

export interface TimelineItem {
	id: string;
	title: string;
	category: Category;
	/** Start of the event's date (earliest instant it can mean), ms since epoch. */
	from: number;
	/** End of the period the mark covers, ms: for a point, the end of its day, month or year. */
	to: number;
	/** A span (has an end date or is ongoing) is drawn as a bar; a point as a symbol. */
	span: boolean;
	ongoing: boolean;
	approximate: boolean;
	disputed: boolean;
	/** "June 2002", "1979–1982", "since 2002": what readers and screen readers are told. */
	dateLabel: string;
}

/**
 * @param openEnd where an ongoing span's bar ends (the edge of the archive's period)
 */
export function toItems(events: readonly EventHeadline[], openEnd: number): TimelineItem[] {
	return events
		.map((event) => {
			const start = mustParseDate(event.start);
			const end = event.end ? mustParseDate(event.end) : undefined;
			const from = earliestInstant(start).getTime();
			return {
				id: event.id,
				title: event.title,
				category: event.category,
				from,
				to: event.ongoing ? Math.max(openEnd, from) : instantAfter(end ?? start).getTime(),
				span: end !== undefined || event.ongoing,
				ongoing: event.ongoing,
				approximate: event.approximate,
				disputed: event.disputed,
				dateLabel: eventDateLabel(event)
			};
		})
		.sort((a, b) => a.from - b.from || byCodePoint(a.id, b.id));
}

/**
 * The items and the whole period that can be shown (the default window and every event, with a
 * margin), in one pass over the events: an ongoing span runs to the edge of that period, which
 * depends on the other events, so its end is set once the extent is known.
 */
export function timelineItems(events: readonly EventHeadline[], period: { from: number; to: number }): { items: TimelineItem[]; extent: { from: number; to: number } } {
	const items = toItems(events, period.to);
	let from = period.from;
	let to = period.to;
	for (const i of items) {
		if (i.from < from) from = i.from;
		const end = i.ongoing ? i.from : i.to;
		if (end > to) to = end;
	}
	const margin = utcYear.offset(new Date(0), 2).getTime();
	const extent = { from: from - margin, to: to + margin };
	for (const i of items) if (i.ongoing) i.to = Math.max(extent.to, i.from);
	return { items, extent };
}

/** The accessible name of an event's mark, in the page's language: its date and title, and what the mark shows. */
export function itemLabel(item: TimelineItem, categoryLabel: string): string {
	const notes = [categoryLabel, item.approximate ? timeline_key_approximate() : '', item.disputed ? timeline_key_disputed() : ''].filter(Boolean);
	return timeline_mark_label({ date: item.dateLabel, title: item.title, notes: notes.join(timeline_notes_separator()) });
}

/** How many items start in each calendar year of the extent (UTC): the overview brush's histogram. */
export function yearBins(items: readonly TimelineItem[], extent: { from: number; to: number }): { from: number; to: number; count: number }[] {
	const bins = utcYear.range(new Date(extent.from), new Date(extent.to)).map((d) => ({ from: d.getTime(), to: utcYear.offset(d, 1).getTime(), count: 0 }));
	const first = bins[0] ? new Date(bins[0].from).getUTCFullYear() : 0;
	for (const item of items) {
		const bin = bins[new Date(item.from).getUTCFullYear() - first];
		if (bin && item.from >= bin.from) bin.count++;
	}
	return bins;
}

/** The events of one year in the vertical layout. */
export interface YearGroup {
	year: number;
	items: TimelineItem[];
}

/**
 * The items in a window, by the UTC year they start in, in time order: the vertical layout's
 * rows. A span that began before the window is listed in the window's first year.
 */
export function yearGroups(items: readonly TimelineItem[], window: { from: number; to: number }): YearGroup[] {
	const firstYear = new Date(window.from).getUTCFullYear();
	const groups = new Map<number, TimelineItem[]>();
	for (const item of items) {
		if (item.to < window.from || item.from > window.to) continue;
		const year = Math.max(firstYear, new Date(item.from).getUTCFullYear());
		const group = groups.get(year) ?? [];
		group.push(item);
		groups.set(year, group);
	}
	return [...groups].sort((a, b) => a[0] - b[0]).map(([year, list]) => ({ year, items: list.sort((a, b) => a.from - b.from) }));
}
