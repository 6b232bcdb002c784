/**
 * Dates with precision. The archive never stores more precision than a source gives:
 * "1966" is a year, "2002-06" a month, "2003-02-10" a day. These helpers are the only place
 * dates are parsed, compared and displayed; the pipeline and the site share them.
 */

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
	year: number;
	/** 1–12, present at month and day precision. */
	month?: number;
	/** 1–31, present at day precision. */
	day?: number;
	precision: Precision;
}

const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
] as const;

/**
 * The instant at UTC midnight of a calendar day. Date.UTC maps years 0–99 to 1900–1999, so the
 * year is set apart: "0050" must never become 1950.
 */
export function utcDay(year: number, monthIndex: number, day: number): Date {
	const date = new Date(0);
	date.setUTCFullYear(year, monthIndex, day);
	return date;
}

function daysInMonth(year: number, month: number): number {
	return utcDay(year, month, 0).getUTCDate();
}

/** Years before this are refused unless a record says it means them (datesBefore1000): "0050" is far likelier a typing slip than a date of this case. */
export const EARLIEST_ORDINARY_YEAR = 1000;

/**
 * Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a {@link PartialDate}, or returns an error
 * message that says what is wrong.
 * @example parsePartialDate('2002-06') // { ok: true, value: { year: 2002, month: 6, precision: 'month' } }
 */
export function parsePartialDate(
	text: string
): { ok: true; value: PartialDate } | { ok: false; error: string } {
	const match = DATE_PATTERN.exec(text);
	if (!match) {
		return { ok: false, error: `"${text}" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD` };
	}
	const year = Number(match[1]);
	if (match[2] === undefined) return { ok: true, value: { year, precision: 'year' } };
	const month = Number(match[2]);
	if (month < 1 || month > 12) return { ok: false, error: `"${text}" has no month ${match[2]}` };
	if (match[3] === undefined) return { ok: true, value: { year, month, precision: 'month' } };
	const day = Number(match[3]);
	if (day < 1 || day > daysInMonth(year, month)) {
		return { ok: false, error: `"${text}" is not a calendar date (${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days)` };
	}
	return { ok: true, value: { year, month, day, precision: 'day' } };
}

/** Parses a date already known to be valid (validated by the pipeline); throws otherwise. */
export function mustParseDate(text: string): PartialDate {
	const parsed = parsePartialDate(text);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
}

/** The ISO string at the date's own precision: "1966", "2002-06", "2003-02-10". */
export function toIso(date: PartialDate): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	if (date.precision === 'year') return String(date.year);
	if (date.precision === 'month') return `${date.year}-${pad(date.month ?? 1)}`;
	return `${date.year}-${pad(date.month ?? 1)}-${pad(date.day ?? 1)}`;
}

/** The first instant the date can mean (UTC), e.g. 2002-06 → 2002-06-01T00:00Z. */
export function earliestInstant(date: PartialDate): Date {
	return utcDay(date.year, (date.month ?? 1) - 1, date.day ?? 1);
}

/** The instant just after the last day the date can mean (UTC), e.g. 2002-06 → 2002-07-01T00:00Z. */
export function instantAfter(date: PartialDate): Date {
	if (date.precision === 'year') return utcDay(date.year + 1, 0, 1);
	if (date.precision === 'month') return utcDay(date.year, date.month ?? 1, 1);
	return utcDay(date.year, (date.month ?? 1) - 1, (date.day ?? 1) + 1);
}

/** Orders dates by their earliest instant, then the coarser precision first. */
export function compareDates(a: PartialDate, b: PartialDate): number {
	const diff = earliestInstant(a).getTime() - earliestInstant(b).getTime();
	if (diff !== 0) return diff;
	const rank: Record<Precision, number> = { year: 0, month: 1, day: 2 };
	return rank[a.precision] - rank[b.precision];
}

