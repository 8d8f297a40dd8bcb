import { describe, expect, it } from 'vitest';
import { FairQueue, QueueFull } from '../../src/lib/server/photos/fair-queue';

/** Work that finishes when told to. */
function gate() {
	let open!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	return { open, opened };
}

describe('the fair queue', () => {
	it('takes lanes in turn, the one served longest ago first, and refuses past the waiting cap', async () => {
		const queue = new FairQueue(1, 3);
		const order: string[] = [];
		const first = gate();
		const run = (lane: string, name: string, wait: Promise<void> = Promise.resolve()) =>
			queue.run(lane, async () => {
				order.push(name);
				await wait;
			});
		const all = [run('a', 'a1', first.opened), run('a', 'a2'), run('a', 'a3'), run('a', 'a4')];
		// asked before a photo's bytes are read: the full lane has no room, another lane has
		expect([queue.hasRoom('a'), queue.hasRoom('b')]).toEqual([false, true]);
		await expect(run('a', 'a5')).rejects.toBeInstanceOf(QueueFull);
		all.push(run('b', 'b1'), run('c', 'c1'), run('b', 'b2'));
		expect(queue.waiting).toBe(6);
		first.open();
		await Promise.all(all);
		expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
		expect(queue.waiting).toBe(0);
	});

	it('a failing job frees its slot', async () => {
		const queue = new FairQueue(1, 8);
		await expect(queue.run('a', () => Promise.reject(new Error('broken')))).rejects.toThrow('broken');
		expect(await queue.run('a', async () => 'next')).toBe('next');
	});
});
