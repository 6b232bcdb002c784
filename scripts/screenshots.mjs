/**
 * Screenshots of the built site at 1280 and 360 px wide, for looking at pages as a reader does:
 * `node scripts/screenshots.mjs [--viewport] [path …]` writes test-results/screens/<name>-<width>.png.
 * SCREEN_WIDTHS=360,390,1280 chooses the widths (a phone's 390 × 780 among them).
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from './ensure-browser.mjs';
import { startStaticServer } from './static-server.mjs';

const fullPage = !process.argv.includes('--viewport');
const paths = process.argv.slice(2).filter((a) => a !== '--viewport');
if (paths.length === 0) paths.push('/', '/archive', '/about', '/nowhere');
// SITE_DIR: a fixture site built beside the real one (e.g. tests/.tmp/viewer-site).
const server = await startStaticServer(process.env.SITE_DIR ?? 'build');
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
mkdirSync('test-results/screens', { recursive: true });
const widths = (process.env.SCREEN_WIDTHS ?? '1280,360').split(',').map(Number);
for (const width of widths) {
	const context = await browser.newContext({ viewport: { width, height: width < 600 ? 780 : 800 } });
	const page = await context.newPage();
	for (const path of paths) {
		await page.goto(origin + path, { waitUntil: 'networkidle' });
		const name = path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home';
		await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		if (overflow > 0) console.log(`${path} at ${width}px scrolls sideways by ${overflow}px`);
	}
	await context.close();
}
await browser.close();
server.close();
console.log('Screenshots in test-results/screens/');
