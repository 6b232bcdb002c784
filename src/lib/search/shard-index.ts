/**
 * The index in the browser: one MiniSearch per shard, over statistics read once.
 *
 * MiniSearch scores a term from its postings and from what the whole index knows: each unit's
 * field lengths, the average field lengths and the number of units. A term lives in exactly one
 * shard (src/lib/search/options.ts, shardKey), so a shard's postings are complete, and the
 * statistics are the base file's, the same for every shard. `MiniSearch.loadJS` would rebuild
 * those statistics (a map entry per unit, 25,000 of them for a large archive) for every index it
 * makes; here they are read once, and a shard adds only its own terms. Nothing is ever rebuilt:
 * a query searches each of its terms in that term's shard (src/lib/search/rank.ts joins them).
 *
 * One instance per shard, not one tree for all: typo tolerance and prefixes stay within a
 * shard, so results never depend on which other shards a reader's earlier queries loaded.
 *
 * This reads MiniSearch's protected fields, the way a subclass may, and calls its per-query
 * search before results are made into objects and sorted (`executeQuery`, private in its types):
 * a query's terms are joined and sorted once, in rank.ts. Their names are MiniSearch 7's (pinned
 * exactly in package.json). tests/unit/search/shard-index.test.ts compares every
 * score with MiniSearch's own loadJS, so an upgrade that changed them fails there first.
 */
import MiniSearch, { type MatchInfo, type Options, type SearchOptions } from 'minisearch';
import type { TermMatch } from './rank';
import type { SearchUnit } from './options';
import type { MiniSearchJson } from './query';
import { LazyPostings, type CompactShard } from './shard-codec';

/** The base file's part of MiniSearch's JSON form: everything but the terms. */
export type IndexBase = Omit<MiniSearchJson, 'index'>;

const numericMap = <V>(object: Record<string, V>) => {
	const map = new Map<number, V>();
	for (const key in object) map.set(Number(key), object[key]!);
	return map;
};

type RawMatches = Map<number, { score: number; match: MatchInfo }>;
const executeQuery = (MiniSearch.prototype as unknown as { executeQuery(this: MiniSearch, query: string, options: SearchOptions): RawMatches }).executeQuery;

export class ShardIndex extends MiniSearch<SearchUnit> {
	/** The units `term` matches (already tokenized and processed, as the index holds terms), unsorted: what `search` gives before its objects and sorting. */
	matches(term: string, options: SearchOptions): TermMatch[] {
		const raw = executeQuery.call(this, term, { ...options, tokenize: (t) => [t], processTerm: (t) => t });
		const out: TermMatch[] = [];
		for (const [shortId, { score, match }] of raw) out.push({ id: this._documentIds.get(shortId) as string, score, match });
		return out;
	}

	/** The statistics of `base`, with no terms yet: what every shard shares. */
	static fromBase(base: IndexBase, options: Options<SearchUnit>): ShardIndex {
		if (base.serializationVersion !== 2) throw new Error(`MiniSearch serialization version ${base.serializationVersion} is not the one this code reads (2)`);
		const index = new ShardIndex(options);
		index._documentCount = base.documentCount;
		index._nextId = base.nextId;
		index._fieldIds = base.fieldIds;
		index._avgFieldLength = base.averageFieldLength;
		index._dirtCount = base.dirtCount ?? 0;
		index._documentIds = numericMap(base.documentIds);
		index._fieldLength = numericMap(base.fieldLength);
		index._storedFields = numericMap(base.storedFields) as Map<number, Record<string, unknown>>;
		for (const [shortId, id] of index._documentIds) index._idToShortId.set(id, shortId);
		return index;
	}

	/**
	 * A new index holding one shard's terms (compact, as fetched: shard-codec.ts) over this
	 * index's statistics, shared, not copied: no unit is ever added or removed in the browser.
	 * Each term's postings are decoded when a search first reads them.
	 */
	withTerms(compact: CompactShard): ShardIndex {
		const shard = new ShardIndex(this._options);
		shard._documentCount = this._documentCount;
		shard._nextId = this._nextId;
		shard._fieldIds = this._fieldIds;
		shard._avgFieldLength = this._avgFieldLength;
		shard._dirtCount = this._dirtCount;
		shard._documentIds = this._documentIds;
		shard._idToShortId = this._idToShortId;
		shard._fieldLength = this._fieldLength;
		shard._storedFields = this._storedFields;
		shard._index = ShardIndex.lazyTree(shard._index, compact);
		return shard;
	}
	/**
	 * The shard's terms: a plain map for exact lookups, MiniSearch's term tree (a radix tree, for
	 * prefixes and typos) built from it the first time a search needs one. Most of a query's terms
	 * are looked up exactly (a Chinese character pair always is), and building the tree is most of
	 * what loading a shard would cost. The search reads the tree by get, atPrefix and fuzzyGet only.
	 */
	private static lazyTree(empty: ShardIndex['_index'], compact: CompactShard): ShardIndex['_index'] {
		// A term's postings become MiniSearch's form when first read.
		const entries = new Map<string, CompactShard[number]>();
		for (const entry of compact) entries.set(entry[0], entry);
		const postings = new Map<string, LazyPostings>();
		const postingsOf = (term: string) => {
			let found = postings.get(term);
			const entry = found ? undefined : entries.get(term);
			if (entry) postings.set(term, (found = new LazyPostings(entry)));
			return found;
		};
		let built = false;
		const tree = () => {
			if (!built) for (const term of entries.keys()) empty.set(term, postingsOf(term)!);
			built = true;
			return empty;
		};
		return Object.assign(Object.create(empty) as ShardIndex['_index'], {
			get: postingsOf,
			has: (term: string) => entries.has(term),
			atPrefix: (prefix: string) => tree().atPrefix(prefix),
			fuzzyGet: (term: string, distance: number) => tree().fuzzyGet(term, distance)
		});
	}
}
