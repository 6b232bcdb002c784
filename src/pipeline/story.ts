/**
 * The story (archive/story.yaml): the case told in steps, each an event of the archive with one of
 * its citations. Checked here against the events (every step names an event once, a citation that
 * locates its words, and no step goes back in time), and resolved for the manifest with the event's
 * date and title and the citation as the event page shows it.
 */
import { earliestInstant, instantAfter, mustParseDate } from '../lib/content/dates';
import type { CitedSource, ManifestEvent, ManifestStoryStep } from '../lib/content/manifest';
import type { EventEntry, Story } from '../lib/content/schema';
import type { Problem } from './problems';
import { bothScripts } from './traditional';

/** Whether a citation locates its words: a page, a paragraph or the document's own pinpoint, and a quote. */
export const locatesQuote = (source: { page?: number; paragraph?: number; pinpoint?: string; quote?: string }): boolean =>
	source.quote !== undefined && (source.page !== undefined || source.paragraph !== undefined || source.pinpoint !== undefined);

/** The moment a step's event is over: the end of its end date (or of its start), never for a span still going on. */
const lastInstant = (event: Pick<EventEntry, 'start' | 'end' | 'ongoing'>): number => (event.ongoing ? Number.POSITIVE_INFINITY : instantAfter(mustParseDate(event.end ?? event.start)).getTime());

/**
 * The steps are kept in the file's order (the story is told in it), and a step that goes back in time
 * is refused: one whose event is over before the previous step's event begins. A span that lasts
 * (solitary confinement since 2002) may follow an event within it.
 */
export function checkStory(path: string, story: Story, events: ReadonlyMap<string, EventEntry>, failedEvents: ReadonlySet<string>, problems: Problem[]): void {
	const seen = new Map<string, number>();
	let previous: { event: EventEntry; index: number } | null = null;
	story.steps.forEach((step, i) => {
		const field = `steps[${i}]`;
		const first = seen.get(step.event);
		if (first !== undefined) {
			problems.push({ file: path, field: `${field}.event`, problem: `names "${step.event}" a second time (steps[${first}] tells it already)`, fix: 'tell each event in one step: remove this step, or name another event' });
			return;
		}
		seen.set(step.event, i);
		const event = events.get(step.event);
		if (!event) {
			if (!failedEvents.has(step.event)) problems.push({ file: path, field: `${field}.event`, problem: `names "${step.event}", which is not an event in the archive`, fix: 'give the id of an event in archive/events/ (its file name without .yaml), or remove the step' });
			return;
		}
		const source = event.sources[step.quote];
		if (!source) {
			problems.push({ file: path, field: `${field}.quote`, problem: `is ${step.quote}, but "${event.id}" has ${event.sources.length} source${event.sources.length === 1 ? '' : 's'} (0 to ${event.sources.length - 1})`, fix: `give the index of one of the event's sources whose quote is located, e.g. ${firstLocated(event) ?? 0}` });
		} else if (!locatesQuote(source)) {
			const missing = source.quote === undefined ? 'quotes nothing' : 'gives no page, paragraph or pinpoint for its quote';
			const other = firstLocated(event);
			problems.push({ file: path, field: `${field}.quote`, problem: `names sources[${step.quote}] of "${event.id}" (${source.document}), which ${missing}: a step shows words located in their document`, fix: other !== undefined ? `name a source whose quote is located, e.g. quote: ${other}` : `"${event.id}" has no located quote: add one to archive/events/${event.id}.yaml, or tell another event` });
		}
		if (previous && lastInstant(event) <= earliestInstant(mustParseDate(previous.event.start)).getTime()) {
			problems.push({ file: path, field: `${field}.event`, problem: `"${event.id}" (${event.start}) is over before the previous step, "${previous.event.id}" (${previous.event.start}), begins: the story would go back in time`, fix: 'move the step before the one it precedes in time; the steps are told in the order of the file' });
		}
		previous = { event, index: i };
	});
}

function firstLocated(event: EventEntry): number | undefined {
	const i = event.sources.findIndex(locatesQuote);
	return i === -1 ? undefined : i;
}

/** The steps for the manifest: each event's date and title, our account, and the chosen citation as the event page shows it (the manifest's events carry their cited sources). */
export function buildStory(story: Story, events: readonly ManifestEvent[]): ManifestStoryStep[] {
	const byId = new Map(events.map((e) => [e.id, e]));
	return story.steps.map((step) => {
		const event = byId.get(step.event)!;
		const source: CitedSource = event.sources[step.quote]!;
		const zhEvent = event['zh-Hans'];
		const note = zhEvent?.sources?.[step.quote]?.note;
		const zh = zhEvent || step['zh-Hans'] ? { ...(zhEvent ? { title: zhEvent.title } : {}), ...(step['zh-Hans'] ? { account: step['zh-Hans'].account } : {}), ...(note ? { source: { note } } : {}) } : undefined;
		return {
			event: event.id,
			title: event.title,
			start: event.start,
			...(event.end !== undefined ? { end: event.end } : {}),
			ongoing: event.ongoing,
			approximate: event.approximate,
			precision: event.precision,
			account: step.account,
			sourceIndex: step.quote,
			source,
			...bothScripts(zh)
		};
	});
}
