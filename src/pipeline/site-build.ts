/**
 * `npm run build`: the archive pipeline, then Vite, into a fresh staging folder beside BUILD_DIR;
 * the finished site is moved into place only when every step succeeded. A failed or interrupted
 * build leaves the previous build, `static/` and the archive exactly as they were.
 *
 *   <parent>/.<build>.staging-<pid>/
 *     generated/manifest.json   what the prerendered pages are built from (SITE_STAGE tells them where)
 *     static/                   the project's static/ plus the pipeline's data/, files/, search/, pdfjs/, page-images/
 *     site/                     Vite's output, finished with _headers and SHA256SUMS, then renamed to BUILD_DIR
 *
 * SvelteKit's version name (which it otherwise takes from the clock) is a hash of everything the
 * site is built from, so two builds of the same archive and code are byte-identical.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Manifest } from '../lib/content/manifest';
import type { Problem } from './problems';
import { runPipeline } from './run';
import { writeSiteFiles } from './site-files';

export interface SiteBuildOptions {
	projectRoot: string;
	archiveDir: string;
	buildDir: string;
	basePath: string;
	siteUrl: string;
	log: (line: string) => void;
}

export type SiteBuildResult = { ok: true } | { ok: false; problems: Problem[]; errors: string[] };

/** An existing path with its links resolved; for a path not yet made, its nearest existing ancestor's, plus the rest. */
function realPath(path: string): string {
	const absolute = resolve(path);
	if (existsSync(absolute)) return realpathSync(absolute);
	const parent = dirname(absolute);
	return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

/** True when `inner` is `outer` or inside it (separator-safe: /a/build-x is not inside /a/build). */
export function isWithin(inner: string, outer: string): boolean {
	return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);
}

/** Folders of the project a build must never write into or replace. */
const PROTECTED = ['src', 'static', 'archive', 'scripts', 'tests', 'node_modules', '.git', '.svelte-kit'];

/**
 * Refuses a BUILD_DIR that replacing would destroy something: the project itself, the archive,
 * the project's sources, or a folder that is not a previous build.
 */
export function checkBuildTargets(projectRoot: string, archiveDir: string, buildDir: string): string[] {
	const root = realPath(projectRoot);
	const archive = realPath(archiveDir);
	const build = realPath(buildDir);
	const errors: string[] = [];
	const say = (problem: string) => errors.push(`BUILD_DIR=${buildDir}: ${problem}`);
	if (isWithin(root, build)) say('is the project folder or holds it: a build replaces its whole folder. Set BUILD_DIR to a folder of its own, such as build/');
	else if (isWithin(build, archive) || isWithin(archive, build)) say(`is the archive (ARCHIVE_DIR=${archiveDir}), or inside it, or holds it: a build replaces its whole folder. Keep the built site and the archive apart`);
	else if (isWithin(build, root) && PROTECTED.some((name) => isWithin(build, join(root, name)) && !isWithin(build, join(root, 'tests', '.tmp')))) {
		say(`is inside the project's ${relative(root, build).split(sep)[0]}/ folder, which a build must not replace. Use build/ or a folder outside the project`);
	}
	if (errors.length === 0 && existsSync(build)) {
		const stat = statSync(build);
		const isPreviousBuild = stat.isDirectory() && (readdirSync(build).length === 0 || existsSync(join(build, '_app')));
		if (!isPreviousBuild) say('holds something other than a built site (no _app/ folder in it): a build replaces its whole folder, so it refuses to replace this one. Empty it or choose another folder');
	}
	return errors;
}

/** Every file under `dir` as [path relative to dir, SHA-256], sorted. */
function fileDigests(dir: string, skip: (rel: string) => boolean = () => false): [string, string][] {
	const out: [string, string][] = [];
	const walk = (folder: string) => {
		for (const name of readdirSync(folder).sort()) {
			const path = join(folder, name);
			const rel = relative(dir, path).split(sep).join('/');
			if (skip(rel)) continue;
			if (statSync(path).isDirectory()) walk(path);
			else out.push([rel, createHash('sha256').update(readFileSync(path)).digest('hex')]);
		}
	};
	if (existsSync(dir)) walk(dir);
	return out;
}

