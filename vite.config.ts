import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { urlPatterns } from './src/lib/i18n/url-patterns.js';

export default defineConfig({
	plugins: [
		// The interface's words, compiled to one function per message (only those a page uses ship with it).
		// The locale comes from the URL alone: the site is static, and a reader's place is its address.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale'],
			urlPatterns: urlPatterns(process.env.BASE_PATH ?? ''),
			emitReadme: false
		}),
		sveltekit()
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/pipeline/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