/** "1966", "June 2002", "27 June 2002". */
export function formatDate(date: PartialDate): string {
	if (date.precision === 'year') return String(date.year);
	const month = MONTHS[(date.month ?? 1) - 1];
	if (date.precision === 'month') return `${month} ${date.year}`;
	return `${date.day} ${month} ${date.year}`;
}

/** A date or a span as the archive stores it. */
export interface DateSpan {
	start: PartialDate;
	/** Absent for a point in time. */
	end?: PartialDate;
	/** True when the span has no end yet ("since 2002"). */
	ongoing?: boolean;
	/** The source gives the date loosely ("the 1960s", "spring 1979") or we inferred it. */
	approximate?: boolean;
}

/** Formats the start of a span, dropping what it shares with the end ("July–September 2022"). */
function formatSpanStart(start: PartialDate, end: PartialDate): string {
	if (start.year !== end.year || start.precision !== end.precision) return formatDate(start);
	if (start.precision === 'month') return MONTHS[(start.month ?? 1) - 1] ?? '';
	if (start.precision === 'day' && start.month === end.month) return String(start.day);
	if (start.precision === 'day') return `${start.day} ${MONTHS[(start.month ?? 1) - 1]}`;
	return formatDate(start);
}

/**
 * A span for readers: "June 2002", "c. 1965", "1979–1982", "since 2002", "c. March–May 1979".
 * @example formatSpan({ start: mustParseDate('1979'), end: mustParseDate('1982') }) // "1979–1982"
 */
export function formatSpan(span: DateSpan): string {
	const prefix = span.approximate ? 'c. ' : '';
	if (span.ongoing) return `since ${prefix}${formatDate(span.start)}`;
	if (!span.end) return prefix + formatDate(span.start);
	const start = formatSpanStart(span.start, span.end);
	const end = formatDate(span.end);
	// A multi-word start needs spaces around the dash to stay readable: "July 1979 – September 1982", but "15–16 September 2020".
	const separator = start.includes(' ') ? ' – ' : '–';
	return `${prefix}${start}${separator}${end}`;
}

/** The ISO date a span is sorted and placed by (its start) and the instant its mark ends at. */
export function spanExtent(span: DateSpan, now: Date): { from: Date; to: Date } {
	const from = earliestInstant(span.start);
	if (span.ongoing) return { from, to: now };
	return { from, to: instantAfter(span.end ?? span.start) };
}

/** The locales dates are written in: English, and Chinese in either script. */
export type DateLocale = 'en' | 'zh-Hans' | 'zh-Hant';

/** "2003年", "2003年2月", "2003年2月10日". */
export function formatDateZh(date: PartialDate): string {
	if (date.precision === 'year') return `${date.year}年`;
	if (date.precision === 'month') return `${date.year}年${date.month}月`;
	return `${date.year}年${date.month}月${date.day}日`;
}

/** A span's start without what it shares with its end: "1979年3月" before "5月" in "1979年3月至5月". */
function formatSpanEndZh(start: PartialDate, end: PartialDate): string {
	if (start.year !== end.year || start.precision !== end.precision || start.precision === 'year') return formatDateZh(end);
	if (start.precision === 'month') return `${end.month}月`;
	return start.month === end.month ? `${end.day}日` : `${end.month}月${end.day}日`;
}

/**
 * A span for Chinese readers: "2002年6月", "约1965年", "1979年至1982年", "自2002年起",
 * "约1979年3月至5月". The two scripts differ only in 约/約.
 */
export function formatSpanZh(span: DateSpan, script: 'zh-Hans' | 'zh-Hant'): string {
	const prefix = span.approximate ? (script === 'zh-Hant' ? '約' : '约') : '';
	if (span.ongoing) return `自${prefix}${formatDateZh(span.start)}起`;
	if (!span.end) return prefix + formatDateZh(span.start);
	return `${prefix}${formatDateZh(span.start)}至${formatSpanEndZh(span.start, span.end)}`;
}

/** A span in a locale's words. */
export const formatSpanIn = (span: DateSpan, locale: DateLocale): string => (locale === 'en' ? formatSpan(span) : formatSpanZh(span, locale));
