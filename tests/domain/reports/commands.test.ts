/**
 * The Week's reporting table through the one command path, on the demo scenario: a unit keeps a
 * draft, submits (every version kept, the latest counts), the organizer sets targets and signs
 * the rolled-up table off. Read back as the reporting pages and the export read it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { latestByUnit } from '../../../src/lib/reports/rollup';
import { db } from '../../../src/lib/server/db';
import { photoIdsOfUploads } from '../../../src/lib/server/photos/store';
import { reportPicture, rolledUpSheet, unitSheet } from '../../../src/lib/server/reports/picture';
import { getDraft, getSignoff, listSubmissions, reportTemplate } from '../../../src/lib/server/reports/store';
import { accepted, run, send, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import {
	givenAnUploadedPhoto,
	givenDayTime,
	givenTheDemoScenario,
	signedIn,
	vn,
	type Person
} from '../support/given';

const tanKieng = 'phuong-tan-kieng';
const school = 'thcs-tan-kieng'; // under Phường Tân Kiểng
const phuMy = 'phuong-phu-my';

let ward: Person;
let schoolStaff: Person;
let coordinator: Person;

beforeEach(async () => {
	// the last day of the Week; reports are due 11 October, 17:00
	await givenTheDemoScenario(vn('2024-10-07T15:00:00'));
	ward = signedIn('ward_staff', { unitId: tanKieng });
	schoolStaff = signedIn('unit_staff', { unitId: school });
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

/** Classes held (lớp), people taking part (người), and one row with both cells. */
const figures = (classes: number, people: number) => ({
	'lop-boi-duong': { count: classes },
	'tong-nguoi': { people },
	'bd-tin-hoc': { count: 1, people: 25, note: 'Lớp tin học cho cán bộ phường' }
});

function submit(actor: Actor, unitId: string, f = figures(3, 120), uploads: string[] = []) {
	return run(actor, 'report.submit', {
		unitId,
		figures: f,
		narrative: { 'trien-khai': 'Đã ban hành kế hoạch.' },
		uploads
	});
}

const draftOf = (unitId: string) => getDraft(db(), unitId, (uploads) => photoIdsOfUploads(db(), uploads));

