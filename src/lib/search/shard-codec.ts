/**
 * The index files' compact forms, decoded to exactly MiniSearch's JSON form (the index format
 * is MiniSearch's; only its spelling on the wire is ours).
 *
 * Shards. MiniSearch serializes postings as nested objects keyed by
 * document number ({"2": {"286": 1}}); here each field's postings become two lists, document
 * numbers as gaps from the previous one and frequencies (left out when all are 1), each written
 * as unsigned LEB128 varints in one base64 string. Small, repetitive numbers compress far
 * better; and a string costs JSON.parse almost nothing, where a shard's thousands of number
 * arrays were most of its load: a query decodes only the postings of the terms it reads.
 * Decoding gives back exactly MiniSearch's form.
 */
import type { ShardEntries } from './query';
import type { MiniSearchJson } from './query';

/** The base file's part of MiniSearch's JSON form: everything but the terms. */
export type IndexBase = Omit<MiniSearchJson, 'index'>;

/** [term, [fieldId, gaps, freqs?], …], gaps and freqs as base64 varints (varints, readVarints). */
export type CompactShard = [string, ...[number, string, string?][]][];

/** Non-negative integers as unsigned LEB128 varints, in base64. */
export function varints(numbers: readonly number[]): string {
	const bytes: number[] = [];
	for (let n of numbers) {
		if (!Number.isInteger(n) || n < 0) throw new Error(`The search index's postings hold ${n}, which is not a non-negative integer`);
		while (n >= 0x80) {
			bytes.push((n & 0x7f) | 0x80);
			n = Math.floor(n / 0x80);
		}
		bytes.push(n);
	}
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary);
}

/** The integers of a varints string. */
export function readVarints(encoded: string): number[] {
	const binary = atob(encoded);
	const out: number[] = [];
	let value = 0;
	let scale = 1;
	for (let i = 0; i < binary.length; i++) {
		const byte = binary.charCodeAt(i);
		value += (byte & 0x7f) * scale;
		if (byte & 0x80) scale *= 0x80;
		else {
			out.push(value);
			value = 0;
			scale = 1;
		}
	}
	return out;
}

/** Terms in code-unit order, so that a term is found by binary search without building a map of the shard. */
export function encodeShard(entries: ShardEntries): CompactShard {
	return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([term, fields]) => {
		const blocks = Object.entries(fields as Record<string, Record<string, number>>).map(([fieldId, postings]) => {
			const docs = Object.keys(postings)
				.map(Number)
				.sort((a, b) => a - b);
			const gaps = docs.map((d, i) => d - (docs[i - 1] ?? 0));
			const freqs = docs.map((d) => postings[String(d)]!);
			const block: [number, string, string?] = freqs.every((f) => f === 1) ? [Number(fieldId), varints(gaps)] : [Number(fieldId), varints(gaps), varints(freqs)];
			return block;
		});
		return [term, ...blocks];
	});
}

/** One field's postings of a term: the units holding it (short ids, ascending) and how often each does. */
export interface FieldPostings {
	fieldId: number;
	units: Int32Array;
	/** Absent when every frequency is 1. */
	freqs: readonly number[] | undefined;
}

/**
 * A term's postings, decoded the first time a search reads them: a shard holds thousands of
 * terms and a query reads a few, so loading a shard costs little more than parsing it. Decoded
 * into typed arrays, not MiniSearch's maps: a common word is in most of the archive's units,
 * and scoring reads them in one pass (shard-index.ts).
 */
export class PostingList {
	#entry: CompactShard[number] | null;
	#fields: FieldPostings[] | null = null;
	constructor(entry: CompactShard[number]) {
		this.#entry = entry;
	}
	get fields(): FieldPostings[] {
		if (!this.#fields) {
			const [, ...blocks] = this.#entry!;
			this.#entry = null;
			this.#fields = blocks.map(([fieldId, encodedGaps, encodedFreqs]) => {
				const gaps = readVarints(encodedGaps);
				const units = new Int32Array(gaps.length);
				let unit = 0;
				for (let i = 0; i < gaps.length; i++) units[i] = unit += gaps[i]!;
				return { fieldId, units, freqs: encodedFreqs === undefined ? undefined : readVarints(encodedFreqs) };
			});
		}
		return this.#fields;
	}
	/** Whether the unit holds the term in the field. */
	has(fieldId: number, unit: number): boolean {
		const field = this.fields.find((f) => f.fieldId === fieldId);
		if (!field) return false;
		let lo = 0;
		let hi = field.units.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const at = field.units[mid]!;
			if (at === unit) return true;
			if (at < unit) lo = mid + 1;
			else hi = mid - 1;
		}
		return false;
	}
}

export function decodeShard(compact: CompactShard): ShardEntries {
	return compact.map(([term, ...blocks]) => {
		const fields: Record<string, Record<string, number>> = {};
		for (const [fieldId, encodedGaps, encodedFreqs] of blocks) {
			const postings: Record<string, number> = {};
			const freqs = encodedFreqs === undefined ? undefined : readVarints(encodedFreqs);
			let doc = 0;
			readVarints(encodedGaps).forEach((gap, i) => {
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
