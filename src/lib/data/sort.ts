/**
 * Sorting a data record's table in the browser. Pure: rows in, an order out. Numbers sort as
 * numbers, text in a locale-aware order with ties kept in the record's own order, so that
 * sorting never loses the order the record gives.
 */

export type Direction = 'ascending' | 'descending';

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The row indices in the order of column `column`, ascending or descending; stable. */
export function sortedOrder(rows: readonly (readonly string[])[], column: number, direction: Direction): number[] {
	const numeric = rows.every((r) => NUMBER.test(r[column] ?? ''));
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((_, i) => i)
		.sort((a, b) => {
			const x = rows[a]![column] ?? '';
			const y = rows[b]![column] ?? '';
			const diff = numeric ? Number(x) - Number(y) : collator.compare(x, y);
			return diff !== 0 ? sign * diff : a - b;
		});
}

/** The next state of a column header's button: a new column starts ascending; the same one flips. */
export function nextSort(current: { column: number; direction: Direction } | null, column: number): { column: number; direction: Direction } {
	if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
	return { column, direction: 'ascending' };
}
