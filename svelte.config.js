import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { PDF_BOOT_SCRIPT } from './src/lib/viewer/pdf-boot.js';

// `npm run build` (src/pipeline/site-build.ts) runs Vite inside a staging folder (SITE_STAGE):
// the archive's generated static files are read from it and the site is written into it, then
// moved to BUILD_DIR once everything succeeded. SITE_VERSION is a digest of what the site is
// built from, so that two builds of the same archive are byte-identical.
const stage = process.env.SITE_STAGE;

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: stage ? `${stage}/site` : 'build', assets: stage ? `${stage}/site` : 'build', fallback: undefined, precompress: false, strict: true }),
		files: { assets: stage ? `${stage}/static` : 'static' },
		version: { name: process.env.SITE_VERSION ?? 'development' },
		paths: { base: process.env.BASE_PATH ?? '', relative: false },
		// Small stylesheets go inside the page: each one is a request the first render would wait for.
		inlineStyleThreshold: 8192,
		// A strict policy, sent as a <meta> tag since the site is static: scripts only from this site or
		// hashed (SvelteKit's own, and the document page's pdf.js starter), never eval, no plugins.
		// Inline styles stay allowed (Svelte's style: directives).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', `sha256-${createHash('sha256').update(PDF_BOOT_SCRIPT).digest('base64')}`],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self', 'data:'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-src': ['none']
			}
		},
		prerender: {
			entries: ['*', '/404', '/zh-hans', '/zh-hant'],
			// A broken internal link or #anchor is a build error, never a warning.
			handleHttpError: 'fail',
			// #page=<n> is a PDF viewer parameter, not an element id; the link crawl checks it against page counts.
			handleMissingId: ({ id, message }) => {
				if (/^page=\d+$/.test(id)) return;
				throw new Error(message);
			},
			handleEntryGeneratorMismatch: 'fail'
		}
	}
};
