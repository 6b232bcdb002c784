import { describe, expect, it } from 'vitest';
import { compareDates, formatSpan, mustParseDate, parsePartialDate, spanExtent, toIso } from '../../../src/lib/content/dates';

describe('parsePartialDate', () => {
	it.each([
		['1966', { year: 1966, precision: 'year' }],
		['2002-06', { year: 2002, month: 6, precision: 'month' }],
		['2003-02-10', { year: 2003, month: 2, day: 10, precision: 'day' }],
		['2000-02-29', { year: 2000, month: 2, day: 29, precision: 'day' }]
	])('reads %s at its precision', (text, expected) => {
		expect(parsePartialDate(text)).toEqual({ ok: true, value: expected });
	});

	it.each([
		['2002-6', '"2002-6" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD'],
		['June 2002', '"June 2002" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD'],
		['2002-13', '"2002-13" has no month 13'],
		['2002-00', '"2002-00" has no month 00'],
		['1900-02-29', '"1900-02-29" is not a calendar date (February 1900 has 28 days)'],
		['2003-04-31', '"2003-04-31" is not a calendar date (April 2003 has 30 days)'],
		['', '"" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD']
	])('refuses %s', (text, error) => {
		expect(parsePartialDate(text)).toEqual({ ok: false, error });
	});

	it('round-trips to ISO at the same precision', () => {
		for (const text of ['1966', '2002-06', '2003-02-10']) expect(toIso(mustParseDate(text))).toBe(text);
	});
});

describe('formatSpan', () => {
	const d = mustParseDate;
	it.each([
		[{ start: d('2002-06') }, 'June 2002'],
		[{ start: d('2002-06-27') }, '27 June 2002'],
		[{ start: d('1966') }, '1966'],
		[{ start: d('1965'), approximate: true }, 'c. 1965'],
		[{ start: d('1979'), end: d('1982') }, '1979–1982'],
		[{ start: d('2002'), ongoing: true }, 'since 2002'],
		[{ start: d('2002-06-27'), ongoing: true }, 'since 27 June 2002'],
		[{ start: d('1979-03'), end: d('1979-05'), approximate: true }, 'c. March–May 1979'],
		[{ start: d('1979-07'), end: d('1982-09') }, 'July 1979 – September 1982'],
		[{ start: d('2020-09-15'), end: d('2020-09-16') }, '15–16 September 2020'],
		[{ start: d('2004-05-05'), end: d('2004-06-06') }, '5 May – 6 June 2004'],
		[{ start: d('1960'), end: d('1969'), approximate: true }, 'c. 1960–1969']
	])('%o → %s', (span, expected) => {
		expect(formatSpan(span)).toBe(expected);
	});
});

describe('ordering and extent', () => {
	it('orders by earliest instant, coarser precision first', () => {
		const sorted = ['2002-06-27', '2002', '2002-06', '2001-12-31'].map(mustParseDate).sort(compareDates).map(toIso);
		expect(sorted).toEqual(['2001-12-31', '2002', '2002-06', '2002-06-27']);
	});

	it('a month covers the whole month; an open span runs to now', () => {
		const now = new Date(Date.UTC(2022, 11, 31));
		expect(spanExtent({ start: mustParseDate('2002-06') }, now)).toEqual({ from: new Date(Date.UTC(2002, 5, 1)), to: new Date(Date.UTC(2002, 6, 1)) });
		expect(spanExtent({ start: mustParseDate('2002'), ongoing: true }, now).to).toEqual(now);
		expect(spanExtent({ start: mustParseDate('1979'), end: mustParseDate('1982') }, now).to).toEqual(new Date(Date.UTC(1983, 0, 1)));
	});
});
