/** Shared by the benchmarks: build a site from a generated archive, serve it, and open Chromium. */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../tests/fixtures/browser';
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
	const browser = await launchChromium();
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

/** PSS in kB of this process's Chromium and all its children (renderers, GPU, utility). */
export function browserPss(): number {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// The process ended while we looked.
		}
	}
	const ours = new Set<number>([process.pid]);
	let grew = true;
	while (grew) {
		grew = false;
		for (const [pid, parent] of parents) {
			if (!ours.has(pid) && ours.has(parent)) {
				ours.add(pid);
				grew = true;
			}
		}
	}
	ours.delete(process.pid);
	let total = 0;
	for (const pid of ours) {
		try {
			if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) continue;
			total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
		} catch {
			// The process ended while we looked.
		}
	}
	return total;
}

/** A pixel darker than this (its darkest channel, 0 to 255) is ink, not paper. */
export const INK = 128;

/** The share of a screenshot's pixels inside clip (CSS px of the viewport) that are ink; 0 if the clip is under 50×50 px. */
export async function inkIn(page: Page, clip: { x: number; y: number; width: number; height: number }): Promise<number> {
	if (clip.width < 50 || clip.height < 50) return 0;
	const shot = await loadImage(await page.screenshot({ type: 'png' }));
	const canvas = createCanvas(shot.width, shot.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(shot, 0, 0);
	const { data } = ctx.getImageData(clip.x, clip.y, clip.width, clip.height);
	let ink = 0;
	for (let i = 0; i < data.length; i += 4) if (Math.min(data[i]!, data[i + 1]!, data[i + 2]!) < INK) ink++;
	return ink / (clip.width * clip.height);
}
