/**
 * Importing a scenario (the event's whole setup) through the one command path: all or nothing,
 * every problem reported with its path in the file, accounts kept bound to what still exists.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../../src/lib/scenario/schema';
import { verifyPassword } from '../../../src/lib/server/auth/password';
import { db } from '../../../src/lib/server/db';
import { listSubmissions } from '../../../src/lib/server/reports/store';
import { currentEvent, exportScenario } from '../../../src/lib/server/scenario/store';
import { loadState } from '../../../src/lib/server/trucks/store';
import { findLogin } from '../../../src/lib/server/users/store';
import { accepted, run } from '../support/command';
import { databaseContents } from '../support/database';
import { aRoute, aScenario, aTruck, aWard } from '../support/factories/scenario';
import { commandLine, demoScenario, givenTheDemoScenario, signedIn, type Person } from '../support/given';

let admin: Person;

beforeEach(() => {
	admin = signedIn('admin');
});

describe('importing the demo scenario', () => {
	it('makes it the current event; exporting it gives the same scenario back', async () => {
		const file = demoScenario();

		await accepted(run(admin, 'scenario.import', { scenario: file }));

		expect(currentEvent(db())!.name).toBe(file.event.name);
		expect(exportScenario(db())).toEqual({ ...scenarioSchema.parse(file), accounts: [] });
	});
});

describe('a scenario with accounts', () => {
	it('creates them when asked, bound to their unit, with their password', async () => {
		const ward = aWard({ id: 'phuong-moi' });
		const scenario = aScenario({
			wards: [ward],
			accounts: [
				{
					username: 'can-bo-moi',
					displayName: 'Cán bộ mới',
					role: 'ward_staff',
					unitId: ward.id,
					password: 'mat-khau-dai'
				}
			]
		});

		await accepted(run(commandLine, 'scenario.import', { scenario, withAccounts: true }));

		const login = findLogin(db(), 'can-bo-moi')!;
		expect(login.role).toBe('ward_staff');
		expect(await verifyPassword(login.passwordHash, 'mat-khau-dai')).toBe(true);
	});
});

describe('a broken file', () => {
	it('is refused with every problem and where it is, and the current event stays as it was', async () => {
		await givenTheDemoScenario();
		const before = databaseContents();
		const broken = demoScenario();
		broken.routes![0].checkpoints![0].plannedAt = '2024-10-04 07:30';
		broken.trucks![1].plate = '';

		const result = await run(admin, 'scenario.import', { scenario: broken });

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		expect(result.ok ? [] : result.problems!.map((p) => p.path)).toEqual([
			'routes[0].checkpoints[0].plannedAt',
			'trucks[1].plate'
		]);
		expect(databaseContents()).toEqual(before);
		expect(currentEvent(db())!.id).toBe('quan7-2024');
	});

	it('that leaves an account without its ward is refused, naming the account', async () => {
		await givenTheDemoScenario();
		signedIn('ward_staff', { unitId: 'phuong-phu-my', username: 'phu-my' });
		const without = demoScenario();
		without.units = without.units.filter((u) => u.id !== 'phuong-phu-my' && u.parentId !== 'phuong-phu-my');
		without.trucks = without.trucks!.filter((t) => t.unitId !== 'phuong-phu-my');
		without.checklistItems = without.checklistItems!.filter((c) => c.unitId !== 'phuong-phu-my');
		without.accounts = without.accounts!.filter((a) => !a.username.includes('phu-my'));
		const before = databaseContents();

		const result = await run(admin, 'scenario.import', { scenario: without });

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'units' }] });
		expect(result.ok ? '' : result.problems![0].message).toContain('Tài khoản "phu-my"');
		expect(databaseContents()).toEqual(before);
	});
});

describe('a new scenario replacing the current one', () => {
	it('keeps the reports of units it still has and drops those of units it has not', async () => {
		await givenTheDemoScenario();
		const coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
		for (const unitId of ['phuong-tan-kieng', 'thcs-tan-kieng'])
			await accepted(
				run(coordinator, 'report.submit', { unitId, figures: { 'lop-boi-duong': { count: 1 } } })
			);
		const smaller = demoScenario();
		smaller.units = smaller.units.filter((u) => u.id !== 'thcs-tan-kieng');
		smaller.accounts = smaller.accounts!.filter((a) => a.unitId !== 'thcs-tan-kieng');

		await accepted(run(admin, 'scenario.import', { scenario: smaller }));

		expect(listSubmissions(db()).map((s) => s.unitId)).toEqual(['phuong-tan-kieng']);
	});

	it('its trucks can set off at once: the live fleet, already running, takes the new setup', async () => {
		await givenTheDemoScenario();
		const coordinator = signedIn('coordinator');
		await accepted(run(coordinator, 'truck.depart', { truckId: 'xe-tan-kieng' }));
		const ward = aWard({ id: 'phuong-moi' });
		const route = aRoute({ id: 'lo-trinh-moi' });
		const truck = aTruck({ id: 'xe-moi', unitId: ward.id, routeId: route.id });

		await accepted(
			run(admin, 'scenario.import', {
				scenario: aScenario({ wards: [ward], routes: [route], trucks: [truck] })
			})
		);
		const crew = signedIn('truck_crew', { unitId: ward.id, truckId: 'xe-moi' });

		await accepted(run(crew, 'truck.depart', { truckId: 'xe-moi' }));
		expect(loadState(db(), 'xe-moi').status).toBe('moving');
		expect(await run(coordinator, 'truck.finish', { truckId: 'xe-tan-kieng' })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
	});

	it('is for the admin (and the command line) only: the ops room cannot import', async () => {
		await givenTheDemoScenario();
		const coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
		const before = databaseContents();

		const result = await run(coordinator, 'scenario.import', { scenario: aScenario() });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});
