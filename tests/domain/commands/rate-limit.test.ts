/**
 * How fast one client may send commands (src/lib/server/commands/rate-limit.ts), with the
 * defaults: a socket 300 at once then 20 a second, an account or display link twice that over
 * all its sockets. A tablet flushing its outbox after a dead spot gets through; a flood is
 * refused as rate_limited, told when to retry, and leaves nothing behind.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { latestNotices } from '../../../src/lib/server/notices/store';
import { run, runFrom, type Actor, type CommandResult } from '../support/command';
import { databaseContents, refusalCount } from '../support/database';
import { commandLine, givenTheDemoScenario, signedIn, type Person } from '../support/given';

let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario();
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

/** `n` commands sent together from `clientId` (null: a form, no socket); cheap ones are refused as invalid. */
function burst(actor: Actor, clientId: string | null, n: number, kind: 'accepted' | 'cheap' = 'cheap') {
	return Promise.all(
		Array.from({ length: n }, (_, i) =>
			runFrom({ clientId }, actor, 'notice.post', { body: kind === 'cheap' ? '' : `Thông báo ${i}` })
		)
	);
}

const codes = (results: CommandResult[]) => new Set(results.map((r) => (r.ok ? 'ok' : r.code)));

const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('a socket', () => {
	it('flushing an outbox of 300 commands at once gets every one through', async () => {
		const results = await burst(coordinator, 'tablet-1', 300, 'accepted');

		expect(codes(results)).toEqual(new Set(['ok']));
		expect(latestNotices(db(), 500)).toHaveLength(300);
	});

	it('past its burst is refused as rate_limited, told when to retry, and nothing is written', async () => {
		await burst(coordinator, 'tablet-1', 300);
		const before = databaseContents();
		const refusals = refusalCount();

		const result = await runFrom({ clientId: 'tablet-1' }, coordinator, 'notice.post', { body: 'Một nữa' });

		expect(result).toEqual({
			ok: false,
			code: 'rate_limited',
			message: 'Gửi quá nhanh, hãy thử lại sau 1 giây.',
			retryInMs: 50
		});
		expect(databaseContents()).toEqual(before);
		expect(refusalCount()).toBe(refusals);
	});

	it('refills with time: a second later, a second’s worth (20) goes through, then no more', async () => {
		await burst(coordinator, 'tablet-1', 300);
		expect(codes(await burst(coordinator, 'tablet-1', 1))).toEqual(new Set(['rate_limited']));

		later(1000);
		const again = await burst(coordinator, 'tablet-1', 21, 'accepted');

		expect(again.slice(0, 20).every((r) => r.ok)).toBe(true);
		expect(again[20]).toMatchObject({ ok: false, code: 'rate_limited' });
	});
});

describe('an account', () => {
	it('may spend two sockets’ worth over all its sockets and forms, and no more', async () => {
		expect(codes(await burst(coordinator, 'laptop', 300))).toEqual(new Set(['invalid']));
		expect(codes(await burst(coordinator, 'phone', 300))).toEqual(new Set(['invalid']));

		const third = await runFrom({ clientId: 'tablet' }, coordinator, 'notice.post', {
			body: 'Từ máy thứ ba'
		});
		const form = await run(coordinator, 'notice.post', { body: 'Từ một biểu mẫu' });

		// the account's bucket refills 40 a second: a token in 25 ms
		expect(third).toMatchObject({ ok: false, code: 'rate_limited', retryInMs: 25 });
		expect(form).toMatchObject({ ok: false, code: 'rate_limited' });
		expect(latestNotices(db(), 10)).toEqual([]);
	});

	it('that floods does not hold up another account', async () => {
		await burst(coordinator, 'laptop', 300);
		await burst(coordinator, 'phone', 300);
		const colleague = signedIn('coordinator', { unitId: 'ttvh-tt' });

		expect(
			await runFrom({ clientId: 'other' }, colleague, 'notice.post', { body: 'Vẫn gửi được' })
		).toMatchObject({ ok: true });
	});

	it('a display link is limited as one, over every screen that opened it', async () => {
		const hall: Actor = { kind: 'display', linkId: 'sanh-a', name: 'Sảnh A', unitId: null };
		await burst(hall, 'screen-1', 300);
		await burst(hall, 'screen-2', 300);

		expect(await runFrom({ clientId: 'screen-3' }, hall, 'notice.post', { body: 'x' })).toMatchObject({
			ok: false,
			code: 'rate_limited'
		});
	});
});

describe('the server’s own commands', () => {
	it('are never limited: the command line, the demo simulator', async () => {
		const simulator = await Promise.all(
			Array.from({ length: 700 }, () => runFrom({ demo: true }, coordinator, 'notice.post', { body: '' }))
		);
		const system = await burst(commandLine, null, 700);

		expect(codes(simulator)).toEqual(new Set(['invalid']));
		expect(codes(system)).toEqual(new Set(['invalid']));
	});
});
