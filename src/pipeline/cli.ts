/**
 * The pipeline's command line:
 *   check   validate the archive (ARCHIVE_DIR, default ./archive) and print every problem
 *   build   the same, then build the site into BUILD_DIR (default ./build) through a staging
 *           folder, replacing the previous build only when everything succeeded (site-build.ts)
 *   add     archive an original file (see add.ts)
 *   ocr     make a document's derivatives: the page PDF of its images, the words of its
 *           scanned pages; with --verify, make them again and compare (see ocr-folder.ts)
 * Exits 1 on any problem, and writes nothing then.
 */
import { resolve } from 'node:path';
import { addToArchive, parseAddArgs } from './add';
import { ocrInArchive, verifyDerivatives } from './ocr-folder';
import { formatProblem, type Problem } from './problems';
import { runPipeline } from './run';
import { buildSite } from './site-build';

const archiveDir = resolve(process.env.ARCHIVE_DIR || 'archive');
const log = (line: string) => console.log(line);

function reportProblems(problems: readonly Problem[], what: string): void {
	console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${archiveDir}:`);
	for (const p of problems) console.error(formatProblem(p));
	console.error(`\nStopped: ${what} Fix the problems above, then run \`npm run archive:check\` again.`);
}

async function check(): Promise<number> {
	const result = await runPipeline({ archiveDir, log });
	if (result.problems.length > 0) {
		reportProblems(result.problems, 'the archive has problems.');
		return 1;
	}
	const m = result.manifest!;
	console.log(`Archive OK: ${m.documents.length} documents, ${m.events.length} events, ${m.claims.length} claims.`);
	return 0;
}

async function build(): Promise<number> {
	const buildDir = resolve(process.env.BUILD_DIR || 'build');
	const result = await buildSite({ projectRoot: process.cwd(), archiveDir, buildDir, basePath: process.env.BASE_PATH ?? '', siteUrl: process.env.SITE_URL ?? '', log });
	if (result.ok) {
		console.log(`Built the site into ${buildDir}.`);
		return 0;
	}
	if (result.problems.length > 0) reportProblems(result.problems, `nothing was built, and ${buildDir} was left as it was.`);
	for (const line of result.errors) console.error(line);
	return 1;
}

async function add(argv: string[]): Promise<number> {
	const outcome = await addToArchive(parseAddArgs(argv), archiveDir);
	for (const line of outcome.errors) console.error(line);
	for (const line of outcome.notes) console.log(line);
	return outcome.added ? 0 : 1;
}

async function ocr(argv: string[]): Promise<number> {
	const id = argv.find((a) => !a.startsWith('--')) ?? '';
	const outcome = argv.includes('--verify') ? await verifyDerivatives(id, archiveDir) : await ocrInArchive(id, archiveDir);
	for (const line of outcome.errors) console.error(line);
	for (const line of outcome.notes) console.log(line);
	return outcome.ok ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<number>> = { check, build, add: () => add(rest), ocr: () => ocr(rest) };
const run = command ? commands[command] : undefined;
if (!run) {
	console.error('usage: tsx src/pipeline/cli.ts check | build | add <file> --id … | ocr <id> [--verify] (see archive/README.md)');
	process.exit(2);
}
run().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`archive: ${error.message}`);
		process.exit(1);
	}
);
