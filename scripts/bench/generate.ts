/**
 * Generated archives for the benchmarks: deterministic (seeded), written under tests/.tmp,
 * never in archive/.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { CATEGORIES } from '../../src/lib/content/vocabulary';

export function seeded(seed: number) {
	let s = seed >>> 0;
	return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = 'archive court letter hearing statement police embassy detention appeal family campaign resolution opinion report release prison visit protest petition council minister witness verdict trial'.split(' ');

/** An archive of one source document with `paragraphs` paragraphs and `count` events citing it. */
export function writeTimelineArchive(dir: string, count: number, fromYear: number, toYear: number): void {
	const random = seeded(42);
	rmSync(dir, { recursive: true, force: true });
	const docDir = join(dir, 'documents', 'bench-source');
	mkdirSync(docDir, { recursive: true });
	mkdirSync(join(dir, 'events'), { recursive: true });
	const PARAGRAPHS = 200;
	const text = Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i + 1} records a generated fact for the benchmark.`).join('\n\n') + '\n';
	writeFileSync(join(docDir, 'text.txt'), text);
	writeFileSync(
		join(docDir, 'meta.yaml'),
		stringify({
			id: 'bench-source',
			title: 'Generated benchmark source',
			kind: 'report',
			primary: false,
			date: String(fromYear),
			issuer: 'Benchmark generator',
			languages: ['en'],
			rights: 'Generated',
			status: 'original',
			description: 'Generated for the timeline benchmark.',
			files: [{ name: 'text.txt', mediaType: 'text/plain', sha256: createHash('sha256').update(text).digest('hex'), role: 'text' }]
		})
	);
	const categories = Object.keys(CATEGORIES);
	const pad = (n: number) => String(n).padStart(2, '0');
	for (let i = 0; i < count; i++) {
		const year = fromYear + Math.floor(random() * (toYear - fromYear + 1));
		const month = 1 + Math.floor(random() * 12);
		const day = 1 + Math.floor(random() * 28);
		const precision = random();
		const start = precision < 0.2 ? String(year) : precision < 0.5 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
		const span = random() < 0.08;
		const p = 1 + Math.floor(random() * PARAGRAPHS);
		const source = { document: 'bench-source', paragraph: p, quote: `Paragraph ${p} records` };
		const event: Record<string, unknown> = {
			id: `bench-event-${String(i).padStart(5, '0')}`,
			title: Array.from({ length: 2 + Math.floor(random() * 7) }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
			start,
			category: categories[Math.floor(random() * categories.length)],
			approximate: random() < 0.1,
			summary: 'A generated event.',
			sources: [source]
		};
		if (span) event.end = String(Math.min(toYear, year + 1 + Math.floor(random() * 6)));
		if (random() < 0.03) event.disputes = [{ question: 'When?', versions: [{ statement: 'One date', sources: [source] }, { statement: 'Another', sources: [source] }] }];
		writeFileSync(join(dir, 'events', `${event.id}.yaml`), stringify(event));
	}
}
