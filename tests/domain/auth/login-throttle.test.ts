/**
 * Login throttling slows a guesser down and locks nobody out: failures count per (account,
 * address) and, more loosely, per address; past the free ones each try waits twice as long,
 * up to a minute; the owner from another address never waits for a stranger's failures, nor a
 * browser that signed in to the account before (a known device) for the address's. Tries sent
 * in parallel are judged in turn.
 */
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import {
	clearFailures,
	loginLimits,
	recordFailure,
	retryAfterSeconds
} from '../../../src/lib/server/auth/rate-limit';
import { takeTurn } from '../../../src/lib/server/auth/login-turn';
import type { Limit } from '../../../src/lib/server/auth/rate-limit';

const stranger = '203.0.113.5';
const owner = '198.51.100.20';
const start = Date.parse('2024-10-03T06:00:00+07:00');

/** `n` failures for `username` from `ip`, each one as soon as the previous wait allowed it */
function fail(username: string, ip: string, n: number, from = start): number {
	let now = from;
	for (let i = 0; i < n; i++) {
		now += retryAfterSeconds(db(), loginLimits(username, ip), now) * 1000;
		recordFailure(db(), loginLimits(username, ip), now);
	}
	return now;
}

const waitAt = (username: string, ip: string, now: number) =>
	retryAfterSeconds(db(), loginLimits(username, ip), now);

describe('login throttling', () => {
	it('lets five tries fail freely, then waits 2, 4, 8 … seconds between tries, never over a minute', () => {
		let now = fail('admin', stranger, 4);
		expect(waitAt('admin', stranger, now)).toBe(0);
		const waits = [];
		for (let i = 0; i < 8; i++) {
			now = fail('admin', stranger, 1, now);
			waits.push(waitAt('admin', stranger, now));
		}
		expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60]);
	});

	it("never holds up the owner signing in from another address, however many the stranger's failures", () => {
		const now = fail('admin', stranger, 30);
		expect(waitAt('admin', stranger, now)).toBeGreaterThan(0);
		expect(waitAt('admin', owner, now)).toBe(0);
	});

	it('slows an address trying many accounts after 20 failures, not other addresses', () => {
		let now = start;
		for (let i = 0; i < 20; i++) now = fail(`khong-co-${i}`, stranger, 1, now);
		expect(waitAt('phuong-tan-phu', stranger, now)).toBe(2);
		expect(waitAt('phuong-tan-phu', owner, now)).toBe(0);
	});

	it('forgets failures older than the window, and a right password clears its own pair', () => {
		const now = fail('admin', stranger, 10);
		expect(waitAt('admin', stranger, now + 16 * 60_000)).toBe(0);
		clearFailures(db(), loginLimits('admin', stranger)[0]);
		expect(waitAt('admin', stranger, now)).toBe(0);
	});

	it('lets a known device of the account skip the address, not its own pair with the address', () => {
		let now = start;
		for (let i = 0; i < 20; i++) now = fail(`khong-co-${i}`, stranger, 1, now);
		expect(retryAfterSeconds(db(), loginLimits('cong-1', stranger, true), now)).toBe(0);
		now = fail('cong-1', stranger, 5, now);
		expect(retryAfterSeconds(db(), loginLimits('cong-1', stranger, true), now)).toBe(2);
	});
});

/** `n` tries at once through takeTurn, each judged (`wrong` or right) a moment after its turn. */
async function tryAtOnce(limits: Limit[], n: number, wrong: boolean) {
	return Promise.all(
		Array.from({ length: n }, async () => {
			const turn = await takeTurn(db(), limits);
			if (turn.refused) return 'waits';
			await new Promise((resolve) => setTimeout(resolve, 5)); // the password being verified
			turn.judged(wrong);
			return wrong ? 'wrong' : 'signed in';
		})
	);
}

describe('tries sent at once', () => {
	it('judge no more wrong passwords than the free number; the rest are told to wait', async () => {
		const answers = await tryAtOnce(loginLimits('admin', stranger), 50, true);
		expect(answers.filter((a) => a === 'wrong')).toHaveLength(5);
		expect(answers.filter((a) => a === 'waits')).toHaveLength(45);
	});

	it('do not turn right passwords away: 30 staff behind one address signing in together all get in', async () => {
		const answers = await Promise.all(
			Array.from({ length: 30 }, (_, i) => tryAtOnce(loginLimits(`nhan-vien-${i}`, stranger), 1, false))
		);
		expect(answers.flat()).toEqual(Array(30).fill('signed in'));
	});
});
