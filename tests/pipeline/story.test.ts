/**
 * The story (archive/story.yaml): checked against the events, kept in the file's order, and
 * resolved into the manifest with each step's event date, title and chosen citation.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';
import { locatesQuote } from '../../src/pipeline/story';
import { validArchive, writeArchive } from '../fixtures/archive-builder';

async function run(name: string, story: unknown | string | null) {
	const dir = writeArchive(name, await validArchive());
	if (story !== null) writeFileSync(join(dir, 'story.yaml'), typeof story === 'string' ? story : stringify(story));
	const result = await runPipeline({ archiveDir: dir });
	return { ...result, messages: result.problems.map((p) => formatProblem(p, dir)) };
}

const step = (event: string, quote: number, account = 'The archive’s short account.', zh?: string) => ({ event, quote, account, ...(zh ? { 'zh-Hans': { account: zh } } : {}) });

describe('the story', () => {
	it('is resolved in the file’s order, with each event’s date and title and the chosen citation as the event page shows it', async () => {
		const { messages, manifest } = await run('story-valid', { steps: [step('appeal-rejected', 0, 'The appeal is rejected in 2003.', '上诉于2003年被驳回。'), step('letter-sent', 0)] });
		expect(messages).toEqual([]);
		const story = manifest!.story!;
		expect(story.map((s) => s.event)).toEqual(['appeal-rejected', 'letter-sent']);
		expect(story[0]).toMatchObject({ title: 'Appeal rejected', start: '2003-02', end: '2003-03', approximate: true, precision: 'month', account: 'The appeal is rejected in 2003.', sourceIndex: 0 });
		expect(story[0]!.source).toMatchObject({ document: 'court-ruling', page: 2, quote: 'the appeal is rejected' });
		expect(story[0]!['zh-Hans']).toEqual({ account: '上诉于2003年被驳回。' });
		expect(story[0]!['zh-Hant']).toEqual({ account: '上訴於2003年被駁回。' });
		// The event's own citation, as the manifest's event carries it.
		expect(story[1]!.source).toEqual(manifest!.events.find((e) => e.id === 'letter-sent')!.sources[0]);
		expect(story[1]!['zh-Hans']).toBeUndefined();
	});

	it('is absent, not an error, when the archive has no story.yaml', async () => {
		const { messages, manifest } = await run('story-none', null);
		expect(messages).toEqual([]);
		expect(manifest!.story).toBeNull();
	});

	it('refuses a step naming an event the archive does not have', async () => {
		const { messages, manifest } = await run('story-unknown', { steps: [step('no-such-event', 0)] });
		expect(manifest).toBeNull();
		expect(messages).toEqual([expect.stringMatching(/^story\.yaml: steps\[0\]\.event: names "no-such-event", which is not an event in the archive \(give the id of an event/)]);
	});

	it('refuses an event told twice', async () => {
		const { messages } = await run('story-duplicate', { steps: [step('appeal-rejected', 0), step('letter-sent', 0), step('appeal-rejected', 0)] });
		expect(messages).toEqual([expect.stringMatching(/^story\.yaml: steps\[2\]\.event: names "appeal-rejected" a second time \(steps\[0\] tells it already\)/)]);
	});

	it('refuses a step whose citation has no located quote, and names one that has', async () => {
		const { messages } = await run('story-unlocated', { steps: [step('appeal-rejected', 1)] });
		expect(messages).toEqual([expect.stringMatching(/^story\.yaml: steps\[0\]\.quote: names sources\[1\] of "appeal-rejected" \(news-report\), which quotes nothing: .* \(name a source whose quote is located, e.g\. quote: 0\)$/)]);
	});

	it('refuses a citation index the event does not have', async () => {
		const { messages } = await run('story-range', { steps: [step('letter-sent', 3)] });
		expect(messages).toEqual([expect.stringMatching(/^story\.yaml: steps\[0\]\.quote: is 3, but "letter-sent" has 1 source \(0 to 0\)/)]);
	});

	it('keeps the file’s order and refuses a step that goes back in time', async () => {
		const { messages } = await run('story-backwards', { steps: [step('letter-sent', 0), step('appeal-rejected', 0)] });
		expect(messages).toEqual([expect.stringMatching(/^story\.yaml: steps\[1\]\.event: "appeal-rejected" \(2003-02\) is over before the previous step, "letter-sent" \(2022-08\), begins/)]);
	});

	it('refuses a malformed file with the field and the fix', async () => {
		const { messages } = await run('story-schema', { steps: [{ event: 'letter-sent', quote: -1 }] });
		expect(messages).toEqual([
			expect.stringMatching(/^story\.yaml: steps\[0\]\.account: .*\(add this field/),
			expect.stringMatching(/^story\.yaml: steps\[0\]\.quote: must be 0 or more/)
		]);
		const yaml = await run('story-yaml', 'steps: [\n');
		expect(yaml.manifest).toBeNull();
		expect(yaml.messages[0]).toMatch(/^story\.yaml: \(yaml/);
	});

	it('checks the account’s translation against the English', async () => {
		const { messages } = await run('story-translation', { steps: [step('letter-sent', 0, 'The family writes.', '家属于2021年写信。')] });
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(/^story\.yaml: steps\[0\]\.zh-Hans\.account: .*2021/);
	});
});

describe('locatesQuote', () => {
	it('needs a quote and a page, paragraph or pinpoint', () => {
		expect(locatesQuote({ paragraph: 2, quote: 'words of the passage' })).toBe(true);
		expect(locatesQuote({ pinpoint: 'para. 6', quote: 'words of the passage' })).toBe(true);
		expect(locatesQuote({ quote: 'words of the passage' })).toBe(false);
		expect(locatesQuote({ page: 1 })).toBe(false);
	});
});
