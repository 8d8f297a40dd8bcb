/**
 * The province the day bench runs on a plan of levels (bench:day-levels): a plan the import takes,
 * shaped as a province after the 2025 reform, with the level accounts each ward runs its day with.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/lib/scenario/validate';
import { isLevel } from '../../src/lib/units/kinds';
import { provinceScenario } from '../harness/scenarios.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-province-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the bench province', () => {
	const written = provinceScenario(dir);
	const check = validateScenario(JSON.parse(fs.readFileSync(written.file, 'utf8')), 'vi');

	it('is a plan the import takes', () => {
		expect(check.ok ? [] : check.problems).toEqual([]);
	});

	it('has a hundred wards and communes right under the province, no districts, each a day of its own', () => {
		if (!check.ok) return;
		const s = check.scenario;
		const root = s.units.find((u) => !u.parentId)!;
		expect(root.kind).toBe('province');
		const levels = s.units.filter((u) => isLevel(u.kind));
		expect(levels.filter((u) => u.parentId === root.id)).toHaveLength(100);
		expect(levels.filter((u) => u.parentId !== null && u.parentId !== root.id)).toEqual([]);
		for (const ward of levels.filter((u) => u.parentId === root.id)) {
			const under = s.units.filter((u) => u.parentId === ward.id).map((u) => u.kind);
			expect(under).toEqual(
				expect.arrayContaining(['learning_center', 'primary_school', 'lower_secondary_school'])
			);
			expect(under.some((k) => k === 'residential_group' || k === 'hamlet')).toBe(true);
			expect(s.trucks.filter((t) => t.unitId === ward.id).length).toBeGreaterThanOrEqual(2);
			expect(s.checklistItems.filter((c) => c.unitId === ward.id).length).toBeGreaterThan(0);
			const roles = s.accounts.filter((a) => a.unitId === ward.id).map((a) => a.role);
			expect(roles).toEqual(expect.arrayContaining(['coordinator', 'leader', 'ward_staff']));
		}
	});

	it("has the province's own coordinator, leader, gates and trucks, and a crew for every truck", () => {
		if (!check.ok) return;
		const s = check.scenario;
		const own = s.accounts.filter((a) => a.unitId === 'tinh' || a.unitId === 'so-gddt').map((a) => a.role);
		expect(own).toEqual(expect.arrayContaining(['coordinator', 'leader', 'gate_staff']));
		expect(s.trucks.filter((t) => t.unitId === 'so-gddt').length).toBeGreaterThan(0);
		const crews = new Set(s.accounts.filter((a) => a.role === 'truck_crew').map((a) => a.truckId));
		expect(s.trucks.every((t) => crews.has(t.id))).toBe(true);
	});
});
