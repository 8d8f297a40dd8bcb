/**
 * What a reconnecting screen is sent: the events its rooms may see after its last seq, read from
 * the room index (not a scan of every event's audience), a page at a time.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/lib/server/db/migrations';
import { appendEvent, missedEvents, recentEvents, type NewEvent } from '../../../src/lib/server/events/log';
import { freshDatabase } from '../support/database';
import type { Db } from '../../../src/lib/server/db';

let database: Db;
let next = 0;

function append(audience: string[], to: Db = database): number {
	next++;
	const event: NewEvent = {
		commandId: crypto.randomUUID(),
		commandHash: 'h',
		type: 'notice.posted',
		data: { n: next },
		audience,
		actorUserId: null,
		actorLabel: 'test',
		actorRole: 'system',
		clientId: null,
		ip: null,
		demo: false,
		at: next,
		dayAt: next
	};
	return appendEvent(to, event).seq;
}

beforeEach(() => {
	database = freshDatabase();
});

describe("a catch-up reads only its rooms' events", () => {
	it('gives each room exactly the events addressed to it, in order, each once', () => {
		const ward = append(['unit:phuong-a', 'ops']);
		append(['unit:phuong-b', 'ops']);
		const everyone = append(['staff', 'ops', 'display']);
		append(['admin']);
		const both = append(['unit:phuong-a', 'staff']);

		const missed = missedEvents(database, 0, ['unit:phuong-a', 'staff'], 100, 100);
		expect(missed?.events.map((e) => e.seq)).toEqual([ward, everyone, both]);
		expect(missed?.more).toBe(false);
		expect(
			missedEvents(database, everyone, ['unit:phuong-a', 'staff'], 100, 100)?.events.map((e) => e.seq)
		).toEqual([both]);
		expect(missedEvents(database, 0, ['gate'], 100, 100)?.events).toEqual([]);
	});

	it('answers a page at a time, and nothing (reload) when more than the most are missed', () => {
		const seqs = Array.from({ length: 12 }, () => append(['display']));
		const first = missedEvents(database, 0, ['display'], 5, 20);
		expect(first?.events.map((e) => e.seq)).toEqual(seqs.slice(0, 5));
		expect(first?.more).toBe(true);
		const last = missedEvents(database, seqs[9], ['display'], 5, 20);
		expect([last?.events.map((e) => e.seq), last?.more]).toEqual([seqs.slice(10), false]);
		expect(missedEvents(database, 0, ['display'], 5, 11)).toBeNull();
	});

	it('counts an event seen by two of its rooms once when judging too many missed', () => {
		// 6 to both rooms, 3 to each alone: 12 for a screen in both, though the rooms hold 9 each
		for (let i = 0; i < 6; i++) append(['ops', 'display']);
		for (let i = 0; i < 3; i++) append(['ops']);
		for (let i = 0; i < 3; i++) append(['display']);
		expect(missedEvents(database, 0, ['ops', 'display'], 5, 12)?.more).toBe(true);
		expect(missedEvents(database, 0, ['ops', 'display'], 5, 11)).toBeNull();
		expect(missedEvents(database, 0, ['ops', 'display', 'ops'], 20, 12)?.events).toHaveLength(12);
		expect(missedEvents(database, 0, ['ops'], 5, 9)?.events).toHaveLength(5);
		expect(missedEvents(database, 0, ['ops'], 5, 8)).toBeNull();
		expect(missedEvents(database, 0, [], 5, 0)?.events).toEqual([]);
	});

	it("a page's latest events for a feed, oldest first", () => {
		const seqs = Array.from({ length: 6 }, (_, i) => append(i % 2 ? ['ops'] : ['display']));
		expect(recentEvents(database, ['ops'], 2).map((e) => e.seq)).toEqual([seqs[3], seqs[5]]);
	});

	it('indexes the events of a database written before the room index', () => {
		const old = new Database(':memory:') as Db;
		migrate(old, 8); // as the release before the index left it
		const insert = old.prepare(
			`INSERT INTO events (command_id, command_hash, type, data, audience, actor_label, actor_role, at)
			 VALUES (?, 'h', 'notice.posted', '{}', ?, 'test', 'system', 0) RETURNING seq`
		);
		const seqOf = (audience: string[]) =>
			(insert.get(crypto.randomUUID(), JSON.stringify(audience)) as { seq: number }).seq;
		const a = seqOf(['unit:phuong-a', 'ops']);
		const b = seqOf(['display']);
		migrate(old);
		expect(missedEvents(old, 0, ['unit:phuong-a'], 10, 10)?.events.map((e) => e.seq)).toEqual([a]);
		expect(missedEvents(old, 0, ['display', 'ops'], 10, 10)?.events.map((e) => e.seq)).toEqual([a, b]);
		old.close();
	});
});
