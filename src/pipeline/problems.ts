/**
 * Problems found in the archive. Every stage collects them instead of stopping at the first,
 * so an archivist sees the whole list at once, each naming the file, the field and the fix.
 */
import { relative } from 'node:path';
import { byCodePoint } from '../lib/content/order';

export interface Problem {
	/** Absolute path of the file at fault (or of the folder, for a missing file). */
	file: string;
	/** The field, e.g. "sources[1].quote", or "(file)" when the file itself is at fault. */
	field: string;
	/** What is wrong, with the value found where it helps. */
	problem: string;
	/** What to do about it. */
	fix: string;
}

/** `archive/<path>: <field>: <problem> (<how to fix>)`, with the path relative to the working folder. */
export function formatProblem(p: Problem, cwd = process.cwd()): string {
	const path = relative(cwd, p.file).split('\\').join('/') || p.file;
	return `${path}: ${p.field}: ${p.problem} (${p.fix})`;
}

/** Orders problems by file, then field, so the report reads top to bottom like the archive. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
	return [...problems].sort((a, b) => byCodePoint(a.file, b.file) || a.field.localeCompare(b.field, 'en', { numeric: true }) || byCodePoint(a.problem, b.problem));
}

/** Thrown by a stage only for failures that are not about content (a disk error, a bug). */
export class PipelineError extends Error {}
