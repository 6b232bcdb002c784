/**
 * Each category's d3-shape symbol and its size. Read at generate time only (scripts/timeline/symbols.ts
 * writes the paths to symbol-paths.generated.ts): the page ships the six path strings, not d3-shape,
 * whose bundled build keeps about 14 kB of curves a tree-shaker cannot drop.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { Category } from '../content/vocabulary';
import { MARK_RADIUS } from './lanes';

export const CATEGORY_SHAPES: Record<Category, SymbolType> = {
	life: symbolCircle,
	activism: symbolSquare,
	detention: symbolDiamond,
	legal: symbolTriangle,
	international: symbolStar,
	family: symbolWye
};

/** Symbol area giving about MARK_RADIUS of visual radius. */
const SYMBOL_SIZE = Math.PI * MARK_RADIUS * MARK_RADIUS * 0.9;

/** The SVG path of each category's symbol, centred on 0,0. */
export function symbolPaths(): Record<Category, string> {
	return Object.fromEntries(Object.entries(CATEGORY_SHAPES).map(([category, shape]) => [category, symbol(shape, SYMBOL_SIZE)() ?? ''])) as Record<Category, string>;
}
