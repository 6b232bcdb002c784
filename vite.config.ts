import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// The interface's words, compiled to one function per message (only those a page uses ship with it).
		// The locale comes from the URL alone: the site is static, and a reader's place is its address.
		// Unit tests use what `npm run i18n` compiled (npm test runs it first); the plugin's watcher would keep Vitest from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						// The URL's prefix decides (src/lib/i18n/strategy.ts); Paraglide's own URL patterns would ship a polyfill.
						strategy: ['custom-prefix', 'baseLocale'],
						emitReadme: false,
						// The same layout as `npm run i18n` writes, in every mode (the dev default is one module per
						// locale): src/lib/i18n/vocabulary-labels.generated.ts imports messages one by one.
						outputStructure: 'message-modules'
					})
				]),
		sveltekit()
	],
	build: {
		rolldownOptions: {
			output: {
				// Fewer, larger files for the code every page shares (Svelte, SvelteKit's client, D3): a page's
				// first render waits for each file it imports, and over HTTP/1.1 a browser fetches six at a time.
				// pdf.js and MiniSearch stay in chunks of their own, loaded only where they are used.
				codeSplitting: {
					groups: [{ name: 'framework', test: /node_modules[\\/](svelte|@sveltejs[\\/]kit|esm-env|devalue|clsx|d3-[a-z-]+|internmap)[\\/]/ }]
				}
			}
		}
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/pipeline/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
