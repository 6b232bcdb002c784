import type { ParamMatcher } from '@sveltejs/kit';
import { FACET_KEYS, type FacetKey } from '$lib/content/facet-keys';

export const match = ((param: string): param is FacetKey => (FACET_KEYS as readonly string[]).includes(param)) satisfies ParamMatcher;
