/**
 * A client as a browser or a phone is: session cookie from the real login form, real socket.io.
 * Login and connect are the harness's, shared with the benches (tests/harness/client.js).
 */
import type { CommandResult, LiveEvent, SyncResult } from '../../src/lib/types';
import type { AppSocket } from '../harness/client.js';

export { connect, login, postLogin, type LoginResult } from '../harness/client.js';
export { chunkedBody } from '../harness/bodies.js';

export type TestSocket = AppSocket;

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
