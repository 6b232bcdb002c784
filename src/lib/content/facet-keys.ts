/**
 * The archive's facets by name, in a module of their own: the route matcher (src/params/facet.ts)
 * runs on every page, so it must not pull the facets' labels and messages into every page's scripts.
 */
export const FACET_KEYS = ['kind', 'source', 'decade', 'status'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
