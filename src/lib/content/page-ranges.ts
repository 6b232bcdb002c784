/** Page numbers as runs: [1, 2, 3, 5] → [[1, 3], [5, 5]], so that fifty pages read "1–50", not fifty numbers. */
export function pageRuns(pages: readonly number[]): [number, number][] {
	const sorted = [...new Set(pages)].sort((a, b) => a - b);
	const runs: [number, number][] = [];
	for (const n of sorted) {
		const last = runs.at(-1);
		if (last && n === last[1] + 1) last[1] = n;
		else runs.push([n, n]);
	}
	return runs;
}
