// @ts-check
/**
 * A real server, shared by the tests (vitest, Playwright) and the benches (plain Node): the built
 * `node server.js` on a free port, with its own SQLite file in its own folder, a scenario
 * imported by the CLI first. Plain ESM JavaScript so that `node bench/*.js` runs it as is; the
 * JSDoc types are what the TypeScript tests see (tests/helpers/server.ts re-exports them).
 *
 * What the server says (stdout and stderr) goes to a file in its folder, not through a pipe: a
 * busy bench never blocks a chatty server, a long soak keeps none of it in memory, and the file
 * is there to read afterwards. `log()` reads it; a server that does not start says why.
 *
 * Every server started here is killed when this process exits, also on SIGINT, SIGTERM or SIGHUP,
 * so that a test or bench that fails half-way or is interrupted leaves none behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** the repository's root: where build/, server.js and data/ are */
export const root = path.resolve(import.meta.dirname, '../..');
export const defaultScenario = path.join(root, 'data/scenarios/quan7-2024.json');
/** the password of every account a scenario brings (`--accounts`) */
export const demoPassword = 'khaimac-demo';

/** @returns {Promise<number>} a port free on 127.0.0.1 just now */
export function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {net.AddressInfo} */ (probe.address());
			probe.close(() => resolve(port));
		});
	});
}

/**
 * A new empty folder under the system's temporary folder.
 * @param {string} [prefix]
 */
export function tempDir(prefix = 'khai-mac-') {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * @typedef {object} CliResult
 * @property {number} status the exit code; -1 when it ended by a signal or its timeout
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Runs the built CLI (`node build/cli.js …args`) on the database at `dbPath`, from the root.
 * @param {string} dbPath
 * @param {string[]} args
 * @param {{ timeout?: number }} [options] ms before the CLI is killed (5 min)
 * @returns {CliResult}
 */
export function cli(dbPath, args, { timeout = 300_000 } = {}) {
	const run = spawnSync(process.execPath, ['build/cli.js', ...args], {
		cwd: root,
		env: { ...process.env, KHAIMAC_DB: path.resolve(dbPath) },
		encoding: 'utf8',
		timeout
	});
	const failure = run.error ? `\n${run.error.message}` : '';
	return { status: run.status ?? -1, stdout: run.stdout ?? '', stderr: (run.stderr ?? '') + failure };
}

/**
 * @typedef {object} ServerOptions
 * @property {string | null} [scenario] the scenario file imported first (default: the default
 *   scenario); null for an empty database
 * @property {boolean} [accounts] import the scenario's accounts too (default true)
 * @property {boolean} [demo] import them as demo data (`--demo`) for the simulator (default false)
 * @property {(dbPath: string) => void} [afterImport] changes the database before the server opens it
 * @property {Record<string, string>} [env] more environment for the server (KHAIMAC_DB,
 *   KHAIMAC_DATA_DIR, PORT and HOST are the harness's)
 * @property {string} [dir] the server's folder: database, data dir, log; removed by removeServer
 *   (default: a new temporary folder, or the folder of `dbPath` when that is given)
 * @property {string} [dbPath] the SQLite file (default: test.sqlite in `dir`)
 * @property {string[]} [nodeArgs] flags for node before server.js (e.g. --max-old-space-size=300)
 * @property {string} [logFile] where the server's output is appended (default: server.log in `dir`)
 * @property {number} [startTimeout] ms a start may take until /healthz answers (default 30 s)
 * @property {number} [stopTimeout] ms a stop waits after SIGTERM before SIGKILL (default 10 s)
 */

/**
 * @typedef {object} TestServer
 * @property {string} url http://127.0.0.1:port
 * @property {number} port
 * @property {string} dbPath
 * @property {string} dir
 * @property {string} logFile
 * @property {() => string} log what the server has said so far (stdout and stderr, every start)
 * @property {() => number | undefined} pid the server process's pid while it runs
 * @property {() => Promise<void>} start starts it again (after stop or kill), on the same port
 *   and database; resolves when /healthz answers
 * @property {() => Promise<void>} stop SIGTERM, as a service manager stops it; resolves when it
 *   has exited (SIGKILL if it has not after `stopTimeout`)
 * @property {() => Promise<void>} kill SIGKILL, as a power cut or a crash would; resolves when it
 *   has exited
 */

/**
 * Imports `scenario` into a new database, then starts the server on it.
 * @param {ServerOptions} [options]
 * @returns {Promise<TestServer>}
 */
export async function startServer(options = {}) {
	const ownDir = !options.dir && !options.dbPath;
	const dir = path.resolve(
		options.dir ?? (options.dbPath ? path.dirname(options.dbPath) : tempDir('khai-mac-test-'))
	);
	try {
		fs.mkdirSync(dir, { recursive: true });
		const dbPath = path.resolve(options.dbPath ?? path.join(dir, 'test.sqlite'));
		const scenario = options.scenario === undefined ? defaultScenario : options.scenario;
		if (scenario) {
			const flags = [
				...(options.accounts === false ? [] : ['--accounts']),
				...(options.demo ? ['--demo'] : [])
			];
			const imported = cli(dbPath, ['import', path.resolve(scenario), ...flags]);
			if (imported.status !== 0) throw new Error(`scenario import failed: ${imported.stderr}`);
		}
		options.afterImport?.(dbPath);
		// the free port may be taken again before the server binds it: then another one
		for (let attempt = 1; ; attempt++) {
			const server = serverOn(await freePort(), dir, dbPath, options);
			const logged = server.log().length;
			try {
				await server.start();
				return server;
			} catch (error) {
				if (attempt < 3 && server.log().slice(logged).includes('EADDRINUSE')) continue;
				throw error;
			}
		}
	} catch (error) {
		// a folder made here goes with the server that did not start (its log is in the error)
		if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Stops the server and removes its folder (and so its database).
 * @param {TestServer | undefined} server
 */
export async function removeServer(server) {
	if (!server) return;
	await server.stop();
	fs.rmSync(server.dir, { recursive: true, force: true });
}

/**
 * @param {number} port
 * @param {string} dir
 * @param {string} dbPath
 * @param {ServerOptions} options
 * @returns {TestServer}
 */
function serverOn(port, dir, dbPath, options) {
	const url = `http://127.0.0.1:${port}`;
	const logFile = path.resolve(options.logFile ?? path.join(dir, 'server.log'));
	const startTimeout = options.startTimeout ?? 30_000;
	const stopTimeout = options.stopTimeout ?? 10_000;
	/** @type {Running | null} */
	let running = null;

	/** @param {'SIGTERM' | 'SIGKILL'} signal */
	async function end(signal) {
		const current = running;
		if (!current) return;
		if (!current.exited.done) current.child.kill(signal);
		const late =
			signal === 'SIGTERM' ? setTimeout(() => current.child.kill('SIGKILL'), stopTimeout) : undefined;
		await current.exited;
		clearTimeout(late);
		if (running === current) running = null;
	}

	/** @type {TestServer} */
	const server = {
		url,
		port,
		dbPath,
		dir,
		logFile,
		log: () => {
			try {
				return fs.readFileSync(logFile, 'utf8');
			} catch {
				return '';
			}
		},
		pid: () => (running && !running.exited.done ? running.child.pid : undefined),
		async start() {
			if (running && !running.exited.done) throw new Error(`the server on ${url} is already running`);
			const from = server.log().length;
			const out = fs.openSync(logFile, 'a');
			let current;
			try {
				current = launch(
					[...(options.nodeArgs ?? []), 'server.js'],
					{
						...process.env,
						...options.env,
						KHAIMAC_DB: dbPath,
						KHAIMAC_DATA_DIR: dir,
						PORT: String(port),
						HOST: '127.0.0.1'
					},
					out
				);
			} finally {
				fs.closeSync(out); // the child has its own copy
			}
			running = current;
			const deadline = Date.now() + startTimeout;
			while (!current.exited.done && Date.now() < deadline) {
				try {
					const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5000) });
					await health.arrayBuffer();
					if (health.ok) return;
				} catch {
					// not listening yet
				}
				await Promise.race([current.exited, new Promise((r) => setTimeout(r, 100))]);
			}
			const why = current.exited.done
				? `it exited (${current.exited.how})`
				: `/healthz did not answer within ${startTimeout} ms`;
			await end('SIGKILL');
			throw new Error(`server did not start on ${url}: ${why}\n${server.log().slice(from)}`);
		},
		stop: () => end('SIGTERM'),
		kill: () => end('SIGKILL')
	};
	return server;
}

