import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** In dev, hand Vite's HTTP server to hooks.server.ts init(), as server.js does in production. */
const shareHttpServer: Plugin = {
	name: 'khai-mac-share-http-server',
	configureServer(server) {
		(globalThis as Record<symbol, unknown>)[Symbol.for('khai-mac.httpServer')] = server.httpServer;
	}
};

export default defineConfig({
	plugins: [shareHttpServer, sveltekit()],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		testTimeout: 30000,
		hookTimeout: 60000,
		fileParallelism: false
	}
});
