import { describe, expect, it } from 'vitest';
import { Strikes } from '../../src/lib/server/realtime/strikes';

describe('a connection asking on past its "not now" answers', () => {
	it('is let go after a hundred refusals in a row, and its sign-in waits the cool-down', () => {
		const strikes = new Strikes(30);
		const t = 1_000_000;
		for (let i = 0; i < 100; i++) expect(strikes.strike('socket-1', 'session:a', t)).toBe(false);
		expect(strikes.strike('socket-1', 'session:a', t)).toBe(true);
		expect(strikes.coolingFor('session:a', t + 1_000)).toBe(29_000);
		expect(strikes.coolingFor('session:b', t + 1_000)).toBe(0);
		expect(strikes.coolingFor('session:a', t + 30_000)).toBe(0);
	});

	it('forgives refusals spread out as a page that waits as told earns them', () => {
		const strikes = new Strikes(30);
		// one every 250 ms for ten minutes: within the 5 a second it gets back
		for (let i = 0; i < 2400; i++) expect(strikes.strike('socket-1', 'session:a', i * 250)).toBe(false);
	});

	it('never lets go when the cool-down is 0', () => {
		const strikes = new Strikes(0);
		for (let i = 0; i < 1000; i++) expect(strikes.strike('socket-1', 'session:a', 0)).toBe(false);
	});
});
