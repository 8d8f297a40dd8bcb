import { describe, expect, it } from 'vitest';
import { FanOut } from '../../src/lib/server/realtime/fan-out';

const sockets = (count: number, prefix = 's') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const turn = () => new Promise((resolve) => setImmediate(resolve));
async function drained(fanOut: FanOut) {
	while (fanOut.pending) await turn();
}
/** A write that takes the time a socket's system call takes on a slow machine. */
function writeFor(ms: number) {
	const until = performance.now() + ms;
	while (performance.now() < until);
}

describe('events going out a few sockets at a time', () => {
	it('sends to a small audience at once, with nothing queued', () => {
		const fanOut = new FanOut({ turnMs: 5, step: 25 });
		const got: string[][] = [];
		fanOut.send(sockets(60), (to) => got.push(to));
		expect(got.flat()).toEqual(sockets(60));
		expect(fanOut.pending).toBe(0);
	});

	it('lets the event loop answer others between turns when writing takes long', async () => {
		const fanOut = new FanOut({ turnMs: 5, step: 10 });
		const log: string[] = [];
		// 200 sockets at 0.1 ms a write: 20 ms of writes, at most 5 ms a turn
		fanOut.send(sockets(200), (to) => {
			writeFor(to.length * 0.1);
			log.push(`step of ${to.length}`);
		});
		const sentAtOnce = log.length;
		expect(sentAtOnce).toBeLessThan(20);
		// a gate's command arriving meanwhile: answered before the audience has it all
		setImmediate(() => log.push('gate answered'));
		await drained(fanOut);
		expect(log.filter((l) => l.startsWith('step'))).toHaveLength(20);
		expect(log.indexOf('gate answered')).toBeGreaterThanOrEqual(sentAtOnce);
		expect(log.indexOf('gate answered')).toBeLessThan(log.length - 1);
	});

	it('gives every socket its events in the order they were sent, each once', async () => {
		const fanOut = new FanOut({ turnMs: 1, step: 20 });
		const received = new Map<string, number[]>();
		const everyone = sockets(1000);
		const sendEvent = (seq: number, audience: string[]) =>
			fanOut.send(audience, (to) => {
				writeFor(0.05);
				for (const socket of to) received.set(socket, [...(received.get(socket) ?? []), seq]);
			});
		sendEvent(1, everyone);
		sendEvent(2, everyone.slice(0, 5)); // small, but behind the first: queued, not sent ahead
		sendEvent(3, everyone);
		expect(fanOut.pending).toBeGreaterThan(0);
		await turn();
		sendEvent(4, everyone.slice(900));
		await drained(fanOut);
		expect(received.get('s0')).toEqual([1, 2, 3]);
		expect(received.get('s999')).toEqual([1, 3, 4]);
		expect(received.get('s500')).toEqual([1, 3]);
		expect(
			[...received.values()].every((seqs) => seqs.join() === [...seqs].sort((a, b) => a - b).join())
		).toBe(true);
	});

	it('goes on past a send that throws', async () => {
		const fanOut = new FanOut({ turnMs: 5, step: 10 });
		const got: number[] = [];
		fanOut.send(sockets(20), () => {
			throw new Error('socket gone');
		});
		fanOut.send(sockets(20), (to) => got.push(to.length));
		await drained(fanOut);
		expect(got).toEqual([10, 10]);
	});
});
