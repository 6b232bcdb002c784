/** Shared by the benchmarks: build a site from a generated archive, serve it, and open Chromium. */
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../ensure-browser.mjs';
import { startStaticServer } from '../static-server.mjs';

export function buildSite(archiveDir: string): number {
	const started = performance.now();
	execFileSync('npm', ['run', 'build'], { env: { ...process.env, ARCHIVE_DIR: archiveDir }, stdio: ['ignore', 'ignore', 'inherit'] });
	return performance.now() - started;
}

/** Rebuilds the real archive, so that the benchmark leaves the project as it found it. */
export const restoreRealBuild = () => buildSite('archive');

export async function serveAndLaunch(dir = 'build'): Promise<{ origin: string; browser: Browser; close: () => Promise<void> }> {
	const server: Server = await startStaticServer(dir);
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	const browser = await chromium.launch({
		executablePath: findChromium() ?? undefined,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	return {
		origin: `http://127.0.0.1:${port}`,
		browser,
		close: async () => {
			await browser.close();
			await new Promise((done) => server.close(done));
		}
	};
}

export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
