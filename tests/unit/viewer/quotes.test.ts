import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/lib/content/manifest';
import { findPattern, matchesIn } from '../../../src/lib/viewer/find';
import { runPipeline } from '../../../src/pipeline/run';

let manifest: Manifest;
beforeAll(async () => {
	manifest = (await runPipeline({ archiveDir: 'archive' })).manifest!;
}, 60_000);

describe('quote links on the real archive', () => {
	it('mark every quoted passage in the paragraph or page they point at', () => {
		const docs = new Map(manifest.documents.map((d) => [d.id, d]));
		const sources = [
			...manifest.events.flatMap((e) => [...e.sources, ...e.disputes.flatMap((d) => d.versions.flatMap((v) => v.sources))]),
			...manifest.claims.flatMap((c) => [...c.allegedIn, ...c.evidence.flatMap((e) => e.sources)])
		];
		expect(manifest.claims.length).toBeGreaterThan(0);
		const located = sources.filter((s) => s.quote && (s.paragraph ?? s.page) !== undefined && docs.get(s.document)?.status !== 'catalogue');
		expect(located.length).toBeGreaterThan(100);
		const unmarked = located.filter((s) => {
			const doc = docs.get(s.document)!;
			const unit = s.paragraph !== undefined ? doc.paragraphs?.[s.paragraph - 1] : doc.pages?.[s.page! - 1];
			return matchesIn(unit ?? '', findPattern([s.quote!], { looseSpaces: s.page !== undefined })).length === 0;
		});
		expect(unmarked.map((s) => `${s.document} ${s.paragraph ?? s.page}: ${s.quote}`)).toEqual([]);
	});
});