/**
 * @typedef {Promise<void> & { done: boolean, how: string }} Exit
 * @typedef {{ child: import('node:child_process').ChildProcess, exited: Exit }} Running
 */

/**
 * processes still running that go when this process exits
 * @type {Set<import('node:child_process').ChildProcess>}
 */
const live = new Set();
const signals = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']);

/**
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {number} out the log file's descriptor, for stdout and stderr
 * @returns {Running}
 */
function launch(args, env, out) {
	const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', out, out] });
	/** @type {() => void} */
	let settle = () => {};
	const exited = /** @type {Exit} */ (new Promise((resolve) => (settle = () => resolve())));
	exited.done = false;
	exited.how = '';
	/** @param {string} how */
	const onExit = (how) => {
		if (exited.done) return;
		exited.done = true;
		exited.how = how;
		settle();
	};
	child.once('exit', (code, signal) => onExit(signal ?? `code ${code}`));
	// not spawned at all: no 'exit' follows
	child.on('error', (error) => child.pid === undefined && onExit(error.message));
	killOnExit(child);
	return { child, exited };
}

/**
 * SIGKILLs `child` if this process exits (or gets SIGINT, SIGTERM or SIGHUP) while it runs. The
 * servers started here are; a bench's other processes (a bare baseline server) may be too.
 * @param {import('node:child_process').ChildProcess} child
 */
export function killOnExit(child) {
	if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
	if (live.size === 0) {
		process.on('exit', killAll);
		for (const signal of signals) process.on(signal, onSignal);
	}
	live.add(child);
	child.once('exit', () => {
		if (!live.delete(child) || live.size > 0) return;
		process.off('exit', killAll);
		for (const signal of signals) process.off(signal, onSignal);
	});
}

function killAll() {
	for (const child of live) child.kill('SIGKILL');
}

/**
 * Kills the servers; ends this process as the signal would have, unless someone else listens
 * for it (a test runner stopping gracefully runs its own teardown).
 * @param {NodeJS.Signals} signal
 */
function onSignal(signal) {
	const alone = process.listenerCount(signal) === 1;
	killAll();
	if (alone) process.exit(128 + (os.constants.signals[signal] ?? 0));
}
