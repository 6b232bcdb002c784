/**
 * A compact form for index shards. MiniSearch serializes postings as nested objects keyed by
 * document number ({"2": {"286": 1}}); here each field's postings become two arrays, document
 * numbers as gaps from the previous one and frequencies (left out when all are 1). Small,
 * repetitive numbers compress far better. Decoding gives back exactly MiniSearch's form.
 */
import type { ShardEntries } from './query';

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