describe("a unit's report", () => {
	it('a draft is kept as typed; nothing is submitted yet', async () => {
		await accepted(
			run(ward, 'report.save_draft', {
				unitId: tanKieng,
				figures: { 'lop-boi-duong': { count: 2 } },
				narrative: {}
			})
		);

		expect(draftOf(tanKieng)).toMatchObject({ figures: { 'lop-boi-duong': { count: 2 } } });
		expect(listSubmissions(db(), tanKieng)).toEqual([]);
	});

	it('each submission is kept as a new version; the latest is the one that counts, and the form goes on from it', async () => {
		await accepted(submit(ward, tanKieng, figures(3, 120)));
		await accepted(submit(ward, tanKieng, figures(4, 150)));

		const versions = listSubmissions(db(), tanKieng);
		expect(versions.map((s) => [s.version, s.figures['lop-boi-duong'].count, s.late])).toEqual([
			[1, 3, false],
			[2, 4, false]
		]);
		expect(latestByUnit(versions).get(tanKieng)!.version).toBe(2);
		expect(draftOf(tanKieng)!.figures).toEqual(figures(4, 150));
	});

	it('is flagged late after the deadline, and still taken', async () => {
		givenDayTime(vn('2024-10-11T17:30:00'));

		await accepted(submit(ward, tanKieng));

		expect(listSubmissions(db(), tanKieng)[0].late).toBe(true);
	});

	it('goes with the photos uploaded for it', async () => {
		const photo = givenAnUploadedPhoto(tanKieng);

		await accepted(submit(ward, tanKieng, figures(3, 120), [photo.uploadId]));

		expect(listSubmissions(db(), tanKieng)[0].photoIds).toEqual([photo.photoId]);
	});

	it('with a number in a cell its row does not take, a row or section not in the form, or another unit’s photo: refused with every problem, nothing changes', async () => {
		const borrowed = givenAnUploadedPhoto(phuMy);
		const before = databaseContents();

		const result = await run(ward, 'report.submit', {
			unitId: tanKieng,
			figures: { 'lop-boi-duong': { count: 3, people: 40 }, 'dong-khong-co': { count: 1 } },
			narrative: { 'phan-khong-co': 'x' },
			uploads: [borrowed.uploadId]
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(result.ok ? [] : result.problems!.map((p) => p.path).sort()).toEqual([
			'figures.dong-khong-co',
			'figures.lop-boi-duong.people',
			'narrative.phan-khong-co',
			'uploads[0]'
		]);
		expect(databaseContents()).toEqual(before);
	});

	it('with a negative or a fractional number is refused before anything is looked at', async () => {
		const before = databaseContents();

		for (const count of [-1, 2.5]) {
			const result = await send(ward, {
				id: crypto.randomUUID(),
				type: 'report.submit',
				payload: { unitId: tanKieng, figures: { 'lop-boi-duong': { count } } }
			});
			expect(result).toMatchObject({
				ok: false,
				code: 'invalid',
				problems: [{ path: 'figures.lop-boi-duong.count' }]
			});
		}
		expect(databaseContents()).toEqual(before);
	});

	it('cannot be sent by a ward for another ward: refused, nothing changes', async () => {
		const before = databaseContents();

		const result = await submit(ward, phuMy);

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});

describe('a draft saved as it is typed', () => {
	/** two sections of a long report, 20,000 characters each; `n` tells one save from the next */
	const longNarrative = (n: number) => ({
		'trien-khai': `Lần lưu ${n}. `.padEnd(20_000, 'Phường đã treo băng rôn, khẩu hiệu. '),
		'hoat-dong': `Lần lưu ${n}. `.padEnd(20_000, 'Các lớp bồi dưỡng mở tại nhà văn hóa. ')
	});
	const bytesOnDisk = () =>
		(db().pragma('page_count', { simple: true }) as number) *
		(db().pragma('page_size', { simple: true }) as number);
	const logged = (type: string) =>
		(db().prepare('SELECT data FROM events WHERE type = ? ORDER BY seq').all(type) as { data: string }[]).map(
			(r) => JSON.parse(r.data)
		);

	it('100 saves of a 40,000-character draft grow the database by a small mark each, not the text', async () => {
		const before = bytesOnDisk();

		for (let n = 1; n <= 100; n++)
			await accepted(
				run(ward, 'report.save_draft', {
					unitId: tanKieng,
					figures: figures(n, 10 * n),
					narrative: longNarrative(n)
				})
			);

		// the text itself, logged each time, would be 100 × 40,000 characters (4 MB and more)
		expect(bytesOnDisk() - before).toBeLessThan(200_000);
		expect(draftOf(tanKieng)).toMatchObject({ figures: figures(100, 1000), narrative: longNarrative(100) });
		expect(logged('report.draft_saved').at(-1)).toEqual({
			unitId: tanKieng,
			savedAt: vn('2024-10-07T15:00:00'),
			by: `Người thử ${ward.username} (${ward.username})`
		});
	});

	it('the log keeps what was submitted, in full', async () => {
		await accepted(
			run(ward, 'report.submit', { unitId: tanKieng, figures: figures(3, 120), narrative: longNarrative(1) })
		);

		expect(logged('report.submitted')[0].submission).toMatchObject({
			figures: figures(3, 120),
			narrative: longNarrative(1)
		});
	});
});

describe("the organizer's table", () => {
	it("adds a ward's line up from the ward and the schools under it", async () => {
		await accepted(submit(ward, tanKieng, figures(3, 120)));
		await accepted(submit(schoolStaff, school, figures(2, 80)));

		const picture = reportPicture(db())!;

		expect(unitSheet(picture, tanKieng, true)!.figures['lop-boi-duong']).toEqual({ count: 5 });
		expect(unitSheet(picture, tanKieng)!.figures['lop-boi-duong']).toEqual({ count: 3 });
		expect(rolledUpSheet(picture, false).figures['tong-nguoi']).toEqual({ people: 200 });
	});

	it('signed off: frozen with the latest report of every unit; what comes after is kept but not in it', async () => {
		await accepted(submit(ward, tanKieng, figures(3, 120)));
		await accepted(submit(ward, tanKieng, figures(4, 150)));
		await accepted(submit(schoolStaff, school, figures(2, 80)));

		await accepted(run(coordinator, 'report.sign_off', { note: 'Chốt số liệu gửi Sở' }));

		const signoff = getSignoff(db(), null)!;
		expect(signoff.totals['lop-boi-duong']).toEqual({ count: 6 });
		expect(signoff.counted.map((c) => [c.unitId, c.version]).sort()).toEqual([
			[tanKieng, 2],
			[school, 1]
		]);

		await accepted(submit(ward, tanKieng, figures(10, 500)));

		expect(listSubmissions(db(), tanKieng).at(-1)).toMatchObject({ version: 3, afterSignoff: true });
		const picture = reportPicture(db())!;
		expect(rolledUpSheet(picture, true).figures['lop-boi-duong']).toEqual({ count: 6 });
		expect(rolledUpSheet(picture, false).figures['lop-boi-duong']).toEqual({ count: 12 });
	});

	it('is signed off once; a ward cannot sign it off', async () => {
		expect(await run(ward, 'report.sign_off', { note: '' })).toMatchObject({ ok: false, code: 'forbidden' });
		await accepted(run(coordinator, 'report.sign_off', {}));

		expect(await run(coordinator, 'report.sign_off', {})).toMatchObject({ ok: false, code: 'conflict' });
	});

	it('takes a target on the cells a row has, and refuses one on a cell it does not', async () => {
		await accepted(run(coordinator, 'report.set_target', { rowId: 'lop-boi-duong', target: { count: 40 } }));

		expect(reportTemplate(db())!.rows.find((r) => r.id === 'lop-boi-duong')!.target).toEqual({ count: 40 });
		expect(
			await run(coordinator, 'report.set_target', { rowId: 'lop-boi-duong', target: { people: 900 } })
		).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'target.people' }] });
	});
});
