/**
 * Adding the units' figures up along the unit tree (src/lib/reports/rollup.ts): the numbers the
 * organizer signs off, the export prints and the wall display shows. A ward's line is the ward
 * and the schools and learning centres under it; the district's is everyone's.
 */
import { describe, expect, it } from 'vitest';
import {
	addUp,
	contributions,
	cumulative,
	latestByUnit,
	rollUp,
	subtrees
} from '../../../src/lib/reports/rollup';
import { aRow, aSubmission, aUnit } from '../support/factories/reports';

const rows = [
	aRow('lop', 'count'),
	aRow('nguoi', 'people'),
	aRow('tin-hoc', 'both'),
	aRow('tieu-de', 'none')
];
const units = [
	aUnit('quan', null, 'district'),
	aUnit('phuong-a', 'quan'),
	aUnit('truong-a1', 'phuong-a', 'school'),
	aUnit('tthtcd-a', 'phuong-a', 'learning_center'),
	aUnit('phuong-b', 'quan'),
	aUnit('phong-gd', 'quan', 'agency')
];
const tree = subtrees(units);
const day = (date: string) => Date.parse(`${date}T23:59:59+07:00`);

describe('the unit tree', () => {
	it('puts under a ward itself and its schools and centres; under the district, everyone', () => {
		expect(tree.get('phuong-a')!.sort()).toEqual(['phuong-a', 'truong-a1', 'tthtcd-a']);
		expect(tree.get('phuong-b')).toEqual(['phuong-b']);
		expect(tree.get('quan')!.sort()).toEqual(units.map((u) => u.id).sort());
	});

	it('does not loop on a unit that is its own ancestor', () => {
		const loop = subtrees([aUnit('x', 'y'), aUnit('y', 'x')]);

		expect(loop.get('x')!.sort()).toEqual(['x', 'y']);
	});
});

describe('the latest report of each unit', () => {
	it('is the highest version, in whatever order they are listed', () => {
		const v2 = aSubmission('phuong-a', { lop: { count: 4 } }, { version: 2 });
		const v1 = aSubmission('phuong-a', { lop: { count: 3 } }, { version: 1 });

		expect(latestByUnit([v2, v1]).get('phuong-a')).toBe(v2);
	});
});

describe('rolling up', () => {
	const latest = latestByUnit([
		aSubmission('phuong-a', {
			lop: { count: 3 },
			nguoi: { people: 120 },
			'tin-hoc': { count: 1, people: 25 }
		}),
		aSubmission(
			'phuong-a',
			{ lop: { count: 4 }, nguoi: { people: 150 }, 'tin-hoc': { count: 1, people: 30 } },
			{ version: 2 }
		),
		aSubmission('truong-a1', { lop: { count: 2 }, nguoi: { people: 80 } }),
		aSubmission('phuong-b', { lop: { count: 1 }, 'tin-hoc': { people: 12, note: 'chỉ có số người' } })
	]);

	it("a ward's line: its latest report plus those of the units under it", () => {
		expect(rollUp(rows, tree.get('phuong-a')!, latest)).toEqual({
			lop: { count: 6 },
			nguoi: { people: 230 },
			'tin-hoc': { count: 1, people: 30 }
		});
	});

	it("the district's table: everyone's, a cell left empty by all staying empty (not 0)", () => {
		const table = rollUp(rows, tree.get('quan')!, latest);

		expect(table).toEqual({
			lop: { count: 7 },
			nguoi: { people: 230 },
			'tin-hoc': { count: 1, people: 42 }
		});
		expect(table['tieu-de']).toBeUndefined();
	});

	it('adds only the cells a row takes, and no notes', () => {
		const total = addUp(rows, [
			{ lop: { count: 2, people: 99 }, 'tieu-de': { count: 5 } },
			{ lop: { count: 1, note: 'ghi chú' } }
		]);

		expect(total).toEqual({ lop: { count: 3 } });
	});

	it('shows who a rolled-up cell comes from', () => {
		const from = contributions('lop', 'count', tree.get('phuong-a')!, latest);

		expect(from.map((c) => [c.submission.unitId, c.submission.version, c.value])).toEqual([
			['phuong-a', 2, 4],
			['truong-a1', 1, 2]
		]);
	});
});

describe('the running total over the Week', () => {
	it("counts at each day's end the latest report each unit had sent by then", () => {
		const submissions = [
			aSubmission('phuong-a', { lop: { count: 3 } }, { submittedAt: day('2024-10-02') - 3600_000 }),
			aSubmission('phuong-b', { lop: { count: 1 } }, { submittedAt: day('2024-10-03') - 3600_000 }),
			aSubmission(
				'phuong-a',
				{ lop: { count: 5 } },
				{ version: 2, submittedAt: day('2024-10-04') - 3600_000 }
			)
		];

		expect(
			cumulative('lop', 'count', submissions, [
				day('2024-10-01'),
				day('2024-10-02'),
				day('2024-10-03'),
				day('2024-10-04')
			])
		).toEqual([0, 3, 4, 6]);
	});
});
