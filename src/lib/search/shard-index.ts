/**
 * The index in the browser: the statistics read once, and one small index per shard.
 *
 * MiniSearch scores a term from its postings and from what the whole index knows: each unit's
 * field lengths, the average field lengths and the number of units. A term lives in exactly one
 * shard (src/lib/search/options.ts, shardKey), so a shard's postings are complete, and the
 * statistics are the base file's, the same for every shard. They are read once, into typed
 * arrays; a shard adds only its own terms. Nothing is ever rebuilt: a query searches each of its
 * terms in that term's shard, and src/lib/search/rank.ts joins them.
 *
 * The matching and scoring are MiniSearch 7's (`executeQuerySpec` and `termResults`: BM25+ with
 * its parameters, field boosts, the document boost, prefix and typo weights), and prefixes and
 * typos are found by MiniSearch's own radix tree (`minisearch/SearchableMap`). Only the
 * bookkeeping differs: scores add up in one array over the units instead of a map of result
 * objects, because a common word is in most of the archive's units and MiniSearch's objects
 * were most of a query's time (and its garbage). Which terms and fields matched a unit, which
 * only the results shown need, is worked out when asked. tests/unit/search/shard-index.test.ts
 * compares every score and match with MiniSearch's own search over the same terms, so a
 * MiniSearch upgrade that changed its scoring fails there first (the version is pinned).
 *
 * One index per shard, not one tree for all: typo tolerance and prefixes stay within a shard,
 * so results never depend on which other shards a reader's earlier queries loaded.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { MatchInfo, SearchOptions } from 'minisearch';
import { UnitTable, type TermHits } from './rank';
import { PostingList, type CompactBase, type CompactShard } from './shard-codec';

/** MiniSearch 7's defaults (defaultSearchOptions, defaultBM25params). */
const WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const MAX_FUZZY = 6;

type BoostDocument = NonNullable<SearchOptions['boostDocument']>;

/** What scoring needs of the whole index, read once from the base file. */
export class IndexStatistics {
	readonly units: UnitTable;
	/** Each field's length in each unit, by field id then short id (-1: the unit lacks the field). */
	readonly lengths: Int32Array[];
	readonly documentCount: number;
	readonly averageFieldLength: number[];
	readonly fieldIds: Record<string, number>;
	/** Each unit's document boost, per boost function: the boost is the unit's, whatever the term (query.ts, documentBoost). */
	readonly #boosts = new WeakMap<BoostDocument, Float64Array>();
	/** Where a term's scores add up, one slot per unit: reused by every search (and left zeroed), so that a query allocates no array of the index's size. */
	readonly scratch: { scores: Float64Array; seen: Uint8Array };

	constructor(
		base: CompactBase,
		/** The index's fields, in the order MiniSearch was given them (options.ts, indexOptions). */
		readonly fields: readonly string[]
	) {
		if (base.serializationVersion !== 2) throw new Error(`MiniSearch serialization version ${base.serializationVersion} is not the one this code reads (2)`);
		const ids: string[] = [];
		for (const unit of base.units) {
			if (typeof unit === 'string') ids.push(unit);
			else for (let n = 1; n <= unit[1]; n++) ids.push(`${unit[0]}:${n}`);
		}
		this.units = new UnitTable(ids);
		this.scratch = { scores: new Float64Array(ids.length), seen: new Uint8Array(ids.length) };
		this.lengths = base.lengths.map((column) => Int32Array.from(column));
		this.documentCount = base.documentCount;
		this.averageFieldLength = base.averageFieldLength;
		this.fieldIds = base.fieldIds;
	}

	/** The boost of each unit under `boost`, worked out for a unit when first needed (NaN: not yet). */
	boostsFor(boost: BoostDocument): Float64Array {
		let found = this.#boosts.get(boost);
		if (!found) this.#boosts.set(boost, (found = new Float64Array(this.units.ids.length).fill(NaN)));
		return found;
	}

	/** A shard's terms (compact, as fetched, terms in code-unit order: shard-codec.ts) over these statistics. */
	withTerms(compact: CompactShard): ShardIndex {
		return new ShardIndex(this, compact);
	}
}

