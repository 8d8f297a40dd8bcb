/**
 * A real server for a test: `node server.js` from the build, on a free port, with its own
 * SQLite file in a temporary folder, optionally with a scenario imported by the CLI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const defaultScenario = path.resolve('data/scenarios/quan7-2024.json');
export const demoPassword = 'khaimac-demo';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

export function cli(dbPath: string, args: string[]): { status: number; stdout: string; stderr: string } {
	const run = spawnSync('node', ['build/cli.js', ...args], {
		env: { ...process.env, KHAIMAC_DB: dbPath },
		encoding: 'utf8'
	});
	return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export interface TestServer {
	url: string;
	port: number;
	dbPath: string;
	dir: string;
	log: () => string;
	/** the server process's pid while it runs */
	pid: () => number | undefined;
	stop(): Promise<void>;
	/** SIGKILL, as a power cut or a crash would */
	kill(): Promise<void>;
	start(): Promise<void>;
}

interface Options {
	scenario?: string | null;
	accounts?: boolean;
	env?: Record<string, string>;
}

export async function startServer(options: Options = {}): Promise<TestServer> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-test-'));
	const dbPath = path.join(dir, 'test.sqlite');
	const scenario = options.scenario === undefined ? defaultScenario : options.scenario;
	if (scenario) {
		const imported = cli(dbPath, ['import', scenario, ...(options.accounts === false ? [] : ['--accounts'])]);
		if (imported.status !== 0) throw new Error(`scenario import failed: ${imported.stderr}`);
	}
	const port = await freePort();
	let child: ChildProcess | null = null;
	let output = '';

	const server: TestServer = {
		url: `http://127.0.0.1:${port}`,
		port,
		dbPath,
		dir,
		log: () => output,
		pid: () => child?.pid,
		async start() {
			child = spawn('node', ['server.js'], {
				env: {
					...process.env,
					...options.env,
					KHAIMAC_DB: dbPath,
					KHAIMAC_DATA_DIR: dir,
					PORT: String(port),
					HOST: '127.0.0.1'
				},
				stdio: ['ignore', 'pipe', 'pipe']
			});
			child.stdout!.on('data', (d) => (output += d));
			child.stderr!.on('data', (d) => (output += d));
			for (let i = 0; i < 100; i++) {
				try {
					if ((await fetch(`${server.url}/healthz`)).ok) return;
				} catch {
					// not up yet
				}
				if (child.exitCode !== null) break;
				await new Promise((r) => setTimeout(r, 100));
			}
			throw new Error(`server did not start:\n${output}`);
		},
		async stop() {
			await stopChild('SIGTERM');
		},
		async kill() {
			await stopChild('SIGKILL');
		}
	};

	async function stopChild(signal: NodeJS.Signals) {
		const running = child;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise((resolve) => running.once('exit', resolve));
		running.kill(signal);
		await exited;
		child = null;
	}

	await server.start();
	return server;
}

export async function removeServer(server: TestServer | undefined): Promise<void> {
	if (!server) return;
	await server.stop();
	fs.rmSync(server.dir, { recursive: true, force: true });
}
