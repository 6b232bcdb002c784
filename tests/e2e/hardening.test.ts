/**
 * The archive's promises, end to end through its commands: hostile files are refused by
 * `archive:add` and `archive:check`; a failed build leaves the previous site serving; a build
 * into the archive is refused with nothing deleted; an interrupted `archive:add` leaves nothing;
 * two builds of the same archive, written in different orders, are byte-identical, and the
 * site's own SHA256SUMS proves it.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Server } from 'node:http';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { TMP_ROOT, validArchive, writeArchive } from '../fixtures/archive-builder';
import { HTML_PAGE, SVG_IMAGE } from '../fixtures/hostile-files';
import { makeMultiPagePdf } from '../fixtures/pdfs';

/** Runs the pipeline's command line in a process of its own, as `npm run archive:*` does. */
function cli(args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/pipeline/cli.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
	return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
}

/** Every file under a folder with its SHA-256, by relative path. */
function digests(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (folder: string) => {
		for (const name of readdirSync(folder).sort()) {
			const path = join(folder, name);
			if (statSync(path).isDirectory()) walk(path);
			else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
		}
	};
	walk(dir);
	return out;
}

const sha256sumCheck = (dir: string, list: string) => spawnSync('sha256sum', ['-c', '--quiet', list], { cwd: dir, encoding: 'utf8' });

describe('hostile files', () => {
	const files = {
		'page.txt': HTML_PAGE,
		'page.pdf': HTML_PAGE,
		'image.txt': SVG_IMAGE,
		'image.pdf': SVG_IMAGE
	};

	it('are refused by archive:add, which adds nothing', async () => {
		const archive = writeArchive('hostile-add', await validArchive());
		const before = digests(archive);
		for (const [name, content] of Object.entries(files)) {
			const path = join(TMP_ROOT, name);
			writeFileSync(path, content);
			const id = name.replace('.', '-');
			const result = cli(['add', path, '--id', id, '--title', 'Hostile', '--date', '2002', '--kind', 'letter'], { ARCHIVE_DIR: archive });
			assert.equal(result.status, 1, `${name} is refused`);
			const what = content === HTML_PAGE ? 'HTML' : 'SVG';
			assert.match(result.stderr, new RegExp(`documents/${id}/${name.replace('.', '\\.')}: \\(file\\): is ${what} by its content \\(declared (text/plain|application/pdf)\\), a format a browser runs \\(the archive never holds formats a browser runs`));
			assert.match(result.stderr, /Nothing was added\./);
		}
		assert.deepEqual(digests(archive), before);
	});

	it('are refused by archive:check, every one listed', async () => {
		const archive = await validArchive();
		for (const [name, content] of Object.entries(files)) {
			archive.documents.push({
				meta: { id: name.replace('.', '-'), title: 'Hostile', kind: 'letter', primary: true, date: '2002', issuer: 'Someone', languages: ['en'], rights: 'Test fixture', status: 'original', description: 'A hostile file.' },
				files: [{ name, content, mediaType: name.endsWith('.pdf') ? 'application/pdf' : 'text/plain', role: 'original' }]
			});
		}
		const result = cli(['check'], { ARCHIVE_DIR: writeArchive('hostile-check', archive) });
		assert.equal(result.status, 1);
		assert.match(result.stderr, /^4 problems in /m);
		for (const name of Object.keys(files)) assert.match(result.stderr, new RegExp(`documents/${name.replace('.', '-')}/${name.replace('.', '\\.')}: \\(file\\): is (HTML|SVG) by its content`));
	});
});

