/**
 * The table of the whole event reaches every unit of the plan, wherever the organizer sits in the
 * tree: a city whose Sở organizes the Week beside its districts adds up the districts' figures
 * too. A unit the plan marks as not reporting (a radio station) is not waited for.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { expectedReporters, subtrees } from '../../../src/lib/reports/rollup';
import { db } from '../../../src/lib/server/db';
import { reportPicture, rolledUpSheet } from '../../../src/lib/server/reports/picture';
import { accepted, run } from '../support/command';
import { demoScenario, givenTheDemoScenario, signedIn, vn } from '../support/given';

const figures = { 'lop-boi-duong': { count: 3 } };

beforeEach(async () => {
	// the demo's Quận 7 under a city, organized by the city's Sở, which stands beside Quận 7;
	// the ward's radio station does not send figures
	const plan = demoScenario();
	plan.units = [
		{ id: 'thanh-pho', name: 'Thành phố', kind: 'city', parentId: null },
		{ id: 'so-gddt', name: 'Sở Giáo dục và Đào tạo', kind: 'agency', parentId: 'thanh-pho' },
		{
			id: 'dai-truyen-thanh',
			name: 'Đài truyền thanh phường',
			kind: 'agency',
			parentId: 'phuong-tan-kieng',
			reports: false
		},
		...plan.units.map((u) => (u.parentId === null ? { ...u, parentId: 'thanh-pho' } : u))
	];
	plan.event.organizerUnitId = 'so-gddt';
	await givenTheDemoScenario(vn('2024-10-07T15:00:00'), plan);
});

describe('the whole event’s table', () => {
	it('adds up every unit of the tree, not only the organizer’s branch', async () => {
		const ward = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });
		await accepted(run(ward, 'report.submit', { unitId: 'phuong-tan-kieng', figures, narrative: {} }));

		const picture = reportPicture(db())!;
		expect(picture.top.id).toBe('thanh-pho');
		expect(rolledUpSheet(picture, false).figures['lop-boi-duong']).toEqual({ count: 3 });
		const waitedFor = expectedReporters(picture.units, picture.top.id, subtrees(picture.units)).map(
			(u) => u.id
		);
		expect(waitedFor).toEqual(
			expect.arrayContaining(['so-gddt', 'quan7', 'phuong-tan-kieng', 'thcs-tan-kieng'])
		);
		expect(waitedFor).not.toContain('thanh-pho');
	});

	it('does not wait for a unit marked as not reporting', () => {
		const picture = reportPicture(db())!;
		expect(picture.units.find((u) => u.id === 'dai-truyen-thanh')).toMatchObject({ reports: false });
		const waitedFor = expectedReporters(picture.units, picture.top.id, subtrees(picture.units)).map(
			(u) => u.id
		);
		expect(waitedFor).not.toContain('dai-truyen-thanh');
	});

	it('is signed off with every unit of the tree counted', async () => {
		const ward = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });
		await accepted(run(ward, 'report.submit', { unitId: 'phuong-tan-kieng', figures, narrative: {} }));
		await accepted(run(signedIn('coordinator', { unitId: 'so-gddt' }), 'report.sign_off', { note: '' }));

		const picture = reportPicture(db())!;
		expect(picture.signoff?.counted.map((c) => c.unitId)).toEqual(['phuong-tan-kieng']);
		expect(rolledUpSheet(picture, true).figures['lop-boi-duong']).toEqual({ count: 3 });
	});
});
