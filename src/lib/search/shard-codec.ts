/**
 * The index files' compact forms, decoded to exactly MiniSearch's JSON form (the index format
 * is MiniSearch's; only its spelling on the wire is ours).
 *
 * Shards. MiniSearch serializes postings as nested objects keyed by
 * document number ({"2": {"286": 1}}); here each field's postings become two arrays, document
 * numbers as gaps from the previous one and frequencies (left out when all are 1). Small,
 * repetitive numbers compress far better. Decoding gives back exactly MiniSearch's form.
 */
import type { ShardEntries } from './query';
import type { IndexBase } from './shard-index';

/** [term, [fieldId, gaps, freqs?], …] */
export type CompactShard = [string, ...[number, number[], number[]?][]][];

export function encodeShard(entries: ShardEntries): CompactShard {
	return entries.map(([term, fields]) => {
		const blocks = Object.entries(fields as Record<string, Record<string, number>>).map(([fieldId, postings]) => {
			const docs = Object.keys(postings)
				.map(Number)
				.sort((a, b) => a - b);
			const gaps = docs.map((d, i) => d - (docs[i - 1] ?? 0));
			const freqs = docs.map((d) => postings[String(d)]!);
			const block: [number, number[], number[]?] = freqs.every((f) => f === 1) ? [Number(fieldId), gaps] : [Number(fieldId), gaps, freqs];
			return block;
		});
		return [term, ...blocks];
	});
}

/**
 * A term's postings, decoded the first time a search reads them: a shard holds thousands of
 * terms and a query reads a few, so loading a shard costs little more than parsing it. MiniSearch
 * reads a term's postings as a Map from field id to (unit → frequency); this is one.
 */
export class LazyPostings extends Map<number, Map<number, number>> {
	#blocks: CompactShard[number] | null;
	constructor(blocks: CompactShard[number]) {
		super();
		this.#blocks = blocks;
	}
	#decode(): void {
		if (!this.#blocks) return;
		const [, ...blocks] = this.#blocks;
		this.#blocks = null;
		for (const [fieldId, gaps, freqs] of blocks) {
			const postings = new Map<number, number>();
			let doc = 0;
			for (let i = 0; i < gaps.length; i++) postings.set((doc += gaps[i]!), freqs?.[i] ?? 1);
			super.set(fieldId, postings);
		}
	}
	override get(fieldId: number) {
		this.#decode();
		return super.get(fieldId);
	}
	override has(fieldId: number) {
		this.#decode();
		return super.has(fieldId);
	}
	override get size() {
		this.#decode();
		return super.size;
	}
	override entries() {
		this.#decode();
		return super.entries();
	}
	override keys() {
		this.#decode();
		return super.keys();
	}
	override values() {
		this.#decode();
		return super.values();
	}
	override forEach(...args: Parameters<Map<number, Map<number, number>>['forEach']>) {
		this.#decode();
		super.forEach(...args);
	}
	override [Symbol.iterator]() {
		return this.entries();
	}
}

export function decodeShard(compact: CompactShard): ShardEntries {
	return compact.map(([term, ...blocks]) => {
		const fields: Record<string, Record<string, number>> = {};
		for (const [fieldId, gaps, freqs] of blocks) {
			const postings: Record<string, number> = {};
			let doc = 0;
			gaps.forEach((gap, i) => {
				doc += gap;
				postings[doc] = freqs?.[i] ?? 1;
			});
			fields[fieldId] = postings;
		}
		return [term, fields];
	}) as ShardEntries;
}

/**
 * The base file's part of MiniSearch's form, compact. MiniSearch keeps each unit's id and field
 * lengths under its short id (0, 1, 2, …, as the build added them): objects of tens of thousands
 * of keys. Here the ids are a list in short-id order, runs of numbered units (`p:<doc>:1` …
 * `p:<doc>:20`) written once as [prefix, count]; the lengths are one list per field, -1 where a
 * unit lacks the field.
 */
export interface CompactBase extends Omit<IndexBase, 'documentIds' | 'fieldLength' | 'storedFields'> {
	units: (string | [string, number])[];
	lengths: number[][];
}

const NUMBERED = /^(.*):(\d+)$/;

export function encodeBase(base: IndexBase): CompactBase {
	const { documentIds, fieldLength, storedFields, ...rest } = base;
	const ids = Object.entries(documentIds as Record<string, string>);
	// Short ids are 0…n-1 when nothing was ever removed: the build never removes.
	ids.forEach(([shortId], i) => {
		if (Number(shortId) !== i) throw new Error(`The search index's unit ${shortId} is not in order (expected ${i}): its units must be added once each, none removed`);
	});
	if (Object.keys(storedFields).length > 0) throw new Error('The search index stores fields: the compact base file has no place for them');
	const units: CompactBase['units'] = [];
	for (const [, id] of ids) {
		const last = units.at(-1);
		const numbered = NUMBERED.exec(id);
		if (numbered && Array.isArray(last) && numbered[1] === last[0] && Number(numbered[2]) === last[1] + 1) last[1]++;
		else if (numbered && numbered[2] === '1') units.push([numbered[1]!, 1]);
		else units.push(id);
	}
	const fields = Object.keys(base.fieldIds).length;
	const lengths = Array.from({ length: fields }, (_, field) => ids.map(([shortId]) => (fieldLength as Record<string, number[]>)[shortId]![field] ?? -1));
	return { ...rest, units, lengths };
}

export function decodeBase(compact: CompactBase): IndexBase {
	const { units, lengths, ...rest } = compact;
	const documentIds: Record<string, string> = {};
	const fieldLength: Record<string, number[]> = {};
	let shortId = 0;
	for (const unit of units) {
		if (typeof unit === 'string') documentIds[shortId++] = unit;
		else for (let n = 1; n <= unit[1]; n++) documentIds[shortId++] = `${unit[0]}:${n}`;
	}
	for (let id = 0; id < shortId; id++) {
		const row: number[] = [];
		lengths.forEach((column, field) => {
			if (column[id]! >= 0) row[field] = column[id]!;
		});
		fieldLength[id] = row;
	}
	return { ...rest, documentIds, fieldLength, storedFields: {} };
}
