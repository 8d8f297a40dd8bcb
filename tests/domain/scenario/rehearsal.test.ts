/**
 * Importing a plan "to rehearse on date D": the whole plan moves so that its first day is D, the
 * event is stored as a rehearsal (it survives a restart: it is in the database), and the export
 * writes the moved plan, still marked, which imports again as the same rehearsal.
 */
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/lib/scenario/schema';
import { ceremonySetup } from '../../../src/lib/server/ceremony/store';
import { listItemSpecs } from '../../../src/lib/server/checklists/store';
import { db } from '../../../src/lib/server/db';
import {
	currentEvent,
	exportScenario,
	listMilestones,
	listRoutes
} from '../../../src/lib/server/scenario/store';
import { accepted, run } from '../support/command';
import { databaseContents } from '../support/database';
import { signedIn, type Person } from '../support/given';

const city = (): ScenarioInput => JSON.parse(fs.readFileSync('data/scenarios/hcm-2020.json', 'utf8'));

let admin: Person;

beforeEach(() => {
	admin = signedIn('admin');
});

describe('a 2020 plan rehearsed on 3 December 2026', () => {
	it('is stored moved to that day, every part of it, marked as a rehearsal', async () => {
		await accepted(run(admin, 'scenario.import', { scenario: city(), rehearseOn: '2026-12-03' }));

		const event = currentEvent(db())!;
		expect(event).toMatchObject({
			startDate: '2026-12-03',
			endDate: '2026-12-10',
			reportDeadline: '2026-12-17T17:00:00+07:00',
			rehearsal: { originalStartDate: '2020-09-30' }
		});
		expect(listMilestones(db())[0].at).toBe('2026-12-03T06:30:00+07:00');
		expect(ceremonySetup(db())!.startsAt).toBe('2026-12-03T07:30:00+07:00');
		expect(listRoutes(db())[0].checkpoints[0].plannedAt).toBe('2026-12-03T06:03:00+07:00');
		expect(listItemSpecs(db()).every((item) => item.deadline.startsWith('2026-12-'))).toBe(true);
	});

	it('exports the rehearsal, which imports again as the same rehearsal', async () => {
		await accepted(run(admin, 'scenario.import', { scenario: city(), rehearseOn: '2026-12-03' }));
		const exported = exportScenario(db())!;

		await accepted(run(admin, 'scenario.import', { scenario: exported }));

		expect(exportScenario(db())).toEqual(exported);
		expect(currentEvent(db())!.rehearsal).toEqual({ originalStartDate: '2020-09-30' });
	});

	it('is not a rehearsal when imported without a date', async () => {
		await accepted(run(admin, 'scenario.import', { scenario: city() }));

		expect(currentEvent(db())).toMatchObject({ startDate: '2020-09-30' });
		expect(currentEvent(db())!.rehearsal).toBeUndefined();
	});

	it('refuses a date that is not one, in Vietnamese, and changes nothing', async () => {
		const before = databaseContents();

		const result = await run(admin, 'scenario.import', { scenario: city(), rehearseOn: '03/12/2026' });

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(result.ok ? [] : result.problems).toEqual([
			{ path: 'rehearseOn', message: expect.stringMatching(/^Ngày diễn tập/) }
		]);
		expect(databaseContents()).toEqual(before);
	});
});
