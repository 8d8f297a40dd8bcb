/**
 * Rehearsing a plan on another day: the whole plan moves by whole days so its first day is the
 * day chosen, every time keeping its time of day, and the event says it is a rehearsal.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rehearse, vietnamToday } from '../../src/lib/scenario/rehearsal';
import { scenarioSchema, type Scenario } from '../../src/lib/scenario/schema';
import { shiftPlan } from '../../src/lib/scenario/shift.js';
import { validateScenario } from '../../src/lib/scenario/validate';

const plan = (file: string): Scenario =>
	scenarioSchema.parse(JSON.parse(fs.readFileSync(`data/scenarios/${file}`, 'utf8')));

/** every string of a plan with its path, to compare a plan with its moved copy */
function strings(value: unknown, path = ''): [string, string][] {
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
	return typeof value === 'string' ? [[path, value]] : [];
}

const isTime = (s: string) => /^\d{4}-\d\d-\d\dT/.test(s);
const isDay = (s: string) => /^\d{4}-\d\d-\d\d$/.test(s);
const dayMs = 86_400_000;

describe('a 2020 plan rehearsed on 3 December 2026', () => {
	const city = plan('hcm-2020.json');
	const moved = rehearse(city, '2026-12-03');
	const days = (Date.parse('2026-12-03') - Date.parse('2020-09-30')) / dayMs;

	it('starts on that day, its last day as many days later as before', () => {
		expect(moved.event.startDate).toBe('2026-12-03');
		expect(moved.event.endDate).toBe('2026-12-10');
		expect(moved.event.rehearsal).toEqual({ originalStartDate: '2020-09-30' });
	});

	it('moves every time and day by the same whole days, each keeping its time of day as written', () => {
		const before = new Map(strings(city));
		const after = strings(moved).filter(([path]) => !path.startsWith('event.rehearsal'));
		let times = 0;
		for (const [path, value] of after) {
			const was = before.get(path)!;
			if (isTime(was)) {
				times++;
				expect(Date.parse(value) - Date.parse(was), path).toBe(days * dayMs);
				expect(value.slice(10), path).toBe(was.slice(10));
			} else if (isDay(was)) expect(Date.parse(value) - Date.parse(was), path).toBe(days * dayMs);
			else expect(value, path).toBe(was);
		}
		// the run of show, the routes' checkpoints, the checklist deadlines, the ceremony, the report
		expect(times).toBeGreaterThan(10);
		expect(moved.ceremony!.startsAt).toBe('2026-12-03T07:30:00+07:00');
		expect(moved.event.reportDeadline).toBe('2026-12-17T17:00:00+07:00');
	});

	it('is still a valid plan, and a rehearsal moved again keeps the day the plan itself gave', () => {
		expect(validateScenario(moved, 'vi').ok).toBe(true);
		const again = rehearse(moved, '2027-01-15');
		expect(again.event.startDate).toBe('2027-01-15');
		expect(again.event.rehearsal).toEqual({ originalStartDate: '2020-09-30' });
	});

	it('never moves an id or a password that happens to read as a day', () => {
		const odd = {
			...city,
			milestones: [{ id: '2020-10-01', title: 'Mốc', at: '2020-10-01', kind: 'other' as const }],
			accounts: [{ username: 'thu', displayName: 'Thử', role: 'leader' as const, password: '2020-10-01' }]
		};
		const shifted = rehearse(odd, '2026-12-03');
		expect(shifted.milestones[0]).toMatchObject({ id: '2020-10-01', at: '2026-12-04' });
		expect(shifted.accounts[0].password).toBe('2020-10-01');
	});
});

describe('moving a plan in time', () => {
	it('keeps seconds, fractions and offsets as written', () => {
		const shifted = shiftPlan(
			{ a: '2024-10-03T06:30:00+07:00', b: '2024-10-03T06:30+07:00', c: '2024-10-02T23:30:00.250Z' },
			90 * 60_000
		);
		expect(shifted).toEqual({
			a: '2024-10-03T08:00:00+07:00',
			b: '2024-10-03T08:00+07:00',
			c: '2024-10-03T01:00:00.250Z'
		});
	});

	it('moves days without an hour by the whole days nearest', () => {
		expect(shiftPlan({ d: '2024-10-03' }, 1.6 * dayMs)).toEqual({ d: '2024-10-05' });
		expect(shiftPlan({ d: '2024-10-03' }, -0.4 * dayMs)).toEqual({ d: '2024-10-03' });
	});

	it('knows today in Vietnam, whatever the machine’s own zone', () => {
		expect(vietnamToday(Date.parse('2024-10-02T17:30:00Z'))).toBe('2024-10-03');
		expect(vietnamToday(Date.parse('2024-10-02T16:59:59Z'))).toBe('2024-10-02');
	});
});
