/**
 * Only what the plan has: what a plan offers (its menus, the wall's panels, its maps' first view)
 * from what was imported, and what changes as the ops room adds a ceremony or checklist items.
 */
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../../src/lib/scenario/schema';
import { db } from '../../../src/lib/server/db';
import { menuFor } from '../../../src/lib/server/menu';
import { planHas } from '../../../src/lib/server/plan-has';
import { planArea, planMapArea } from '../../../src/lib/server/trucks/plan-area';
import { accepted, run } from '../support/command';
import { commandLine, demoScenario, givenTheDemoScenario, signedIn } from '../support/given';

const wardPlan = (): ScenarioInput =>
	JSON.parse(fs.readFileSync('data/scenarios/bien-giang-2024.json', 'utf8')) as ScenarioInput;

async function imported(scenario: ScenarioInput) {
	await accepted(run(commandLine, 'scenario.import', { scenario }));
}

const menuOf = (role: Parameters<typeof signedIn>[0]) =>
	menuFor(signedIn(role), planHas(db())).map(([href]) => href);

describe('what a plan has', () => {
	beforeEach(() => givenTheDemoScenario());

	it('the district demo has everything: every menu entry', () => {
		expect(planHas(db())).toEqual({
			trucks: true,
			milestones: true,
			checklistItems: true,
			ceremony: true,
			reportTable: true
		});
		expect(menuOf('coordinator')).toEqual([
			'/ops',
			'/ops/trucks',
			'/ops/checklists',
			'/ops/ceremony',
			'/reports/overview',
			'/display'
		]);
	});

	it('a ward’s plan has no trucks: no truck tab for anyone', async () => {
		await imported(wardPlan());
		expect(planHas(db())).toMatchObject({ trucks: false, ceremony: true, reportTable: true });
		for (const role of ['admin', 'coordinator', 'leader'] as const)
			expect(menuOf(role)).not.toContain('/ops/trucks');
	});

	it('no report table: no reports entry; no ceremony: no gate; what the ops room sets up stays for it', async () => {
		const plan = wardPlan();
		delete plan.reportTable;
		delete plan.ceremony;
		plan.checklistItems = [];
		await imported(plan);
		expect(planHas(db())).toEqual({
			trucks: false,
			milestones: true,
			checklistItems: false,
			ceremony: false,
			reportTable: false
		});
		expect(menuOf('coordinator')).toEqual(['/ops', '/ops/checklists', '/ops/ceremony', '/display']);
		expect(menuOf('leader')).toEqual(['/display', '/ops']);
		expect(menuOf('ward_staff')).toEqual(['/ward']);
		expect(menuOf('unit_staff')).toEqual([]);
		expect(menuOf('gate_staff')).toEqual([]);
	});

	it('a ceremony set up in the ops room brings the gate and its wall panel', async () => {
		const plan = wardPlan();
		delete plan.ceremony;
		await imported(plan);
		expect(menuOf('gate_staff')).toEqual([]);
		const coordinator = signedIn('coordinator');
		await accepted(
			run(coordinator, 'ceremony.save_setup', {
				title: 'Lễ khai mạc Tuần lễ phường Biên Giang',
				place: 'Trường THCS Biên Giang',
				startsAt: '2024-10-03T07:30:00+07:00'
			})
		);
		expect(planHas(db()).ceremony).toBe(true);
		expect(menuOf('gate_staff')).toEqual(['/gate']);
	});
});

describe('where a plan’s maps open', () => {
	beforeEach(() => givenTheDemoScenario());

	it('on every place of the plan: units, routes, checkpoints, checklist items, the ceremony', () => {
		const area = planMapArea(db())!;
		const plan = demoScenario();
		const places = [
			...plan.units.flatMap((u) => (u.position ? [u.position] : [])),
			...(plan.routes ?? []).flatMap((r) => [
				...r.line.coordinates,
				...(r.checkpoints ?? []).map((c) => c.position)
			]),
			...(plan.checklistItems ?? []).flatMap((c) => (c.position ? [c.position] : [])),
			plan.ceremony!.position!
		];
		for (const [lng, lat] of places) {
			expect(lng).toBeGreaterThanOrEqual(area.west);
			expect(lng).toBeLessThanOrEqual(area.east);
			expect(lat).toBeGreaterThanOrEqual(area.south);
			expect(lat).toBeLessThanOrEqual(area.north);
		}
		// just those: the ceremony in Quận 1 is the northernmost, a route's end the southernmost
		expect(area.north).toBe(plan.ceremony!.position![1]);
		// the fleet's screen for GPS glitches is the same area, widely widened
		expect(planArea(db())!.north).toBeGreaterThan(area.north + 0.4);
	});

	it('a plan that places nothing has no area: the maps show the country and say so', async () => {
		const plan = wardPlan();
		for (const unit of plan.units) delete unit.position;
		for (const item of plan.checklistItems ?? []) delete item.position;
		delete plan.ceremony!.position;
		await imported(plan);
		expect(planMapArea(db())).toBeNull();
	});
});
