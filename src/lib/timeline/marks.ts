/**
 * How each category's marks look. Categories differ by shape as well as colour, so the chart
 * reads in greyscale and for colour-blind readers; d3-shape computes the symbol paths at generate
 * time (shapes.ts, symbol-paths.generated.ts), which the SVG layer renders as markup and the canvas layer draws.
 */
import type { Category } from '$lib/content/vocabulary';
import { SYMBOL_PATHS } from './symbol-paths.generated';

export interface CategoryStyle {
	colour: string;
	/** The shape's name as a reader is told it (the shape itself: shapes.ts). */
	shapeName: string;
}

/** Colours from the Okabe–Ito palette (distinguishable with common colour-vision deficiencies), darkened for contrast on white. */
export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
	life: { colour: '#0b6e9e', shapeName: 'circle' },
	activism: { colour: '#a35a00', shapeName: 'square' },
	detention: { colour: '#b3261e', shapeName: 'diamond' },
	legal: { colour: '#00735a', shapeName: 'triangle' },
	international: { colour: '#6b3fa0', shapeName: 'star' },
	family: { colour: '#8a4f72', shapeName: 'Y shape' }
};

/** The SVG path of a category's symbol, centred on 0,0. */
export const symbolPath = (category: Category): string => SYMBOL_PATHS[category];

const path2dCache = new Map<Category, Path2D>();

/** The same symbol as a Path2D for the canvas layer (browser only), made once per category. */
export function symbolPath2D(category: Category): Path2D {
	let path = path2dCache.get(category);
	if (!path) path2dCache.set(category, (path = new Path2D(symbolPath(category))));
	return path;
}
