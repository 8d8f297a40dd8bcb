/**
 * Forbidden attempts are kept for the audit (`refusals`) and said in the server's log, sampled
 * (src/lib/server/commands/refusals.ts): a display link photographed off a TV and flooding
 * forbidden notices leaves its first 20 a minute one by one, then one row with the count.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { runFrom, type Actor, type CommandResult } from '../support/command';
import { givenTheDemoScenario } from '../support/given';

const hall: Actor = { kind: 'display', linkId: 'sanh-a', name: 'Sảnh A', unitId: null };

interface RefusalRow {
	type: string;
	code: string;
	actor_label: string;
	times: number;
}

const refusals = () =>
	db().prepare('SELECT type, code, actor_label, times FROM refusals ORDER BY id').all() as RefusalRow[];

let warned: string[];

beforeEach(async () => {
	await givenTheDemoScenario();
	warned = [];
	vi.spyOn(console, 'warn').mockImplementation((line: string) => void warned.push(line));
});

afterEach(() => {
	vi.restoreAllMocks();
});

/** `n` forbidden notices from the hall's screen, sent together. */
const flood = (n: number): Promise<CommandResult[]> =>
	Promise.all(
		Array.from({ length: n }, () =>
			runFrom({ clientId: 'screen-1', ip: '10.0.0.66' }, hall, 'notice.post', { body: 'Mời mọi người ra về' })
		)
	);

describe('a flood of forbidden commands', () => {
	it('1,000 in a minute leave the first 20 and one count, in the table and in the log', async () => {
		const answers: CommandResult[] = [];
		// 250 every 15 s: within the rate limit, so every one is judged (and forbidden)
		for (let i = 0; i < 4; i++) {
			if (i) vi.setSystemTime(Date.now() + 15_000);
			answers.push(...(await flood(250)));
		}
		expect(new Set(answers.map((a) => (a.ok ? 'ok' : a.code)))).toEqual(new Set(['forbidden']));
		expect(refusals()).toHaveLength(20);

		// the minute ends: its count is written even though the flood has stopped
		vi.advanceTimersByTime(61_000);

		const rows = refusals();
		expect(rows).toHaveLength(21);
		expect(rows.every((r) => r.type === 'notice.post' && r.code === 'forbidden')).toBe(true);
		expect(rows.every((r) => r.actor_label === 'Màn hình Sảnh A')).toBe(true);
		expect(rows.at(-1)!.times).toBe(980);
		expect(rows.reduce((sum, r) => sum + r.times, 0)).toBe(1000);
		const lines = warned.filter((line) => line.includes('refused notice.post'));
		expect(lines).toHaveLength(21);
		expect(lines.at(-1)).toContain('…và 980 lần nữa');
	});

	it('the next minute starts again with its own first 20', async () => {
		await flood(30);
		vi.setSystemTime(Date.now() + 61_000);
		await flood(30);
		vi.advanceTimersByTime(61_000);

		expect(refusals().map((r) => r.times)).toEqual([...Array(20).fill(1), 10, ...Array(20).fill(1), 10]);
	});
});