const own = (object: Record<string, number> | undefined, key: string) => (object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

/** One shard's terms. */
export class ShardIndex {
	readonly #stats: IndexStatistics;
	readonly #terms: CompactShard;
	readonly #postings = new Map<string, PostingList | null>();
	#tree: SearchableMap<number> | null = null;

	constructor(stats: IndexStatistics, terms: CompactShard) {
		this.#stats = stats;
		this.#terms = terms;
	}

	/** A term's postings: found by binary search in the shard's sorted terms, so loading a shard builds nothing. */
	postingsOf(term: string): PostingList | undefined {
		let found = this.#postings.get(term);
		if (found === undefined) {
			found = null;
			let lo = 0;
			let hi = this.#terms.length - 1;
			while (lo <= hi) {
				const mid = (lo + hi) >> 1;
				const at = this.#terms[mid]![0];
				if (at === term) {
					found = this.#postingsAt(mid);
					break;
				}
				if (at < term) lo = mid + 1;
				else hi = mid - 1;
			}
			this.#postings.set(term, found);
		}
		return found ?? undefined;
	}

	/** The postings of the shard's term at `place` (its place in the sorted terms). */
	#postingsAt(place: number): PostingList {
		const entry = this.#terms[place]!;
		let found = this.#postings.get(entry[0]);
		if (!found) this.#postings.set(entry[0], (found = new PostingList(entry)));
		return found;
	}

	/**
	 * MiniSearch's term tree, for prefixes and typos: built the first time a search needs one
	 * (most terms are looked up exactly; a Chinese pair always is). It holds each term's place,
	 * not its postings, so that building it makes no object per term: a query's first prefix or
	 * typo in a shard pays for the tree alone.
	 */
	#treeOf(): SearchableMap<number> {
		if (!this.#tree) {
			this.#tree = new SearchableMap<number>();
			const terms = this.#terms;
			for (let place = 0; place < terms.length; place++) this.#tree.set(terms[place]![0], place);
		}
		return this.#tree;
	}

	/**
	 * The units `term` matches (already tokenized and processed, as the index holds terms), with
	 * MiniSearch's score for the term alone, in the order MiniSearch first meets them; as
	 * `executeQuerySpec` does: the term itself, then its longer forms when `prefix`, then its
	 * near spellings when `fuzzy`, each weighted as MiniSearch weights them.
	 */
	matches(term: string, options: SearchOptions): TermHits {
		const stats = this.#stats;
		const fuzzy = typeof options.fuzzy === 'function' ? options.fuzzy(term, 0, [term]) : options.fuzzy || false;
		const prefix = typeof options.prefix === 'function' ? options.prefix(term, 0, [term]) : options.prefix === true;
		const termBoost = typeof options.boostTerm === 'function' ? options.boostTerm(term, 0, [term]) : 1;
		const weights = { ...WEIGHTS, ...options.weights };
		const { k, b, d } = options.bm25 ?? BM25;
		const fields = (options.fields ?? stats.fields).map((field) => ({ field, fieldId: stats.fieldIds[field]!, boost: own(options.boost, field) || 1 }));

		// The term and what it stands for: [index term, weight, postings].
		const derived: [string, number, PostingList][] = [];
		const exact = this.postingsOf(term);
		if (exact) derived.push([term, 1, exact]);
		const prefixed = prefix ? this.#treeOf().atPrefix(term) : undefined;
		let near: Map<string, [number, number]> | undefined;
		if (fuzzy) {
			const share = fuzzy === true ? 0.2 : fuzzy;
			const maxDistance = share < 1 ? Math.min(options.maxFuzzy ?? MAX_FUZZY, Math.round(term.length * share)) : share;
			if (maxDistance) near = this.#treeOf().fuzzyGet(term, maxDistance);
		}
		if (prefixed) {
			for (const [longer, place] of prefixed) {
				const distance = longer.length - term.length;
				if (!distance) continue;
				near?.delete(longer);
				derived.push([longer, (weights.prefix * longer.length) / (longer.length + 0.3 * distance), this.#postingsAt(place)]);
			}
		}
		if (near) {
			for (const [spelling, [place, distance]] of near) {
				if (!distance) continue;
				derived.push([spelling, (weights.fuzzy * spelling.length) / (spelling.length + distance), this.#postingsAt(place)]);
			}
		}

		const { scores, seen } = stats.scratch;
		let most = 0;
		for (const [, , postings] of derived) for (const field of postings.fields) most += field.units.length;
		const order = new Int32Array(most);
		let met = 0;
		const boostDocument = options.boostDocument;
		const boosts = boostDocument ? stats.boostsFor(boostDocument) : null;
		const ids = stats.units.ids;
		for (const [derivedTerm, termWeight, postings] of derived) {
			for (const { fieldId, boost: fieldBoost } of fields) {
				const field = postings.fields.find((f) => f.fieldId === fieldId);
				if (!field) continue;
				const { units, freqs } = field;
				const lengths = stats.lengths[fieldId]!;
				const avgFieldLength = stats.averageFieldLength[fieldId]!;
				// calcBM25Score's inverse document frequency: the same for every unit of the field.
				const invDocFreq = Math.log(1 + (stats.documentCount - units.length + 0.5) / (units.length + 0.5));
				for (let i = 0; i < units.length; i++) {
					const unit = units[i]!;
					let docBoost = 1;
					if (boosts) {
						docBoost = boosts[unit]!;
						if (Number.isNaN(docBoost)) docBoost = boosts[unit] = boostDocument!(ids[unit]!, derivedTerm, undefined) ?? 0;
					}
					if (!docBoost) continue;
					const termFreq = freqs ? freqs[i]! : 1;
					const rawScore = invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * lengths[unit]!) / avgFieldLength)));
					scores[unit] = scores[unit]! + termWeight * termBoost * fieldBoost * docBoost * rawScore;
					if (!seen[unit]) {
						seen[unit] = 1;
						order[met++] = unit;
					}
				}
			}
		}
		const units = order.slice(0, met);
		const unitScores = new Float64Array(met);
		for (let i = 0; i < met; i++) {
			const unit = units[i]!;
			unitScores[i] = scores[unit]!;
			scores[unit] = 0;
			seen[unit] = 0;
		}
		return {
			units,
			scores: unitScores,
			match(unit: number): MatchInfo {
				const match: MatchInfo = {};
				for (const [derivedTerm, , postings] of derived) {
					const inFields = fields.filter(({ fieldId }) => postings.has(fieldId, unit)).map(({ field }) => field);
					if (inFields.length > 0) match[derivedTerm] = inFields;
				}
				return match;
			}
		};
	}
}
