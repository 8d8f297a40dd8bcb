import os from 'node:os';
import path from 'node:path';
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
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					setupFiles: ['tests/helpers/english.ts'],
					testTimeout: 30000,
					hookTimeout: 60000,
					sequence: { groupOrder: 0 }
				}
			},
			{
				// in process, no build, no server: a fresh in-memory database for every test
				extends: true,
				test: {
					name: 'domain',
					include: ['tests/domain/**/*.test.ts'],
					setupFiles: ['tests/helpers/english.ts', 'tests/domain/support/setup.ts'],
					// one module graph per worker: the command path (socket.io, turf, zod…) loads once,
					// not once per file; setup.ts gives every test its own database
					isolate: false,
					// a safety net: nothing here should open a file database or write photos in data/
					env: { KHAIMAC_DATA_DIR: path.join(os.tmpdir(), 'khai-mac-domain-tests') },
					sequence: { groupOrder: 0 }
				}
			},
			{
				// the built server, one test file at a time, after the quick projects
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/global-setup.ts'],
					testTimeout: 30000,
					hookTimeout: 60000,
					fileParallelism: false,
					sequence: { groupOrder: 1 }
				}
			}
		]
	}
});
