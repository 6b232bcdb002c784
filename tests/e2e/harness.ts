/**
 * Shared set-up for the end-to-end tests: the built site served in-process, Debian's Chromium
 * driven by playwright-core, and a record of every console error and failed request per page.
 */
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../fixtures/browser';
import { startStaticServer } from '../../scripts/static-server.mjs';

export interface Site {
	origin: string;
	browser: Browser;
	context: BrowserContext;
	close(): Promise<void>;
}

export async function openSite(options: { dir?: string; basePath?: string; viewport?: { width: number; height: number } } = {}): Promise<Site> {
	const server: Server = await startStaticServer(options.dir ?? 'build', { basePath: options.basePath ?? '' });
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('static server has no port');
	const browser = await launchChromium();
	const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
	return {
		origin: `http://127.0.0.1:${address.port}${options.basePath ?? ''}`,
		browser,
		context,
		async close() {
			await browser.close();
			await new Promise((done) => server.close(done));
		}
	};
}

/** Opens a page and waits until its scripts have hydrated it (the layout marks <html data-hydrated>), not for the network to go quiet. */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 15_000 });
}

/** A page that records console errors, uncaught exceptions and failed requests. */
export async function watchedPage(site: Site): Promise<{ page: Page; errors: string[] }> {
	const page = await site.context.newPage();
	const errors: string[] = [];
	page.on('console', (msg) => {
		if (msg.type() === 'error' || msg.type() === 'warning') errors.push(`console ${msg.type()}: ${msg.text()}`);
	});
	page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
	page.on('response', (response) => {
		if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	return { page, errors };
}
