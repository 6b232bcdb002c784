/**
 * Zoom arithmetic between the visible window (what the URL and the reader talk about) and
 * d3-zoom's transform (what gestures produce). The base scale maps the default period onto the
 * chart's width; a transform's k is how many times the default period is magnified.
 */
import { scaleUtc, zoomIdentity, type ScaleTime, type ZoomTransform } from 'd3';

export const DAY_MS = 86_400_000;
/** Zoomed all the way in, a week is in view. */
export const MIN_SPAN_MS = 7 * DAY_MS;

export interface Window {
	from: number;
	to: number;
}

export function baseScale(period: Window, width: number): ScaleTime<number, number> {
	return scaleUtc().domain([new Date(period.from), new Date(period.to)]).range([0, width]);
}

/** The transform that shows `window` on the base scale. */
export function transformFor(base: ScaleTime<number, number>, window: Window): ZoomTransform {
	const [x0, x1] = [base(new Date(window.from)), base(new Date(window.to))];
	const k = (base.range()[1]! - base.range()[0]!) / Math.max(1e-9, x1 - x0);
	return zoomIdentity.scale(k).translate(-x0, 0);
}

/** The window a transform shows on the base scale. */
export function windowFor(base: ScaleTime<number, number>, transform: ZoomTransform): Window {
	const [from, to] = transform.rescaleX(base).domain();
	return { from: from!.getTime(), to: to!.getTime() };
}

/** Keeps a window inside the extent and no narrower than MIN_SPAN_MS, preserving its centre where it can. */
export function clampWindow(window: Window, extent: Window): Window {
	const span = Math.min(Math.max(window.to - window.from, MIN_SPAN_MS), extent.to - extent.from);
	let from = (window.from + window.to) / 2 - span / 2;
	from = Math.min(Math.max(from, extent.from), extent.to - span);
	return { from, to: from + span };
}

/** Zooms a window around a point in time by a factor (> 1 zooms in). */
export function zoomWindow(window: Window, factor: number, at = (window.from + window.to) / 2): Window {
	return { from: at - (at - window.from) / factor, to: at + (window.to - at) / factor };
}
