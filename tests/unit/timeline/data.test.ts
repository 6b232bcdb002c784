/**
 * What the timeline ships: the compact events file gives back the headlines it was made from, a
 * file of another format is refused with what it was, and the items are computed in one pass with
 * the same extent and ends as computing them twice did.
 */
import { describe, expect, it } from 'vitest';
import type { EventHeadline } from '../../../src/lib/content/present';
import { decodeEvents, encodeEvents, INLINE_EVENTS, shipsInline } from '../../../src/lib/timeline/data';
import { timelineItems, toItems } from '../../../src/lib/timeline/items';

const headline = (over: Partial<EventHeadline>): EventHeadline => ({ id: 'e', title: 'An event', category: 'legal', start: '2002-06', ongoing: false, approximate: false, disputed: false, unverified: false, ...over });

const events: EventHeadline[] = [
	headline({ id: 'a', start: '1971' }),
	headline({ id: 'b', title: '王炳章 “quoted”, with a comma', category: 'family', start: '2002-06-27', end: '2002-07-05', approximate: true }),
	headline({ id: 'c', category: 'detention', start: '2002-06', ongoing: true, disputed: true }),
	headline({ id: 'd', category: 'activism', start: '2024-02-03', unverified: true })
];

describe('the events file', () => {
	it('gives back every headline, flags and all, through JSON', () => {
		const back = decodeEvents(JSON.parse(JSON.stringify(encodeEvents(events))));
		expect(back).toEqual(events.map((e) => ({ ...e })));
		expect(back.map((e) => 'end' in e)).toEqual([false, true, false, false]);
	});
	it('refuses a file of another format, saying which', () => {
		expect(() => decodeEvents({ format: 2, events: [] })).toThrow(/format 2, not 1/);
		expect(() => decodeEvents(null)).toThrow(/format undefined, not 1/);
	});
	it('ships a few hundred events inside the page, and more as a file', () => {
		expect(shipsInline(92)).toBe(true);
		expect(shipsInline(INLINE_EVENTS)).toBe(true);
		expect(shipsInline(INLINE_EVENTS + 1)).toBe(false);
	});
});

describe('the items, in one pass', () => {
	it('have the extent and the ongoing ends that two passes gave', () => {
		const period = { from: Date.UTC(1966, 0, 1), to: Date.UTC(2023, 0, 1) };
		const { items, extent } = timelineItems(events, period);
		const raw = toItems(events, period.to);
		const margin = Date.UTC(1972, 0, 1) - Date.UTC(1970, 0, 1);
		const from = Math.min(period.from, ...raw.map((i) => i.from)) - margin;
		const to = Math.max(period.to, ...raw.map((i) => (i.ongoing ? i.from : i.to))) + margin;
		expect(extent).toEqual({ from, to });
		expect(items).toEqual(toItems(events, to));
		expect(items.find((i) => i.id === 'c')?.to).toBe(to);
	});
});