describe('builds', () => {
	const siteDir = resolve(TMP_ROOT, 'hardening-site');
	let archiveDir = '';
	let server: Server;
	let origin = '';
	before(async () => {
		archiveDir = writeArchive('hardening-archive', await validArchive());
		rmSync(siteDir, { recursive: true, force: true });
		const built = cli(['build'], { ARCHIVE_DIR: archiveDir, BUILD_DIR: siteDir });
		assert.equal(built.status, 0, built.stderr);
		server = await startStaticServer(siteDir);
		const address = server.address();
		origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	});
	after(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

	it('a build that fails midway leaves the previous build serving, byte for byte', async () => {
		const previous = digests(siteDir);
		// Fails in the pipeline: a 200 MB text file of NULs.
		const broken = writeArchive('hardening-broken', await validArchive());
		writeFileSync(join(broken, 'documents/family-letter/text.txt'), Buffer.alloc(0));
		execFileSync('truncate', ['-s', '200M', join(broken, 'documents/family-letter/text.txt')]);
		const pipelineFailure = cli(['build'], { ARCHIVE_DIR: broken, BUILD_DIR: siteDir });
		assert.equal(pipelineFailure.status, 1);
		assert.match(pipelineFailure.stderr, /documents\/family-letter\/text\.txt: \(file\): is 200 MB, over the 16 MB limit/);
		// Fails in Vite, after the pipeline has written everything: a base path SvelteKit refuses.
		const viteFailure = cli(['build'], { ARCHIVE_DIR: archiveDir, BUILD_DIR: siteDir, BASE_PATH: 'no-leading-slash' });
		assert.equal(viteFailure.status, 1);
		assert.match(viteFailure.stderr, /vite build failed/);
		assert.deepEqual(digests(siteDir), previous);
		assert.deepEqual(readdirSync(TMP_ROOT).filter((name) => name.includes('.staging-')), [], 'no staging folder is left');
		const response = await fetch(`${origin}/archive/family-letter`);
		assert.equal(response.status, 200);
		assert.match(await response.text(), /Letter from the family/);
		assert.equal(sha256sumCheck(siteDir, 'SHA256SUMS').status, 0);
	});

	it('BUILD_DIR=$ARCHIVE_DIR is refused, and nothing is deleted', () => {
		const before = digests(archiveDir);
		const result = cli(['build'], { ARCHIVE_DIR: archiveDir, BUILD_DIR: archiveDir });
		assert.equal(result.status, 1);
		assert.match(result.stderr, /BUILD_DIR=.*: is the archive \(ARCHIVE_DIR=.*\), or inside it, or holds it: a build replaces its whole folder/);
		assert.deepEqual(digests(archiveDir), before);
	});

	it('two builds of the same archive, its files written in reverse order, are byte-identical; SHA256SUMS verifies them and catches any changed byte', async () => {
		const reversed = join(TMP_ROOT, 'hardening-archive-reversed');
		rmSync(reversed, { recursive: true, force: true });
		for (const path of Object.keys(digests(archiveDir)).reverse()) {
			mkdirSync(join(reversed, path, '..'), { recursive: true });
			copyFileSync(join(archiveDir, path), join(reversed, path));
		}
		const secondDir = resolve(TMP_ROOT, 'hardening-site-reversed');
		rmSync(secondDir, { recursive: true, force: true });
		const built = cli(['build'], { ARCHIVE_DIR: reversed, BUILD_DIR: secondDir });
		assert.equal(built.status, 0, built.stderr);
		const first = digests(siteDir);
		assert.deepEqual(digests(secondDir), first);
		assert.ok(Object.keys(first).length > 50);
		assert.equal(sha256sumCheck(secondDir, 'SHA256SUMS').status, 0);
		assert.equal(sha256sumCheck(secondDir, 'data/SHA256SUMS').status, 0);
		const listed = readFileSync(join(secondDir, 'SHA256SUMS'), 'utf8');
		assert.match(listed, /  index\.html\n/);
		assert.match(listed, /  _headers\n/);
		assert.doesNotMatch(listed, /  files\//, 'archived files are listed in data/SHA256SUMS, not twice');
		const page = join(secondDir, 'index.html');
		writeFileSync(page, readFileSync(page, 'utf8').replace('</body>', ' </body>'));
		assert.notEqual(sha256sumCheck(secondDir, 'SHA256SUMS').status, 0, 'one changed byte fails the check');
	});
});

describe('archive:add, interrupted', () => {
	it('leaves nothing when stopped by a signal, and can be run again', async () => {
		const archive = writeArchive('add-interrupted', await validArchive());
		const before = digests(archive);
		const pdf = join(TMP_ROOT, 'long-judgment.pdf');
		writeFileSync(pdf, await makeMultiPagePdf(400));
		const args = ['--import', 'tsx', 'src/pipeline/cli.ts', 'add', pdf, '--id', 'long-judgment', '--title', 'A long judgment', '--date', '2003', '--kind', 'court-judgment'];
		const child = spawn(process.execPath, args, { env: { ...process.env, ARCHIVE_DIR: archive }, stdio: 'ignore' });
		const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
		const staging = join(archive, '.staging');
		// Interrupt once the document is being checked: its staged folder exists.
		while (!(existsSync(staging) && readdirSync(staging).length > 0)) await new Promise((done) => setTimeout(done, 20));
		child.kill('SIGINT');
		assert.equal(await exited, 130);
		assert.equal(existsSync(join(archive, 'documents', 'long-judgment')), false);
		assert.equal(existsSync(staging), false);
		assert.deepEqual(digests(archive), before);
		const again = cli(['add', pdf, '--id', 'long-judgment', '--title', 'A long judgment', '--date', '2003', '--kind', 'court-judgment'], { ARCHIVE_DIR: archive });
		assert.equal(again.status, 0, again.stderr);
		assert.ok(existsSync(join(archive, 'documents', 'long-judgment', 'meta.yaml')));
	});
});
