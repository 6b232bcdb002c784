/**
 * A data record's table, read from its JSON by the declaration in its meta.yaml (schema.ts
 * DataTable): where the rows are (a JSON pointer whose "*" segments stand for every key or index
 * at their level), what each column holds, which column is counted and what anchors each row.
 * Totals are counted from the rows, never read from a header of the file. Pure: data in, table
 * or problems out.
 */
import type { DataTable } from '../lib/content/schema';
import type { ManifestTable } from '../lib/content/manifest';

export interface TableProblem {
	/** Field of meta.yaml, e.g. "table.columns[2].value". */
	field: string;
	problem: string;
	fix: string;
}

/** "/a~1b/~0c" → ["a/b", "~c"] (RFC 6901 unescaping). */
export function pointerSegments(pointer: string): string[] {
	return pointer
		.split('/')
		.slice(1)
		.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value a plain JSON pointer names inside `value`, or undefined. */
export function resolvePointer(value: unknown, segments: readonly string[]): unknown {
	let at: unknown = value;
	for (const segment of segments) {
		if (Array.isArray(at)) {
			if (!/^(?:0|[1-9]\d*)$/.test(segment)) return undefined;
			at = at[Number(segment)];
		} else if (at !== null && typeof at === 'object' && Object.hasOwn(at, segment)) {
			at = (at as Record<string, unknown>)[segment];
		} else return undefined;
	}
	return at;
}

interface Match {
	row: unknown;
	/** The keys (or indices) each "*" matched, in order. */
	keys: string[];
}

/** Every row the pointer reaches, and, for each "*" level, every key it met (even those leading to no row). */
function expand(root: unknown, segments: readonly string[]): { rows: Match[]; keysSeen: string[][] } | null {
	const keysSeen: string[][] = [];
	let level: Match[] = [{ row: root, keys: [] }];
	for (const segment of segments) {
		const next: Match[] = [];
		if (segment === '*') {
			const seen: string[] = [];
			for (const { row, keys } of level) {
				const entries: [string, unknown][] = Array.isArray(row) ? row.map((v, i) => [String(i), v]) : row !== null && typeof row === 'object' ? Object.entries(row) : [];
				for (const [key, child] of entries) {
					if (!seen.includes(key)) seen.push(key);
					next.push({ row: child, keys: [...keys, key] });
				}
			}
			keysSeen.push(seen);
		} else {
			for (const { row, keys } of level) {
				const child = resolvePointer(row, [segment]);
				if (child !== undefined) next.push({ row: child, keys });
			}
		}
		if (next.length === 0 && segment !== '*') return null;
		level = next;
	}
	return { rows: level, keysSeen };
}

const cellText = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : value === null ? '' : null);

/** The table a declaration describes in a JSON value, or every problem with the declaration. */
export function readTable(json: unknown, spec: DataTable): { table: ManifestTable; problems: [] } | { table: null; problems: TableProblem[] } {
	const problems: TableProblem[] = [];
	const segments = pointerSegments(spec.rows);
	const stars = segments.filter((s) => s === '*').length;
	const expanded = expand(json, segments);
	if (!expanded) {
		return { table: null, problems: [{ field: 'table.rows', problem: `"${spec.rows}" names nothing in ${spec.file}`, fix: 'give the JSON pointer to the rows as the file has them, with "*" for every key or index at a level' }] };
	}
	const labels = spec.columns.map((c) => c.label);
	spec.columns.forEach((column, i) => {
		if (labels.indexOf(column.label) !== i) problems.push({ field: `table.columns[${i}].label`, problem: `"${column.label}" is used for two columns`, fix: 'give every column its own label' });
		const star = /^@(\d)$/.exec(column.value);
		if (star && Number(star[1]) > stars) problems.push({ field: `table.columns[${i}].value`, problem: `"${column.value}" names a "*" the rows pointer does not have (it has ${stars})`, fix: `use @1${stars > 1 ? `…@${stars}` : ''}, or a JSON pointer into the row` });
	});
	const countColumn = spec.columns.findIndex((c) => c.label === spec.countBy);
	if (countColumn === -1) problems.push({ field: 'table.countBy', problem: `"${spec.countBy}" is not the label of a column`, fix: `use one of: ${labels.join(', ')}` });
	const anchorColumn = spec.columns.findIndex((c) => c.label === spec.anchor.column);
	if (anchorColumn === -1) problems.push({ field: 'table.anchor.column', problem: `"${spec.anchor.column}" is not the label of a column`, fix: `use one of: ${labels.join(', ')}` });
	if (problems.length > 0) return { table: null, problems };

	const rows: string[][] = [];
	for (const [r, match] of expanded.rows.entries()) {
		const cells: string[] = [];
		for (const [i, column] of spec.columns.entries()) {
			const star = /^@(\d)$/.exec(column.value);
			const value = star ? match.keys[Number(star[1]) - 1] : resolvePointer(match.row, pointerSegments(column.value));
			const text = cellText(value);
			if (text === null) {
				problems.push({ field: `table.columns[${i}].value`, problem: `"${column.value}" gives ${value === undefined ? 'nothing' : 'a list or an object'} in row ${r + 1} of ${spec.file}`, fix: 'point each column at a text, number or true/false value present in every row' });
				return { table: null, problems };
			}
			cells.push(text);
		}
		rows.push(cells);
	}
	const anchors = rows.map((cells) => `${spec.anchor.prefix}-${cells[anchorColumn]!.replace(/[^A-Za-z0-9_-]+/g, '-')}`);
	const duplicate = anchors.find((a, i) => anchors.indexOf(a) !== i);
	if (duplicate) return { table: null, problems: [{ field: 'table.anchor.column', problem: `gives the anchor #${duplicate} to two rows`, fix: 'anchor rows by a column whose values are unique, such as an id' }] };
	// A count column that is a "*" key counts every key met at that level, so an empty group counts 0.
	const countStar = /^@(\d)$/.exec(spec.columns[countColumn]!.value);
	const values = countStar ? [...expanded.keysSeen[Number(countStar[1]) - 1]!] : [];
	for (const cells of rows) if (!values.includes(cells[countColumn]!)) values.push(cells[countColumn]!);
	const counts: [string, number][] = values.map((v) => [v, rows.filter((cells) => cells[countColumn] === v).length]);
	return { table: { caption: spec.caption, file: spec.file, columns: labels, rows, anchors, countBy: spec.countBy, counts }, problems: [] };
}

/** The rows as CSV (RFC 4180: fields quoted where needed, CRLF line ends), header first. */
export function tableCsv(table: Pick<ManifestTable, 'columns' | 'rows'>): string {
	const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
	return [table.columns, ...table.rows].map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
