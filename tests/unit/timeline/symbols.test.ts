import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/lib/content/vocabulary';
import { symbolPaths } from '../../../src/lib/timeline/shapes';
import { SYMBOL_PATHS } from '../../../src/lib/timeline/symbol-paths.generated';

describe('the categories’ symbol paths shipped to pages', () => {
	it('are what d3-shape draws now (npm run generate rewrites them)', () => {
		expect(SYMBOL_PATHS).toEqual(symbolPaths());
	});
	it('give every category a distinct closed path', () => {
		const paths = Object.keys(CATEGORIES).map((c) => SYMBOL_PATHS[c as keyof typeof SYMBOL_PATHS]);
		expect(paths.every((p) => /^M.*(Z|0)$/.test(p))).toBe(true);
		expect(new Set(paths).size).toBe(paths.length);
	});
});
