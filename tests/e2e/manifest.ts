/**
 * The manifest a site was built from, for tests that compare pages with the archive. The build
 * keeps its manifest in its staging folder only, so the tests run the pipeline's check on the
 * same archive (it writes nothing) and get the identical manifest.
 */
import { resolve } from 'node:path';
import type { Manifest } from '../../src/lib/content/manifest';
import { formatProblem } from '../../src/pipeline/problems';
import { runPipeline } from '../../src/pipeline/run';

const cache = new Map<string, Promise<Manifest>>();

export function archiveManifest(archiveDir = 'archive'): Promise<Manifest> {
	const dir = resolve(archiveDir);
	let manifest = cache.get(dir);
	if (!manifest) {
		manifest = runPipeline({ archiveDir: dir }).then((result) => {
			if (!result.manifest) throw new Error(`the archive in ${dir} has problems:\n${result.problems.map((p) => formatProblem(p)).join('\n')}`);
			return result.manifest;
		});
		cache.set(dir, manifest);
	}
	return manifest;
}
