/**
 * Each level signs off its own table, and the level above counts that signed table as the
 * level's figures (its live figures stay beside it): Quận 7 under a city, beside another district.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { completeness, latestByUnit } from '../../../src/lib/reports/rollup';
import { reportPicture, rolledUpSheet, type ReportPicture } from '../../../src/lib/server/reports/picture';
import { getSignoff, listSubmissions } from '../../../src/lib/server/reports/store';
import { accepted, run, type Actor } from '../support/command';
import { givenTheDemoScenario, nestedInACity, signedIn, vn, type Person } from '../support/given';

const classes = (n: number) => ({ 'lop-boi-duong': { count: n } });
const cell = (sheet: { figures: Record<string, { count?: number }> }) =>
	sheet.figures['lop-boi-duong']?.count;

let quan7: Person;
let city: Person;

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-07T15:00:00'), nestedInACity());
	quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
	city = signedIn('coordinator', { unitId: 'thanh-pho' });
});

function submit(unitId: string, n: number) {
	const staff: Actor = signedIn('ward_staff', { unitId });
	return accepted(run(staff, 'report.submit', { unitId, figures: classes(n), narrative: {} }));
}

describe("a level's own table", () => {
	it("is signed off by the level's coordinator, and counts as signed in the city's table", async () => {
		await submit('phuong-tan-kieng', 3);
		await submit('phuong-khac', 5);

		await accepted(run(quan7, 'report.sign_off', { note: 'Quận 7 chốt' }));
		// a later report in Quận 7 moves Quận 7's live table, not what the city counts for Quận 7
		await submit('phuong-tan-kieng', 10);

		const signed = getSignoff(db(), 'quan7')!;
		expect(signed).toMatchObject({ unitId: 'quan7', note: 'Quận 7 chốt', totals: classes(3) });
		expect(getSignoff(db(), null)).toBeNull();
		expect(listSubmissions(db(), 'phuong-tan-kieng').at(-1)).toMatchObject({ afterSignoff: true });
		expect(listSubmissions(db(), 'phuong-khac').at(-1)).toMatchObject({ afterSignoff: false });

		const ours = reportPicture(db(), 'quan7')!;
		expect(cell(rolledUpSheet(ours, true))).toBe(3);
		expect(cell(rolledUpSheet(ours, false))).toBe(10);

		const whole = reportPicture(db())!;
		expect(whole.levelSignoffs.map((s) => s.unitId)).toEqual(['quan7']);
		expect(cell(rolledUpSheet(whole, false))).toBe(3 + 5);
	});

	it("is signed once by its level; the city then signs its own, with Quận 7's signed table in it", async () => {
		await submit('phuong-tan-kieng', 3);
		await submit('phuong-khac', 5);
		await accepted(run(quan7, 'report.sign_off', { note: '' }));
		expect(await run(quan7, 'report.sign_off', { note: '' })).toMatchObject({ ok: false, code: 'conflict' });
		await submit('phuong-tan-kieng', 10);

		await accepted(run(city, 'report.sign_off', { note: 'Thành phố chốt' }));

		const signed = getSignoff(db(), null)!;
		expect(signed.totals).toEqual(classes(3 + 5));
		expect(signed.levels).toEqual([{ unitId: 'quan7', signoffId: getSignoff(db(), 'quan7')!.id }]);
		expect(signed.counted.map((c) => c.unitId)).toEqual(['phuong-khac']);
	});

	it("without Quận 7's sign-off, the city counts Quận 7's units as they last reported", async () => {
		await submit('phuong-tan-kieng', 3);
		await submit('phuong-tan-kieng', 4);

		expect(cell(rolledUpSheet(reportPicture(db())!, false))).toBe(4);
		await accepted(run(city, 'report.sign_off', { note: '' }));
		expect(getSignoff(db(), null)!.totals).toEqual(classes(4));
	});
});

describe("each level's completeness", () => {
	/** who the table waits for and who has answered, as the overview and the wall show it */
	const answers = (picture: ReportPicture) => {
		const { expected, answered } = completeness(
			picture.units,
			picture.top.id,
			latestByUnit(picture.submissions),
			picture.levelSignoffs.flatMap((s) => (s.unitId ? [s.unitId] : []))
		);
		return { expected: expected.map((u) => u.id), answered: [...answered] };
	};

	it('counts a level beneath that signed its table as one unit answered, in place of its units', async () => {
		await submit('phuong-tan-kieng', 3);
		const before = answers(reportPicture(db())!);
		expect(before.expected).toContain('phuong-tan-kieng');
		expect(before.expected).toContain('phuong-khac');
		expect(before.answered).toEqual(['phuong-tan-kieng']);

		await accepted(run(quan7, 'report.sign_off', { note: '' }));

		const after = answers(reportPicture(db())!);
		// Quận 7 is one answer now; its wards and schools are its level's business
		expect(after.expected).toContain('quan7');
		expect(after.expected).not.toContain('phuong-tan-kieng');
		expect(after.expected).toContain('phuong-khac');
		expect(after.answered).toEqual(['quan7']);
		// Quận 7's own table still waits for its own units
		const own = answers(reportPicture(db(), 'quan7')!);
		expect(own.expected).toContain('phuong-tan-kieng');
		expect(own.answered).toEqual(['phuong-tan-kieng']);
	});

	it('keeps every unit of a level expected while that level has not signed', async () => {
		await submit('phuong-tan-kieng', 3);
		const whole = answers(reportPicture(db())!);
		expect(whole.expected).not.toContain('thanh-pho');
		expect(whole.expected).toEqual(
			expect.arrayContaining(['quan7', 'phuong-tan-kieng', 'quan-khac', 'phuong-khac'])
		);
	});
});
