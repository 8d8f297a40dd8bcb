/**
 * A milestone may have a day and no hour ("ngày 11/10"): it falls due at the end of that day,
 * sorts after the day's timed items, and is shown as its date, never as an invented "0g00".
 */
import { describe, expect, it } from 'vitest';
import { dueAt, inRunOrder, isWholeDay, nextDue } from '../../src/lib/scenario/milestone-time';
import { milestoneSchema } from '../../src/lib/scenario/schema';
import { validateScenario } from '../../src/lib/scenario/validate';
import { demoActs } from '../../src/lib/server/simulator/acts';
import { aScenario } from '../domain/support/factories/scenario';

const vn = (local: string) => Date.parse(`${local}+07:00`);
const m = (id: string, at: string) => ({ id, at });

describe('a milestone with a day and no hour', () => {
	it('is a day in the schema as well as a time, and nothing else', () => {
		expect(milestoneSchema.parse({ id: 'bao-cao', title: 'Nộp báo cáo', at: '2024-10-11' }).at).toBe(
			'2024-10-11'
		);
		const wrong = milestoneSchema.safeParse({ id: 'x', title: 'X', at: '11/10/2024' });
		expect(wrong.success).toBe(false);
		const check = validateScenario(
			{
				...aScenario(),
				milestones: [{ id: 'x', title: 'X', at: '11/10/2024' }]
			},
			'vi'
		);
		expect(check.ok ? [] : check.problems).toEqual([
			{ path: 'milestones[0].at', message: expect.stringMatching(/2024-10-11/) }
		]);
	});

	it('falls due at the end of its day in Vietnam time, not at its midnight', () => {
		expect(isWholeDay('2024-10-11')).toBe(true);
		expect(isWholeDay('2024-10-11T00:00:00+07:00')).toBe(false);
		expect(dueAt('2024-10-11')).toBe(vn('2024-10-12T00:00:00'));
		expect(dueAt('2024-10-03T06:30:00+07:00')).toBe(vn('2024-10-03T06:30:00'));
	});

	it('comes after the timed items of its day, before the next day, the file’s order kept on a tie', () => {
		const sorted = inRunOrder([
			m('ngay-4', '2024-10-04T07:30:00+07:00'),
			m('bang-ron', '2024-10-03'),
			m('khai-mac', '2024-10-03T08:00:00+07:00'),
			m('treo-co', '2024-10-03'),
			m('tap-ket', '2024-10-03T06:30:00+07:00')
		]);
		expect(sorted.map((x) => x.id)).toEqual(['tap-ket', 'khai-mac', 'bang-ron', 'treo-co', 'ngay-4']);
	});

	it('is still to come all through its day: the next milestone until the day is over', () => {
		const run = [m('khai-mac', '2024-10-03T08:00:00+07:00'), m('bao-cao', '2024-10-11')];
		expect(nextDue(run, vn('2024-10-03T09:00:00'))).toBe(1);
		expect(nextDue(run, vn('2024-10-11T00:00:01'))).toBe(1);
		expect(nextDue(run, vn('2024-10-11T23:59:59'))).toBe(1);
		expect(nextDue(run, vn('2024-10-12T00:00:00'))).toBe(-1);
	});

	it('gives the demo no hour to play for a parade given only its day', () => {
		const milestone = (at: string) => ({ id: 'x', title: 'Diễu hành', at, kind: 'parade' as const });
		const acts = (at: string) =>
			demoActs({ milestones: [milestone(at)], deadlines: [], ceremonyAt: null, speed: 10 });
		expect(acts('2024-10-04T07:30:00+07:00').map((a) => a.name)).toEqual(['parade']);
		// nothing but the run of show to play: the day's end, not its midnight
		expect(acts('2024-10-04')).toEqual([
			{ name: 'ceremony', start: vn('2024-10-04T23:30:00'), end: vn('2024-10-05T01:00:00'), speed: 10 }
		]);
	});
});
