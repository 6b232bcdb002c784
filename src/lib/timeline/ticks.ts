/**
 * Tick choice for the time axis: from decades down to days, the finest interval whose labels
 * still fit side by side without colliding at the current width.
 */
import { utcDay, utcFormat, utcMonth, utcWeek, utcYear, type CountableTimeInterval } from 'd3';
export { labelUnits } from './text-width';

// Every interval here is checked against its shortest step (d3's month and day `every(n)`
// restart each year or month), so uneven ones such as "every 2 days" are not offered.

export interface TickInterval {
	/** A name for tests and debugging: "10 years", "1 month". */
	name: string;
	interval: CountableTimeInterval;
	/** What its ticks are labelled with. */
	level: 'year' | 'month' | 'day';
}

/** How an axis labels its ticks in one language, and the widest label of each level in half-width units (a Chinese character is two). */
export interface TickLabels {
	format: Record<TickInterval['level'], (date: Date) => string>;
	width: Record<TickInterval['level'], number>;
}

const year = utcFormat('%Y');
const monthYear = utcFormat('%b %Y');
const month = utcFormat('%b');
const dayMonth = utcFormat('%-d %b');
const newYear = (d: Date) => d.getUTCMonth() === 0 && d.getUTCDate() === 1;

/** January gets its year so that a reader zoomed into months always sees which year; a day is labelled with its month ("27 Jun"), New Year's Day with its year. */
export const ENGLISH_TICKS: TickLabels = {
	format: { year, month: (d) => (d.getUTCMonth() === 0 ? monthYear(d) : month(d)), day: (d) => (newYear(d) ? year(d) : dayMonth(d)) },
	width: { year: 4, month: 8, day: 6 }
};

/** The same in Chinese (either script): 2002年1月, 6月, 6月27日. */
export const CHINESE_TICKS: TickLabels = {
	format: {
		year,
		month: (d) => (d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}年1月` : `${d.getUTCMonth() + 1}月`),
		day: (d) => (newYear(d) ? year(d) : `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`)
	},
	width: { year: 4, month: 10, day: 8 }
};


const every = (interval: CountableTimeInterval, n: number) => (n === 1 ? interval : (interval.every(n) as CountableTimeInterval));

/** Coarsest first. */
export const TICK_INTERVALS: readonly TickInterval[] = [
	{ name: '50 years', interval: every(utcYear, 50), level: 'year' },
	{ name: '20 years', interval: every(utcYear, 20), level: 'year' },
	{ name: '10 years', interval: every(utcYear, 10), level: 'year' },
	{ name: '5 years', interval: every(utcYear, 5), level: 'year' },
	{ name: '2 years', interval: every(utcYear, 2), level: 'year' },
	{ name: '1 year', interval: utcYear, level: 'year' },
	{ name: '6 months', interval: every(utcMonth, 6), level: 'month' },
	{ name: '3 months', interval: every(utcMonth, 3), level: 'month' },
	{ name: '1 month', interval: utcMonth, level: 'month' },
	{ name: '1 week', interval: utcWeek, level: 'day' },
	{ name: '1 day', interval: utcDay, level: 'day' }
];

/** Approximate width of one label character at the axis font size, in px, and the gap between labels. */
export const CHAR_WIDTH = 7.5;
export const LABEL_GAP = 12;

/** The shortest step an interval takes (months and years vary), measured once over sample years. */
function shortestStep(t: TickInterval): number {
	// Yearly steps vary over centuries (leap years); shorter ones repeat within a decade.
	const [first, last] = t.name.includes('year') ? [1800, 2200] : [2000, 2010];
	const sample = t.interval.range(new Date(Date.UTC(first, 0, 1)), new Date(Date.UTC(last, 0, 1)));
	let min = Infinity;
	for (let i = 1; i < sample.length; i++) min = Math.min(min, sample[i]!.getTime() - sample[i - 1]!.getTime());
	return min;
}
/** Measured on first use, not as the module loads: the daily one alone walks ten years of days, and most views never ask for it. */
const SHORTEST = new Map<TickInterval, number>();
function shortest(t: TickInterval): number {
	let step = SHORTEST.get(t);
	if (step === undefined) SHORTEST.set(t, (step = shortestStep(t)));
	return step;
}

/** The finest interval whose shortest spacing leaves room for its widest label. */
export function chooseTickInterval(spanMs: number, widthPx: number, labels: TickLabels = ENGLISH_TICKS): TickInterval {
	const pxPerMs = widthPx / spanMs;
	let chosen = TICK_INTERVALS[0]!;
	for (const t of TICK_INTERVALS) {
		if (shortest(t) * pxPerMs >= labels.width[t.level] * CHAR_WIDTH + LABEL_GAP) chosen = t;
		else break;
	}
	return chosen;
}

export interface Tick {
	value: number;
	label: string;
}

/** Ticks inside [from, to], labelled; the interval chosen for the width. */
export function computeTicks(from: number, to: number, widthPx: number, labels: TickLabels = ENGLISH_TICKS): { interval: TickInterval; ticks: Tick[] } {
	const interval = chooseTickInterval(to - from, widthPx, labels);
	const format = labels.format[interval.level];
	const ticks = interval.interval.range(new Date(from), new Date(to + 1)).map((d) => ({ value: d.getTime(), label: format(d) }));
	return { interval, ticks };
}