/** SvelteKit's version name: a digest of the archive's outputs, the code and the settings, never the clock. */
export function contentVersion(projectRoot: string, stage: string, settings: Record<string, string>): string {
	const hash = createHash('sha256');
	const add = (label: string, digests: [string, string][]) => digests.forEach(([path, digest]) => hash.update(`${label}/${path} ${digest}\n`));
	add('stage', fileDigests(stage, (rel) => rel === 'site' || rel.startsWith('site/')));
	add('src', fileDigests(join(projectRoot, 'src'), (rel) => rel === 'lib/generated'));
	for (const file of ['package-lock.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json']) {
		if (existsSync(join(projectRoot, file))) add('root', [[file, createHash('sha256').update(readFileSync(join(projectRoot, file))).digest('hex')]]);
	}
	hash.update(JSON.stringify(settings));
	return hash.digest('hex').slice(0, 16);
}

/** The project's static/ files (the favicon), without what older builds generated into it. */
function copyProjectStatic(projectRoot: string, to: string): void {
	const from = join(projectRoot, 'static');
	mkdirSync(to, { recursive: true });
	if (!existsSync(from)) return;
	const generated = new Set(['data', 'files', 'search', 'pdfjs', 'page-images']);
	for (const name of readdirSync(from)) if (!generated.has(name)) cpSync(join(from, name), join(to, name), { recursive: true });
}

function runVite(projectRoot: string, env: Record<string, string>): Promise<number> {
	const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
	return new Promise((done) => {
		const child = spawn(process.execPath, [vite, 'build'], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: 'inherit' });
		child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
		child.on('error', () => done(1));
	});
}

/** Staging folders left by builds that were killed outright (kill -9, power loss). */
function removeStaleStages(parent: string, prefix: string): void {
	if (!existsSync(parent)) return;
	for (const name of readdirSync(parent)) {
		if (!name.startsWith(prefix)) continue;
		const pid = Number(name.slice(prefix.length));
		let alive = false;
		try {
			process.kill(pid, 0);
			alive = pid !== process.pid;
		} catch {
			alive = false;
		}
		if (!alive) rmSync(join(parent, name), { recursive: true, force: true });
	}
}

export async function buildSite(options: SiteBuildOptions): Promise<SiteBuildResult> {
	const errors = checkBuildTargets(options.projectRoot, options.archiveDir, options.buildDir);
	if (errors.length > 0) return { ok: false, problems: [], errors };
	const buildDir = resolve(options.buildDir);
	const parent = dirname(buildDir);
	const prefix = `.${basename(buildDir)}.staging-`;
	mkdirSync(parent, { recursive: true });
	removeStaleStages(parent, prefix);
	const stage = join(parent, `${prefix}${process.pid}`);
	rmSync(stage, { recursive: true, force: true });
	const cleanUp = () => rmSync(stage, { recursive: true, force: true });
	const onSignal = (signal: NodeJS.Signals) => {
		cleanUp();
		process.exit(signal === 'SIGINT' ? 130 : 143);
	};
	process.once('SIGINT', onSignal);
	process.once('SIGTERM', onSignal);
	try {
		copyProjectStatic(options.projectRoot, join(stage, 'static'));
		const result = await runPipeline({
			archiveDir: options.archiveDir,
			log: options.log,
			write: { generatedDir: join(stage, 'generated'), staticDir: join(stage, 'static'), basePath: options.basePath }
		});
		if (result.problems.length > 0) return { ok: false, problems: result.problems, errors: [] };
		const settings = { basePath: options.basePath, siteUrl: options.siteUrl };
		const version = contentVersion(options.projectRoot, stage, settings);
		options.log(`[Building the site with Vite (version ${version})]`);
		const code = await runVite(options.projectRoot, { SITE_STAGE: stage, SITE_VERSION: version });
		if (code !== 0) return { ok: false, problems: [], errors: [`vite build failed (exit code ${code}); see its messages above. The previous build in ${options.buildDir} was left as it was.`] };
		const manifest = JSON.parse(readFileSync(join(stage, 'generated', 'manifest.json'), 'utf8')) as Manifest;
		options.log('[Writing _headers and SHA256SUMS]');
		writeSiteFiles(join(stage, 'site'), manifest, options.basePath);
		if (existsSync(buildDir)) renameSync(buildDir, join(stage, 'previous'));
		renameSync(join(stage, 'site'), buildDir);
		return { ok: true };
	} finally {
		process.off('SIGINT', onSignal);
		process.off('SIGTERM', onSignal);
		cleanUp();
	}
}
