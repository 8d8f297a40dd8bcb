/** A client as a browser or a phone is: session cookie from the real login form, real socket.io. */
import { io, type Socket } from 'socket.io-client';
import type {
	ClientToServerEvents,
	CommandResult,
	LiveEvent,
	ServerToClientEvents,
	SyncResult
} from '../../src/lib/types';
import { demoPassword } from './server';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface LoginResult {
	status: number;
	cookie: string | null;
	location: string | null;
	body: string;
}

/** Posts the login form as a browser without JavaScript would. */
export async function postLogin(
	url: string,
	username: string,
	password = demoPassword
): Promise<LoginResult> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
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

export async function login(url: string, username: string, password = demoPassword): Promise<string> {
	const result = await postLogin(url, username, password);
	if (!result.cookie) throw new Error(`login as ${username} failed: ${result.status}`);
	return result.cookie;
}

export function connect(
	url: string,
	cookie: string | null,
	as: 'user' | 'display' = 'user'
): Promise<TestSocket> {
	const socket: TestSocket = io(url, {
		transports: ['websocket'],
		extraHeaders: cookie ? { cookie } : {},
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

export function command(
	socket: TestSocket,
	type: string,
	payload: unknown,
	id: string = crypto.randomUUID()
): Promise<CommandResult> {
	return socket.timeout(15_000).emitWithAck('command', { id, type, payload });
}

export function sync(socket: TestSocket, afterSeq: number): Promise<SyncResult> {
	return socket.timeout(15_000).emitWithAck('sync', afterSeq);
}

/** Every live event the socket receives, in order. */
export function collect(socket: TestSocket): LiveEvent[] {
	const events: LiveEvent[] = [];
	socket.on('event', (event) => events.push(event));
	return events;
}

export async function waitFor<T>(check: () => T | undefined | false, timeout = 5000): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = check();
		if (value) return value;
		if (Date.now() - started > timeout) throw new Error('timed out waiting');
		await new Promise((r) => setTimeout(r, 25));
	}
}

export function notice(body: string, targetUnitIds: string[] | null = null) {
	return { body, urgent: false, targetUnitIds };
}
