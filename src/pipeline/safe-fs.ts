/**
 * Containment: the pipeline reads only regular files and folders inside the archive. A symbolic
 * link, a device, a FIFO or a socket is refused without being followed or opened, so no message
 * can reveal anything about a file outside the archive (not its hash, not its size, not whether
 * it exists). Files are opened with O_NOFOLLOW and checked again on the open descriptor, so a
 * link swapped in between the check and the read is refused too.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, type Stats } from 'node:fs';
import { formatBytes } from './limits';

export type EntryKind = 'file' | 'folder' | 'symlink' | 'other' | 'missing';

export interface Entry {
	kind: EntryKind;
	/** lstat of the entry itself (never of what a link points to); absent when missing. */
	stat?: Stats;
}

/** What a path is, without following a link. */
export function entryAt(path: string): Entry {
	try {
		const stat = lstatSync(path);
		const kind: EntryKind = stat.isSymbolicLink() ? 'symlink' : stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
		return { kind, stat };
	} catch {
		return { kind: 'missing' };
	}
}

/** The problem and the fix for an entry that is not the regular file or folder expected. */
export function refusal(kind: EntryKind, expected: 'file' | 'folder'): { problem: string; fix: string } {
	switch (kind) {
		case 'symlink':
			return { problem: 'is a symbolic link, which the archive never follows', fix: `replace the link with the ${expected} itself (a copy, inside the archive), or remove it` };
		case 'other':
			return { problem: 'is a device, FIFO or socket, not a regular file or folder', fix: 'remove it from the archive' };
		case 'missing':
			return { problem: 'does not exist', fix: `create the ${expected}` };
		default:
			return expected === 'file'
				? { problem: 'is a folder where a file should be', fix: 'move the folder’s contents out and put the file here, or remove the folder' }
				: { problem: 'is a file where a folder should be', fix: 'move the file out and make this a folder, or remove it' };
	}
}

/** Names in a folder, sorted by code point so every run sees the same order, whatever order they were written in. */
export function listFolder(path: string): string[] {
	return readdirSync(path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export type ReadResult = { ok: true; content: Buffer; stat: Stats } | { ok: false; problem: string; fix: string };

/**
 * Reads a regular file of at most `maxBytes`, checking the size before reading a byte.
 * `tooLargeFix` says what to do with a file over the limit.
 */
export function readRegularFile(path: string, maxBytes: number, tooLargeFix: string): ReadResult {
	const before = entryAt(path);
	if (before.kind !== 'file') return { ok: false, ...refusal(before.kind, 'file') };
	let fd: number;
	try {
		// O_NONBLOCK: a FIFO swapped in after the check must not hang the build on open.
		fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
	} catch {
		return { ok: false, problem: 'cannot be opened (it changed while being read, or is not readable)', fix: 'check its permissions, then run the check again' };
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) return { ok: false, ...refusal('other', 'file') };
		if (stat.size > maxBytes) return { ok: false, problem: `is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for this kind of file`, fix: tooLargeFix };
		// Never from the shared pool: the bytes may be handed over whole to pdf.js.
		const content = Buffer.allocUnsafeSlow(stat.size);
		let offset = 0;
		while (offset < stat.size) {
			const n = readSync(fd, content, offset, stat.size - offset, offset);
			if (n === 0) break;
			offset += n;
		}
		if (offset !== stat.size) return { ok: false, problem: 'changed size while being read', fix: 'run the check again once nothing is writing to it' };
		return { ok: true, content, stat };
	} finally {
		closeSync(fd);
	}
}

/**
 * Counts, for every regular file seen in the archive, how many of its names were seen. A file
 * with more hard links than names inside the archive is linked to a file outside it.
 */
export class LinkCounter {
	private seen = new Map<string, { nlink: number; names: string[] }>();

	add(path: string, stat: Stats): void {
		const key = `${stat.dev}:${stat.ino}`;
		const entry = this.seen.get(key) ?? { nlink: stat.nlink, names: [] };
		entry.names.push(path);
		this.seen.set(key, entry);
	}

	/** Paths of files with a hard link to a file outside the archive. */
	linkedOutside(): string[] {
		return [...this.seen.values()].filter((e) => e.nlink > e.names.length).flatMap((e) => e.names);
	}
}
