import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/pipeline/**/*.test.ts'],
		environment: 'node',
		testTimeout: 30_000
	}
});
