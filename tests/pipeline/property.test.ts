/**
 * A property of the whole pipeline: whatever happens to a valid archive's records and files
 * (bytes flipped, cut short, garbage inserted, fields replaced by random values, a file removed,
 * a folder or a link where a file was), the check ends within a time bound with a list of
 * problems (or a valid archive), never a crash, and writes nothing outside its output folder.
 * Runs and time are bounded, so CI stays fast.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../src/pipeline/run';
import { TMP_ROOT, validArchive, writeArchive, type FixtureArchive } from '../fixtures/archive-builder';

const RUNS = 200;
const TIME_LIMIT_MS = 60_000;
const RUN_BOUND_MS = 15_000;

/** Every file under a folder with its digest (links and folders by kind), to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const name of readdirSync(folder)) {
			const path = join(folder, name);
			const stat = statSync(path, { throwIfNoEntry: false });
			const rel = relative(dir, path);
			if (!stat) out[rel] = 'dangling';
			else if (stat.isDirectory()) {
				out[rel] = 'folder';
				walk(path);
			} else out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
		}
	};
	if (existsSync(dir)) walk(dir);
	return out;
}

function filesOf(dir: string): string[] {
	const out: string[] = [];
	const walk = (folder: string) => {
		for (const name of readdirSync(folder).sort()) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) walk(path);
			else out.push(path);
		}
	};
	walk(dir);
	return out;
}

type Mutation =
	| { kind: 'flip'; at: number[]; values: number[] }
	| { kind: 'truncate'; at: number }
	| { kind: 'insert'; at: number; text: string }
	| { kind: 'field'; path: string[]; value: unknown }
	| { kind: 'yaml'; text: string }
	| { kind: 'remove' }
	| { kind: 'folder' }
	| { kind: 'symlink' };

const yamlish = fc.stringMatching(/^[ -~\n]{0,40}$/).map((s) => s.replace(/[a-z]/g, (c) => ({ a: '&a ', b: '*a', c: ': ', d: '- ', e: '{', f: '[', g: '"', h: '!!binary ', i: '\t' })[c] ?? c));
const anyValue = fc.oneof(fc.jsonValue(), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.constantFrom('0050', '1950', '2002-02-30', '^(a+)+$', '.', 'x'.repeat(300), '../../etc/passwd'));
const fieldNames = fc.constantFrom('id', 'title', 'date', 'start', 'end', 'kind', 'status', 'files', 'sources', 'quote', 'paragraph', 'page', 'sha256', 'name', 'mediaType', 'knownToSay', 'paragraphs', 'startPattern', 'unknownField');

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(4000), { minLength: 1, maxLength: 8 }), values: fc.array(fc.nat(255), { minLength: 8, maxLength: 8 }) }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(4000) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(4000), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), yamlish) }),
	fc.record({ kind: fc.constant('field' as const), path: fc.array(fieldNames, { minLength: 1, maxLength: 3 }), value: anyValue }),
	fc.record({ kind: fc.constant('yaml' as const), text: yamlish }),
	fc.constant({ kind: 'remove' as const }),
	fc.constant({ kind: 'folder' as const }),
	fc.constant({ kind: 'symlink' as const })
);

function setPath(target: unknown, path: string[], value: unknown): unknown {
	if (path.length === 0) return value;
	const [key, ...rest] = path as [string, ...string[]];
	const object = target !== null && typeof target === 'object' ? (target as Record<string, unknown>) : {};
	const child = Array.isArray(object) ? object[0] : object[key];
	if (Array.isArray(object)) object[0] = setPath(child, rest, value);
	else object[key] = setPath(child, rest, value);
	return object;
}

function apply(file: string, m: Mutation, outside: string): void {
	const bytes = readFileSync(file);
	switch (m.kind) {
		case 'flip': {
			const copy = Buffer.from(bytes);
			m.at.forEach((at, i) => copy.length > 0 && (copy[at % copy.length] = m.values[i]!));
			writeFileSync(file, copy);
			return;
		}
		case 'truncate':
			writeFileSync(file, bytes.subarray(0, m.at % (bytes.length + 1)));
			return;
		case 'insert': {
			const at = m.at % (bytes.length + 1);
			writeFileSync(file, Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, 'utf8'), bytes.subarray(at)]));
			return;
		}
		case 'field': {
			if (!file.endsWith('.yaml')) return apply(file, { kind: 'insert', at: 0, text: String(m.value) }, outside);
			let record: unknown;
			try {
				record = parse(bytes.toString('utf8'));
			} catch {
				record = {};
			}
			writeFileSync(file, stringify(setPath(record, m.path, m.value)));
			return;
		}
		case 'yaml':
			writeFileSync(file, m.text);
			return;
		case 'remove':
			rmSync(file);
			return;
		case 'folder':
			rmSync(file);
			mkdirSync(file);
			return;
		case 'symlink':
			rmSync(file);
			symlinkSync(outside, file);
	}
}

describe('the pipeline under random damage', () => {
	it(`ends with problems, not a crash, and writes only into its output folder (${RUNS} runs)`, async () => {
		const base: FixtureArchive = await validArchive();
		const outside = join(TMP_ROOT, 'property-outside.txt');
		writeFileSync(outside, 'A file outside the archive.\n');
		const staticBefore = snapshot('static');
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), async (mutations) => {
				const dir = writeArchive('property-archive', base);
				const out = join(TMP_ROOT, 'property-out');
				rmSync(out, { recursive: true, force: true });
				const files = filesOf(dir);
				for (const [pick, m] of mutations) {
					const file = files[pick % files.length]!;
					if (existsSync(file) && statSync(file).isFile()) apply(file, m, outside);
				}
				const before = snapshot(dir);
				const outsideBefore = readFileSync(outside, 'utf8');
				let timer: NodeJS.Timeout | undefined;
				const bound = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the check ran over ${RUN_BOUND_MS} ms`)), RUN_BOUND_MS)));
				const result = await Promise.race([runPipeline({ archiveDir: dir, write: { generatedDir: join(out, 'generated'), staticDir: join(out, 'static'), basePath: '' } }), bound]).finally(() => clearTimeout(timer));
				for (const p of result.problems) {
					expect(p.file === dir || p.file.startsWith(dir + sep), `${p.file} is inside the archive`).toBe(true);
					expect(p.field.length * p.problem.length * p.fix.length).toBeGreaterThan(0);
					expect(p.problem + p.fix).not.toContain('A file outside the archive');
				}
				if (result.problems.length > 0) expect(existsSync(out)).toBe(false);
				for (const path of result.written) expect(path.startsWith(out + sep)).toBe(true);
				expect(snapshot(dir)).toEqual(before);
				expect(readFileSync(outside, 'utf8')).toBe(outsideBefore);
			}),
			{ numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS }
		);
		expect(snapshot('static')).toEqual(staticBefore);
	}, TIME_LIMIT_MS + RUN_BOUND_MS + 10_000);
});
