/**
 * The story's moves, pure: which step a URL's hash opens, where each step stands on the strip of
 * dates, and what a key or a swipe asks for. The components place what these return.
 */
import { scaleLinear } from 'd3-scale';
import { earliestInstant, mustParseDate } from '../content/dates';

/** The step a hash (#<event-id>, with or without "#") opens: its index, or the first step and the unknown id. */
export function stepForHash(ids: readonly string[], hash: string): { index: number; unknown: string | null } {
	let id = hash.startsWith('#') ? hash.slice(1) : hash;
	try {
		id = decodeURIComponent(id);
	} catch {
		// a malformed escape is just an unknown id
	}
	if (id === '') return { index: 0, unknown: null };
	const index = ids.indexOf(id);
	return index === -1 ? { index: 0, unknown: id } : { index, unknown: null };
}

/** The step a move of `delta` leads to, kept within the story. */
export const moveBy = (index: number, delta: number, count: number): number => Math.min(Math.max(index + delta, 0), Math.max(count - 1, 0));

/** Each step's place on the strip, in percent of its width (2 to 98, so that the end dots are whole), by the start of its event. */
export function stripPositions(starts: readonly string[]): number[] {
	if (starts.length === 0) return [];
	const times = starts.map((s) => earliestInstant(mustParseDate(s)).getTime());
	const min = Math.min(...times);
	const max = Math.max(...times);
	if (min === max) return times.map(() => 50);
	const scale = scaleLinear().domain([min, max]).range([2, 98]);
	return times.map((t) => scale(t));
}

/** The years at the strip's two ends. */
export function stripYears(starts: readonly string[]): [number, number] | null {
	if (starts.length === 0) return null;
	const years = starts.map((s) => mustParseDate(s).year);
	return [Math.min(...years), Math.max(...years)];
}

/** Which way a pointer's travel moves: -1 (to the previous step: a swipe to the right), 1 (next: to the left), or 0 when it was no horizontal swipe. */
export function swipeMove(dx: number, dy: number, threshold = 50): -1 | 0 | 1 {
	if (Math.abs(dx) < threshold || Math.abs(dx) < 1.5 * Math.abs(dy)) return 0;
	return dx < 0 ? 1 : -1;
}

/** Which way a key moves: ArrowLeft back, ArrowRight forward; none with a modifier held (the browser's own shortcuts). */
export function keyMove(key: string, modifiers: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): -1 | 0 | 1 {
	if (modifiers.altKey || modifiers.ctrlKey || modifiers.metaKey || modifiers.shiftKey) return 0;
	return key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
}
