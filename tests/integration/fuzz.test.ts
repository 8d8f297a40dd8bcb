/**
 * Random and half-right payloads against every socket command, as each role: the server never
 * fails (no "internal", no crash), every refusal has a code and a message, and a refused
 * command changes nothing (no event of its own in the log). FUZZ_CASES sets the number of cases
 * (300 here, 10,000 in a long run).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandSchemas } from '../../src/lib/commands';
import { command, connect, login, type TestSocket } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

const cases = Number(process.env.FUZZ_CASES ?? 300);
const roles = ['admin', 'ttvh', 'lanhdao', 'phuong-tan-kieng', 'thcs-tan-kieng', 'xe-tan-kieng', 'cong-1'];
const types = Object.keys(commandSchemas);
const codes = [
	'bad_request',
	'invalid',
	'unknown_command',
	'forbidden',
	'unauthenticated',
	'not_found',
	'conflict',
	'rate_limited'
];

let server: TestServer;
const sockets = new Map<string, TestSocket>();

/** Whether a command left an event in the log (background jobs write too: count only its own). */
function logged(commandId: string): boolean {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return !!db.prepare('SELECT 1 FROM events WHERE command_id = ?').get(commandId);
	} finally {
		db.close();
	}
}

/** Values a careless or hostile client sends: wrong types, huge, nested, near-valid ids. */
const junk = fc.oneof(
	fc.anything({ maxDepth: 4 }),
	fc.string({ maxLength: 2000 }),
	fc.constantFrom(
		null,
		-1,
		1e308,
		Number.NaN,
		'',
		' ',
		'0',
		'phuong-tan-kieng',
		'xe-tan-kieng',
		'../../etc/passwd',
		'<script>',
		'🙂'
	),
	fc.uuid()
);
const payload = fc.oneof(
	fc.dictionary(
		fc.constantFrom(
			'unitId',
			'itemId',
			'truckId',
			'body',
			'figures',
			'uploads',
			'layout',
			'linkId',
			'inviteeId',
			'count',
			'groupId',
			'note',
			'at',
			'scenario'
		),
		junk,
		{ maxKeys: 5 }
	),
	junk
);

beforeAll(async () => {
	// every case judged, none throttled: a long run sends thousands from each role's socket
	server = await startServer({ env: { KHAIMAC_COMMAND_RATE: '0' } });
	for (const name of roles) sockets.set(name, await connect(server.url, await login(server.url, name)));
});

afterAll(async () => {
	for (const s of sockets.values()) s.close();
	await removeServer(server);
});

describe('fuzzing the socket commands', () => {
	it(`survives ${cases} random commands from every role, refusing each clearly and changing nothing`, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...roles),
				fc.oneof(fc.constantFrom(...types), fc.string({ maxLength: 40 })),
				payload,
				async (role, type, body) => {
					const id = crypto.randomUUID();
					const answer = await command(sockets.get(role)!, type, body, id);
					if (answer.ok) return; // a random payload may be valid and allowed (a notice, say)
					expect(codes).toContain(answer.code);
					expect(typeof answer.message).toBe('string');
					expect(answer.message.length).toBeGreaterThan(0);
					expect(logged(id)).toBe(false);
				}
			),
			{ numRuns: cases, seed: Number(process.env.FUZZ_SEED ?? 20241003) }
		);
		// and it still answers
		expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
		expect(server.log()).not.toMatch(/\[command\] .* failed/);
	}, 120_000);

	it('refuses envelopes that are not commands at all, and names that only look like one', async () => {
		const socket = sockets.get('ttvh')!;
		// found by this fuzzer: Object.prototype's names were taken for commands
		for (const type of ['toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty'])
			expect(await command(socket, type, {})).toMatchObject({ ok: false, code: 'unknown_command' });
		for (const bad of [
			null,
			42,
			'x',
			[],
			{ id: 'not-a-uuid', type: 'notice.post', payload: {} },
			{ id: crypto.randomUUID() }
		]) {
			const answer = await socket.timeout(5000).emitWithAck('command', bad as never);
			expect(answer).toMatchObject({ ok: false, code: 'bad_request' });
		}
	});
});
