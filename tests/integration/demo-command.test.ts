import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, root } from '../harness/server.js';

/**
 * `npm run demo` as the README gives it, with the data folder moved by KHAIMAC_DATA_DIR (a
 * machine whose repository is read-only, or a demo kept apart from the real day's data).
 */
const withoutDb = ({ KHAIMAC_DB: _, ...env }: NodeJS.ProcessEnv) => env;

describe('npm run demo', () => {
	const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'khai-mac-demo-'));
	afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

	it('keeps its database in KHAIMAC_DATA_DIR', async () => {
		const port = await freePort();
		const demo = spawn('node', ['scripts/demo.js', '--no-build'], {
			cwd: root,
			env: { ...withoutDb(process.env), KHAIMAC_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		demo.stdout.on('data', (chunk) => (output += chunk));
		demo.stderr.on('data', (chunk) => (output += chunk));
		try {
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`no demo banner in 60 s:\n${output}`)), 60_000);
				demo.stdout.on('data', () => {
					if (output.includes('Tài khoản demo')) {
						clearTimeout(timer);
						resolve();
					}
				});
				demo.on('exit', (code) => reject(new Error(`demo exited (${code}):\n${output}`)));
			});
			expect(output).toContain(path.join(dataDir, 'demo.sqlite'));
			expect(fs.existsSync(path.join(dataDir, 'demo.sqlite'))).toBe(true);
			expect((await fetch(`http://127.0.0.1:${port}/healthz`)).ok).toBe(true);
		} finally {
			const exited = new Promise((resolve) => demo.on('exit', resolve));
			demo.kill('SIGTERM');
			const stuck = setTimeout(() => demo.kill('SIGKILL'), 10_000);
			await exited;
			clearTimeout(stuck);
		}
	}, 90_000);
});
