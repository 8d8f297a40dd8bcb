/**
 * Known devices: a browser that signed in to an account holds a token the account recognises
 * (only its hash is stored), renewed at each sign-in; an account keeps its newest 50.
 */
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { isKnownDevice, rememberDevice } from '../../../src/lib/server/auth/devices';
import { signedIn } from '../support/given';

const devices = () => db().prepare('SELECT id, user_id FROM login_devices').all() as { id: string }[];

describe('known devices', () => {
	it("are known to their own account only, and keep only the token's hash", () => {
		const gate = signedIn('gate_staff');
		const other = signedIn('gate_staff');
		const token = rememberDevice(db(), gate.userId, undefined);
		expect(isKnownDevice(db(), token, gate.userId)).toBe(true);
		expect(isKnownDevice(db(), token, other.userId)).toBe(false);
		expect(isKnownDevice(db(), undefined, gate.userId)).toBe(false);
		expect(JSON.stringify(devices())).not.toContain(token);
	});

	it('get a new token at each sign-in, the one shown is forgotten', () => {
		const gate = signedIn('gate_staff');
		const first = rememberDevice(db(), gate.userId, undefined);
		const second = rememberDevice(db(), gate.userId, first);
		expect(isKnownDevice(db(), first, gate.userId)).toBe(false);
		expect(isKnownDevice(db(), second, gate.userId)).toBe(true);
		expect(devices()).toHaveLength(1);
	});

	it('are at most 50 an account, the oldest dropped first', () => {
		const gate = signedIn('gate_staff');
		const start = Date.now();
		const tokens = Array.from({ length: 60 }, (_, i) =>
			rememberDevice(db(), gate.userId, undefined, start + i)
		);
		expect(devices()).toHaveLength(50);
		expect(isKnownDevice(db(), tokens[9], gate.userId, start + 60)).toBe(false);
		expect(isKnownDevice(db(), tokens[10], gate.userId, start + 60)).toBe(true);
	});

	it('are forgotten after 400 days without a sign-in', () => {
		const gate = signedIn('gate_staff');
		const token = rememberDevice(db(), gate.userId, undefined);
		expect(isKnownDevice(db(), token, gate.userId, Date.now() + 399 * 86_400_000)).toBe(true);
		expect(isKnownDevice(db(), token, gate.userId, Date.now() + 401 * 86_400_000)).toBe(false);
	});
});
