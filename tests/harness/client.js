// @ts-check
/**
 * A client as a browser or a phone is, shared by the tests and the benches: a session cookie from
 * the real login form, a real socket.io connection with it. Plain ESM JavaScript (see server.js).
 */
import { io } from 'socket.io-client';
import { demoPassword } from './server.js';

/**
 * the socket, typed with the app's event maps
 * @typedef {import('socket.io-client').Socket<
 *   import('../../src/lib/types').ServerToClientEvents,
 *   import('../../src/lib/types').ClientToServerEvents
 * >} AppSocket
 */

/**
 * @typedef {object} LoginResult
 * @property {number} status
 * @property {string | null} cookie `km_session=…`, as a Cookie header carries it
 * @property {string | null} location
 * @property {string} body
 */

/**
 * Posts the login form as a browser without JavaScript would.
 * @param {string} url the server's origin
 * @param {string} username
 * @param {string} [password]
 * @param {Record<string, string>} [headers] more request headers (a proxy's X-Forwarded-For)
 * @returns {Promise<LoginResult>}
 */
export async function postLogin(url, username, password = demoPassword, headers = {}) {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			...headers,
			origin: url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ username, password })
	});
	const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('km_session='));
	return {
		status: response.status,
		cookie: setCookie ? setCookie.split(';')[0] : null,
		location: response.headers.get('location'),
		body: await response.text()
	};
}

/**
 * Signs in; the session cookie, or an error saying why not.
 * @param {string} url
 * @param {string} username
 * @param {string} [password]
 * @param {Record<string, string>} [headers]
 * @returns {Promise<string>}
 */
export async function login(url, username, password = demoPassword, headers = {}) {
	const result = await postLogin(url, username, password, headers);
	if (!result.cookie) throw new Error(`login as ${username} failed: ${result.status}`);
	return result.cookie;
}

/**
 * A socket.io connection over WebSocket with the session cookie (none: anonymous), as the app's
 * pages open it (`as: 'display'` for a wall display's). It does not reconnect; resolves when
 * connected, rejects (and closes it) on a refusal or socket.io's connection timeout.
 * @param {string} url
 * @param {string | null} cookie
 * @param {'user' | 'display'} [as]
 * @param {Record<string, string>} [headers] more handshake headers (a proxy's X-Forwarded-For)
 * @returns {Promise<AppSocket>}
 */
export function connect(url, cookie, as = 'user', headers = {}) {
	/** @type {AppSocket} */
	const socket = io(url, {
		transports: ['websocket'],
		extraHeaders: cookie ? { ...headers, cookie } : headers,
		auth: { as },
		reconnection: false,
		forceNew: true
	});
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (error) => {
			socket.close();
			reject(error);
		});
	});
}
