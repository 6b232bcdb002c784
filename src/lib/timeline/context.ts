/**
 * What the timeline's layers share, Layer Cake's way: the shell measures the chart, owns the view
 * and lays out the lanes; the axis, the lanes, the marks and the canvas layer read them here.
 * Every field is read live (getters over the shell's state), so a layer re-renders when it changes.
 */
import { getContext, setContext } from 'svelte';
import type { Category } from '$lib/content/vocabulary';
import type { LaneLayout } from './lanes';
import type { Window } from './zoom';

export interface TimelineContext {
	/** The chart's width in CSS pixels, and the height of its lanes (the axis goes below). */
	readonly width: number;
	readonly chartHeight: number;
	/** The window in view, and its pixels per millisecond. */
	readonly view: Window;
	readonly pxPerMs: number;
	readonly lanes: readonly LaneLayout[];
	readonly laneTops: readonly number[];
	readonly laneHeader: number;
	readonly lanePad: number;
	readonly rowHeight: number;
	/** Where a time is across the chart, and where a lane's row is down it. */
	xOf(ms: number): number;
	yOf(category: Category, row: number): number;
}

const KEY = Symbol('timeline');

export const setTimelineContext = (context: TimelineContext): TimelineContext => setContext(KEY, context);
export const timelineContext = (): TimelineContext => getContext<TimelineContext>(KEY);
