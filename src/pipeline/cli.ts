/**
 * The pipeline's command line:
 *   check   validate the archive (ARCHIVE_DIR, default ./archive) and print every problem
 *   build   the same, then write the manifest, /data and /files for the site
 *   add     archive an original file (see add.ts)
 * Exits 1 on any problem, so `npm run build` stops before Vite runs.
 */
import { resolve } from 'node:path';
import { addToArchive, parseAddArgs } from './add';
import { formatProblem } from './problems';
import { runPipeline } from './run';

const archiveDir = resolve(process.env.ARCHIVE_DIR ?? 'archive');
const log = (line: string) => console.log(line);

async function checkOrBuild(write: boolean): Promise<number> {
	const result = await runPipeline({
		archiveDir,
		log,
		write: write ? { generatedDir: resolve('src/lib/generated'), staticDir: resolve('static'), basePath: process.env.BASE_PATH ?? '' } : undefined
	});
	if (result.problems.length > 0) {
		console.error(`\n${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${archiveDir}:`);
		for (const p of result.problems) console.error(formatProblem(p));
		console.error('\nStopped: nothing was built. Fix the problems above, then run `npm run archive:check` again.');
		return 1;
	}
	const m = result.manifest!;
	console.log(`Archive OK: ${m.documents.length} documents, ${m.events.length} events, ${m.claims.length} claims.`);
	return 0;
}

async function add(argv: string[]): Promise<number> {
	const outcome = await addToArchive(parseAddArgs(argv), archiveDir);
	for (const line of outcome.errors) console.error(line);
	for (const line of outcome.notes) console.log(line);
	return outcome.added ? 0 : 1;
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, () => Promise<number>> = {
	check: () => checkOrBuild(false),
	build: () => checkOrBuild(true),
	add: () => add(rest)
};
const run = command ? commands[command] : undefined;
if (!run) {
	console.error('usage: tsx src/pipeline/cli.ts check | build | add <file> --id … (see archive/README.md)');
	process.exit(2);
}
run().then(
	(code) => process.exit(code),
	(error: Error) => {
		console.error(`archive: ${error.message}`);
		process.exit(1);
	}
);
