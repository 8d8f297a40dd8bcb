/**
 * A real server for a test: `node server.js` from the build, on a free port, with its own
 * SQLite file in a temporary folder, optionally with a scenario imported by the CLI. The harness
 * itself is plain JavaScript shared with the benches: see tests/harness/server.js.
 */
export {
	cli,
	defaultScenario,
	demoPassword,
	freePort,
	removeServer,
	startServer,
	type CliResult,
	type ServerOptions,
	type TestServer
} from '../harness/server.js';
