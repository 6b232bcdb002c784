/**
 * The pipeline's command line:
 *   check   validate the archive (ARCHIVE_DIR, default ./archive) and print every problem
 *   build   the same, then write the manifest, /data and /files for the site
 *   add     archive an original file (see add.ts)
 * Exits 1 on any problem, so `npm run build` stops before Vite runs.
 */
import { resolve, sep } from 'node:path';
import { addDocument, checkAddRequest, parseAddArgs, removeAdded } from './add';
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
	console.log(`Archive OK: ${m.documents.length} documents, ${m.events.length} events.`);
	return 0;
}

async function add(argv: string[]): Promise<number> {
	const request = parseAddArgs(argv);
	const errors = checkAddRequest(request, archiveDir);
	if (errors.length > 0) {
		for (const e of errors) console.error(e);
		return 1;
	}
	const dir = addDocument(request, archiveDir);
	const result = await runPipeline({ archiveDir });
	const mine = result.problems.filter((p) => p.file === dir || p.file.startsWith(dir + sep));
	if (mine.length > 0) {
		removeAdded(dir);
		for (const p of mine) console.error(formatProblem(p));
		console.error('Nothing was added.');
		return 1;
	}
	console.log(`Added ${dir}/meta.yaml. Fill in rights and description, then run \`npm run archive:check\`.`);
	if (result.problems.length > 0) console.error(`Note: the archive has ${result.problems.length} other problem(s); run \`npm run archive:check\`.`);
	return 0;
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
