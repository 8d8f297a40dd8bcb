/** Importing a scenario file: all or nothing, every problem reported with its path. */
import { say } from '$lib/i18n';
import { rehearse } from '$lib/scenario/rehearsal';
import { validateScenario } from '$lib/scenario/validate';
import type { Scenario } from '$lib/scenario/schema';
import { hashPassword } from '../auth/password';
import { dropOutsideGroups } from '../ceremony/store';
import { CommandError, defineCommand, type ProblemToSay } from '../commands/define';
import { dropOutsideUnits } from '../reports/store';
import { bindingsOutside, upsertUser } from '../users/store';
import { shippedReportTables } from './report-templates';
import { replaceScenario, scenarioCounts } from './store';

type Prepared = { scenario: Scenario; passwordHashes: string[] };

export const importScenario = defineCommand({
	type: 'scenario.import',
	emits: ['scenario.imported'],
	action: 'scenario.import',
	async prepare(p, lang): Promise<Prepared> {
		const check = validateScenario(p.scenario, lang, shippedReportTables());
		if (!check.ok) {
			throw new CommandError(
				'invalid',
				say('admin.scenario.invalid', { count: check.problems.length }),
				check.problems
			);
		}
		const accounts = p.withAccounts ? check.scenario.accounts : [];
		return {
			// checked as written (the problems name the file's own values), then moved
			scenario: p.rehearseOn ? rehearse(check.scenario, p.rehearseOn) : check.scenario,
			passwordHashes: await Promise.all(accounts.map((a) => hashPassword(a.password)))
		};
	},
	apply(db, p, { prepared, now, demo }) {
		const { scenario } = prepared;
		const accounts = p.withAccounts ? scenario.accounts : [];
		const imported = new Set(accounts.map((a) => a.username));
		const orphans = bindingsOutside(
			db,
			new Set(scenario.units.map((u) => u.id)),
			new Set(scenario.trucks.map((t) => t.id))
		).filter((b) => !imported.has(b.username));
		if (orphans.length) {
			const problems: ProblemToSay[] = orphans.map(({ username, bound, id }) => ({
				path: 'units',
				message: say(bound === 'unit' ? 'admin.scenario.orphanOfUnit' : 'admin.scenario.orphanOfTruck', {
					username,
					id
				})
			}));
			throw new CommandError('invalid', say('admin.scenario.orphans'), problems);
		}
		replaceScenario(db, scenario, now);
		dropOutsideGroups(db);
		dropOutsideUnits(db);
		const truckUnit = new Map(scenario.trucks.map((t) => [t.id, t.unitId]));
		accounts.forEach((a, i) =>
			upsertUser(
				db,
				{
					username: a.username,
					displayName: a.displayName,
					role: a.role,
					unitId: a.truckId ? (truckUnit.get(a.truckId) ?? null) : (a.unitId ?? null),
					truckId: a.truckId ?? null,
					passwordHash: prepared.passwordHashes[i],
					demo
				},
				now
			)
		);
		return {
			type: 'scenario.imported',
			data: {
				eventId: scenario.event.id,
				name: scenario.event.name,
				counts: scenarioCounts(scenario),
				...(p.rehearseOn && { rehearseOn: p.rehearseOn })
			},
			audience: ['admin', 'ops', 'display', 'staff'],
			about: 'event'
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const scenarioHandlers = [importScenario];
