import { removeServer, startServer } from '../helpers/server';

/** One real server for the e2e run; tests find it through E2E_URL. */
export default async function globalSetup() {
	const server = await startServer();
	process.env.E2E_URL = server.url;
	process.env.E2E_DB = server.dbPath;
	return async () => removeServer(server);
}
