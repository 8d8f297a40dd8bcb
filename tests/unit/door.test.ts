import type { IncomingMessage } from 'node:http';
import { describe, expect, it, vi } from 'vitest';
import { Door } from '../../src/lib/server/realtime/door';
import { Strikes } from '../../src/lib/server/realtime/strikes';
import { hashToken } from '../../src/lib/server/auth/session';

/** A handshake's first request as engine.io hands it to allowRequest. */
const handshake = (cookie: string, address = '10.0.0.9') =>
	({ headers: { cookie }, socket: { remoteAddress: address } }) as unknown as IncomingMessage;

/** Lets `signIn` earn its way out: a hundred and one refusals in a row. */
function coolDown(strikes: Strikes, signIn: string, now: number) {
	for (let i = 0; i <= 100; i++) strikes.strike('socket-1', signIn, now);
}

describe('the door before the handshake', () => {
	const t = 1_000_000;

	it('lets a cooling session on once to be told with its code, then turns it away until ten seconds on', () => {
		const strikes = new Strikes(30);
		const door = new Door(strikes);
		coolDown(strikes, `session:${hashToken('abc')}`, t);
		expect(door.turnAway(handshake('km_session=abc'), t)).toBeNull();
		expect(door.enter(`session:${hashToken('abc')}`, '10.0.0.9', t)).toEqual({
			refusal: { code: 'too_many_requests', retryInMs: 30_000 }
		});
		expect(door.turnAway(handshake('km_session=abc'), t + 10)).toBe('too_many_requests');
		expect(door.turnAway(handshake('km_session=abc'), t + 9_000)).toBe('too_many_requests');
		expect(door.turnAway(handshake('km_session=abc'), t + 10_000)).toBeNull();
		// another session, and no session at all, pass
		expect(door.turnAway(handshake('km_session=other'), t + 10)).toBeNull();
		expect(door.turnAway(handshake(''), t + 10)).toBeNull();
		// cooled down: in again
		expect(door.turnAway(handshake('km_session=abc'), t + 30_000)).toBeNull();
		expect(door.turnAway(handshake('km_session=abc'), t + 30_001)).toBeNull();
	});

	it('knows a display link only by a token it has seen authenticated', () => {
		const strikes = new Strikes(30);
		const door = new Door(strikes);
		coolDown(strikes, 'link:l1', t);
		expect(door.turnAway(handshake('km_display=tok'), t)).toBeNull();
		expect(door.turnAway(handshake('km_display=tok'), t)).toBeNull();
		door.learnLink('tok', 'link:l1');
		expect(door.turnAway(handshake('km_display=tok'), t)).toBeNull(); // told once more
		expect(door.turnAway(handshake('km_display=tok'), t)).toBe('too_many_requests');
	});

	it('turns away a sign-in with all its places taken, and lets it in when one is given back', () => {
		const door = new Door(new Strikes(30));
		const signIn = `session:${hashToken('abc')}`;
		const held = Array.from({ length: 20 }, () => door.enter(signIn, '10.0.0.9', t));
		expect(held.every((entered) => 'giveBack' in entered)).toBe(true);
		expect(door.enter(signIn, '10.0.0.9', t)).toEqual({ refusal: { code: 'too_many_connections' } });
		expect(door.turnAway(handshake('km_session=abc'), t)).toBeNull();
		expect(door.turnAway(handshake('km_session=abc'), t)).toBe('too_many_connections');
		const first = held[0];
		if ('giveBack' in first) {
			first.giveBack();
			first.giveBack(); // gives once
		}
		expect(door.turnAway(handshake('km_session=abc'), t)).toBeNull();
		expect('giveBack' in door.enter(signIn, '10.0.0.9', t)).toBe(true);
		expect(door.enter(signIn, '10.0.0.9', t)).toEqual({ refusal: { code: 'too_many_connections' } });
	});

	it('answers a turned-away handshake a second late, and at once when 512 are already waiting', () => {
		vi.useFakeTimers();
		try {
			const door = new Door(new Strikes(30));
			const answered: number[] = [];
			for (let i = 0; i < 513; i++) door.answerLater(() => answered.push(i));
			expect(answered).toEqual([512]);
			vi.advanceTimersByTime(999);
			expect(answered).toHaveLength(1);
			vi.advanceTimersByTime(1);
			expect(answered).toHaveLength(513);
			// the places are free again: the next one waits
			door.answerLater(() => answered.push(513));
			expect(answered).toHaveLength(513);
			vi.advanceTimersByTime(1000);
			expect(answered.at(-1)).toBe(513);
		} finally {
			vi.useRealTimers();
		}
	});
});
