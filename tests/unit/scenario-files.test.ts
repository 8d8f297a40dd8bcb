import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportTableSchema } from '../../src/lib/scenario/schema';
import { validateScenario } from '../../src/lib/scenario/validate';
import { shippedReportTables } from '../../src/lib/server/scenario/report-templates';

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('the scenario files shipped in data/', () => {
	it('the default scenario (Quận 7, 2024) is valid and has what seed 003 orders', () => {
		const check = validateScenario(read('data/scenarios/quan7-2024.json'), 'vi');
		expect(check.ok ? [] : check.problems).toEqual([]);
		if (!check.ok) return;
		const s = check.scenario;
		expect(s.units.filter((u) => u.kind === 'ward')).toHaveLength(10);
		expect(s.slogans).toHaveLength(16);
		expect(s.trucks.filter((t) => s.units.find((u) => u.id === t.unitId)?.kind === 'ward')).toHaveLength(10);
		expect(s.reportTable!.rows.some((r) => r.label === 'Các lớp bồi dưỡng, tập huấn khác')).toBe(true);
		expect(new Set(s.reportTable!.rows.map((r) => r.section))).toEqual(
			new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
		);
	});

	it('the city plan (HCMC, 2020) is valid', () => {
		const check = validateScenario(read('data/scenarios/hcm-2020.json'), 'vi');
		expect(check.ok ? [] : check.problems).toEqual([]);
	});

	it("the nested plan (the city over Quận 7's whole day) is valid, with accounts at both levels", () => {
		const check = validateScenario(read('data/scenarios/hcm-quan7-2024.json'), 'vi');
		expect(check.ok ? [] : check.problems).toEqual([]);
		if (!check.ok) return;
		const s = check.scenario;
		const quan7 = read('data/scenarios/quan7-2024.json');
		expect(s.units.find((u) => u.id === 'quan7')?.parentId).toBe('tphcm');
		// Quận 7's day, whole: every unit, truck and checklist item of the district plan
		for (const key of ['units', 'trucks', 'checklistItems'] as const)
			expect(s[key].map((x) => x.id)).toEqual(
				expect.arrayContaining(quan7[key].map((x: { id: string }) => x.id))
			);
		const roles = (unitIds: string[]) =>
			s.accounts.filter((a) => a.unitId && unitIds.includes(a.unitId)).map((a) => a.role);
		expect(roles(['tphcm', 'so-gddt'])).toEqual(expect.arrayContaining(['coordinator', 'leader']));
		expect(roles(['quan7', 'ttvh-tt'])).toEqual(expect.arrayContaining(['coordinator', 'leader']));
	});

	it('the 2023 report table template is valid', () => {
		const parsed = reportTableSchema.safeParse(read('data/report-tables/htsd-2023.json'));
		expect(parsed.success).toBe(true);
	});

	it('the 2024 template is Quận 7’s 2024 table, without the place, which is each plan’s own', () => {
		const parsed = reportTableSchema.safeParse(read('data/report-tables/htsd-2024.json'));
		expect(parsed.success).toBe(true);
		const quan7 = read('data/scenarios/quan7-2024.json').reportTable;
		expect(read('data/report-tables/htsd-2024.json')).toEqual({
			...quan7,
			form: { ...quan7.form, place: '' }
		});
	});

	it('every shipped template can be named by a plan', () => {
		const tables = fs.readdirSync('data/report-tables').map((f) => f.replace(/\.json$/, ''));
		expect(tables).toEqual(['htsd-2023', 'htsd-2024']);
		for (const name of tables) {
			const plan = { ...read('data/scenarios/quan7-2024.json'), reportTable: name };
			const check = validateScenario(plan, 'vi', shippedReportTables());
			expect(check.ok ? [] : check.problems).toEqual([]);
		}
	});

	it('finds a cycle in the unit tree and a second root', () => {
		const s = read('data/scenarios/quan7-2024.json');
		const a = s.units[1];
		const b = s.units[2];
		a.parentId = b.id;
		b.parentId = a.id;
		const check = validateScenario(s, 'vi');
		expect(check.ok).toBe(false);
		if (check.ok) return;
		expect(check.problems.map((p) => p.message).join('\n')).toMatch(/vòng lặp/);
	});
});
