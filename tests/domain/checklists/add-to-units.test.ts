/**
 * One checklist item for many units at once (ops room): to every unit of a kind the plan has, to
 * every unit under a unit (its subtree), or both. On the shipped plans of other levels than the
 * demo's: a city over its districts (hcm-2020) and a ward over its schools and offices
 * (bien-giang-2024), where "every ward" reached nothing or one unit.
 */
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeEvent } from '../../../src/lib/feed';
import type { ScenarioInput } from '../../../src/lib/scenario/schema';
import { db } from '../../../src/lib/server/db';
import { listItemSpecs } from '../../../src/lib/server/checklists/store';
import { accepted, run, runFrom, type Actor } from '../support/command';
import { databaseContents } from '../support/database';
import { recordEmitted } from '../support/emitted';
import { givenTheDemoScenario, signedIn, vn } from '../support/given';

const plan = (file: string) => JSON.parse(fs.readFileSync(`data/scenarios/${file}`, 'utf8')) as ScenarioInput;
const item = {
	kind: 'co' as const,
	place: 'Trước trụ sở',
	quantity: 10,
	deadline: '2024-10-03T17:00:00+07:00'
};
const add = (
	actor: Actor,
	to: { unitKind?: string | null; under?: string | null },
	idPrefix = 'co-bo-sung'
) => run(actor, 'checklist.add_to_units', { idPrefix, unitKind: null, under: null, ...to, item } as never);
const added = (prefix = 'co-bo-sung') =>
	listItemSpecs(db())
		.filter((i) => i.id.startsWith(`${prefix}-`))
		.map((i) => i.unitId)
		.sort();

const emitted = recordEmitted();

describe("the city's plan (HCMC 2020: the Sở over its districts)", () => {
	let coordinator: Actor;
	beforeEach(async () => {
		await givenTheDemoScenario(vn('2020-10-01T06:00:00'), plan('hcm-2020.json'));
		coordinator = signedIn('coordinator', { unitId: 'phong-gdtx' });
		emitted.clear();
	});

	it('adds the item to every district, each with its own id, and the feed says "quận"', async () => {
		await accepted(add(coordinator, { unitKind: 'district' }));

		expect(added()).toEqual(['quan-1', 'quan-2', 'quan-4', 'quan-7', 'quan-9', 'thu-duc']);
		expect(listItemSpecs(db(), 'quan-2').find((i) => i.id === 'co-bo-sung-quan-2')).toMatchObject(item);
		const event = emitted.only('checklist.items_changed').event;
		expect(describeEvent(event, 'vi')).toBe('Thêm cho 6 quận: Cờ — Trước trụ sở');
		expect(describeEvent(event, 'en')).toBe('Added to 6 districts: Flag — Trước trụ sở');
	});

	it('adds the item to every unit under a district, not to the district itself', async () => {
		await accepted(add(coordinator, { under: 'quan-2' }));

		expect(added()).toEqual(['thcs-luong-dinh-cua']);
		expect(describeEvent(emitted.only('checklist.items_changed').event, 'vi')).toBe(
			'Thêm cho 1 trường THCS: Cờ — Trước trụ sở'
		);
	});

	it('refuses a kind the plan does not have, saying so, and nothing changes', async () => {
		const before = databaseContents();

		const result = await add(coordinator, { unitKind: 'ward' });

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'unitKind' }] });
		expect(result.ok || result.message).toBe('Kịch bản hiện tại không có phường nào.');
		expect(databaseContents()).toEqual(before);
	});

	it('refuses in the sender’s language', async () => {
		const result = await runFrom({ lang: 'en' }, coordinator, 'checklist.add_to_units', {
			idPrefix: 'co-bo-sung',
			unitKind: 'ward',
			under: null,
			item
		});

		expect(result.ok || result.message).toBe('The current scenario has no wards.');
	});

	it('refuses a unit with nothing under it, or one the plan does not have, and nothing changes', async () => {
		const before = databaseContents();

		const school = await add(coordinator, { under: 'thcs-luong-dinh-cua' });
		const unknown = await add(coordinator, { under: 'quan-12' });

		expect(school).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'under' }] });
		expect(school.ok || school.message).toBe('Không có đơn vị nào trực thuộc Trường THCS Lương Định Của.');
		expect(unknown).toMatchObject({ ok: false, code: 'not_found', problems: [{ path: 'under' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('refuses a form that chooses neither a kind nor a unit, and nothing changes', async () => {
		const before = databaseContents();

		const result = await add(coordinator, {});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'unitKind' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('refuses a kind that is not one', async () => {
		const result = await add(coordinator, { unitKind: 'phuong' });

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'unitKind' }] });
	});

	it("is the coordinator's: a district's staff cannot add to every district", async () => {
		const staff = signedIn('ward_staff', { unitId: 'quan-1' });

		expect(await add(staff, { unitKind: 'district' })).toMatchObject({ ok: false, code: 'forbidden' });
	});
});

describe("a ward's plan (Biên Giang 2024: its offices, schools and learning center)", () => {
	let coordinator: Actor;
	beforeEach(async () => {
		await givenTheDemoScenario(vn('2024-10-03T06:00:00'), plan('bien-giang-2024.json'));
		coordinator = signedIn('coordinator', { unitId: 'bo-phan-vhxh' });
		emitted.clear();
	});

	it('adds the item to every unit under the ward, and the feed says "đơn vị" for the mix', async () => {
		await accepted(add(coordinator, { under: 'phuong-bien-giang' }));

		expect(added()).toHaveLength(7);
		expect(added()).not.toContain('phuong-bien-giang');
		expect(describeEvent(emitted.only('checklist.items_changed').event, 'vi')).toBe(
			'Thêm cho 7 đơn vị: Cờ — Trước trụ sở'
		);
	});

	it('adds the item to the schools of one level: its kind and its subtree together', async () => {
		await accepted(add(coordinator, { unitKind: 'primary_school', under: 'phuong-bien-giang' }));

		expect(added()).toEqual(['th-bien-giang']);
	});

	it('refuses a kind that is not under the chosen unit, naming both', async () => {
		const result = await add(coordinator, { unitKind: 'upper_secondary_school', under: 'phuong-bien-giang' });

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'unitKind' }] });
		expect(result.ok || result.message).toBe('Không có trường THPT nào trực thuộc UBND phường Biên Giang.');
	});
});

describe('the nested plan (the city over Quận 7’s whole day): a level’s coordinator adds on their level', () => {
	beforeEach(async () => {
		await givenTheDemoScenario(vn('2024-10-03T06:00:00'), plan('hcm-quan7-2024.json'));
		emitted.clear();
	});

	it("Quận 7's coordinator reaches Quận 7's wards, and Quận 1's is told Quận 1 has none", async () => {
		const quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
		const quan1 = signedIn('coordinator', { unitId: 'ttvh-quan1' });

		await accepted(add(quan7, { unitKind: 'ward' }));
		const none = await add(quan1, { unitKind: 'ward' }, 'co-quan-1');
		const elsewhere = await add(quan1, { under: 'quan7' }, 'co-quan-1');

		expect(added()).toHaveLength(10);
		expect(added().every((id) => id.startsWith('phuong-'))).toBe(true);
		expect(none.ok || none.message).toBe('Không có phường nào trực thuộc UBND Quận 1.');
		expect(elsewhere).toMatchObject({ ok: false, code: 'not_found', problems: [{ path: 'under' }] });
		expect(added('co-quan-1')).toEqual([]);
	});
});
