/**
 * Before every domain test: a fresh in-memory database behind `db()`.
 *
 * Two things are faked for the whole project:
 * - setInterval: a test that starts the fleet watcher (trucks/watcher.ts) for what it does on a
 *   committed event must not get its heartbeat too (once a second it looks at the clock and
 *   sends system commands of its own). What the heartbeat finds (stale, off route, late) is
 *   tested directly on Fleet (tests/domain/trucks/fleet.test.ts).
 * - Date: the clock stands still unless a test moves it (vi.setSystemTime), so "the day is at
 *   07:20" (givenDayTime) means exactly 07:20 when the command runs. Each test starts at 06:00
 *   on the opening day, 3 October 2024 (the real clock, before any givenDayTime).
 * setImmediate and promises stay real: commands commit on setImmediate (group-commit.ts).
 *
 * What the command path keeps in memory about senders (rate-limit buckets, refusal counts) starts
 * empty too: the clock restarts at 06:00 and user ids restart at 1 with each database.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { commandLimits } from '../../../src/lib/server/commands/rate-limit';
import { forgetRefusals } from '../../../src/lib/server/commands/refusals';
import { freshDatabase } from './database';
import { settled } from './eventually';

vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });

beforeEach(() => {
	vi.setSystemTime(Date.parse('2024-10-03T06:00:00+07:00'));
	freshDatabase();
	commandLimits.clear();
	forgetRefusals();
});

// what a test set going (a system command after a committed event) lands in its own database
afterEach(settled);
