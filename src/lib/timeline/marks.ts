/**
 * How each category's marks look. Categories differ by shape as well as colour, so the chart
 * reads in greyscale and for colour-blind readers; d3-shape computes the symbol paths, which
 * the SVG layer renders as markup and the canvas layer draws.
 */
import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';
import type { Category } from '$lib/content/vocabulary';
import { MARK_RADIUS } from './lanes';

export interface CategoryStyle {
	colour: string;
	shape: SymbolType;
	shapeName: string;
}

/** Colours from the Okabe–Ito palette (distinguishable with common colour-vision deficiencies), darkened for contrast on white. */
export const CATEGORY_STYLES: Record<Category, CategoryStyle> = {
	life: { colour: '#0b6e9e', shape: symbolCircle, shapeName: 'circle' },
	activism: { colour: '#a35a00', shape: symbolSquare, shapeName: 'square' },
	detention: { colour: '#b3261e', shape: symbolDiamond, shapeName: 'diamond' },
	legal: { colour: '#00735a', shape: symbolTriangle, shapeName: 'triangle' },
	international: { colour: '#6b3fa0', shape: symbolStar, shapeName: 'star' },
	family: { colour: '#8a4f72', shape: symbolWye, shapeName: 'Y shape' }
};

/** Symbol area giving about MARK_RADIUS of visual radius. */
const SYMBOL_SIZE = Math.PI * MARK_RADIUS * MARK_RADIUS * 0.9;

const pathCache = new Map<Category, string>();

/** The SVG path of a category's symbol, centred on 0,0. */
export function symbolPath(category: Category): string {
	let path = pathCache.get(category);
	if (!path) pathCache.set(category, (path = symbol(CATEGORY_STYLES[category].shape, SYMBOL_SIZE)() ?? ''));
	return path;
}

const path2dCache = new Map<Category, Path2D>();

/** The same symbol as a Path2D for the canvas layer (browser only), made once per category. */
export function symbolPath2D(category: Category): Path2D {
	let path = path2dCache.get(category);
	if (!path) path2dCache.set(category, (path = new Path2D(symbolPath(category))));
	return path;
}
