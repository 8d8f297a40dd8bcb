/**
 * Checks a scenario file completely: the schema, then the references between its parts.
 * Returns every problem with its path in the file, never just the first.
 */
import type { z } from 'zod';
import { isMessageKey, translate, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';
import type { Problem } from '$lib/types';
import { zodLocale } from '$lib/zod';
import { scenarioSchema, type Scenario } from './schema';

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

function pathOf(path: readonly PropertyKey[]): string {
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join('');
}

/**
 * The problems in `lang`: the schema's own messages are catalogue keys, filled in with the
 * issue's own fields ({maximum}, {minimum}); zod's are in `lang` already (see zodLocale).
 */
export function zodProblems(error: z.ZodError, lang: Lang = 'vi'): Problem[] {
	return error.issues.map((issue) => ({
		path: pathOf(issue.path) || translate(lang, 'admin.scenario.wholeFile'),
		message: isMessageKey(issue.message)
			? translate(lang, issue.message, issue as unknown as MessageParams)
			: issue.message
	}));
}

function crossReferences(s: Scenario, lang: Lang): Problem[] {
	const problems: Problem[] = [];
	const add = (path: string, key: MessageKey, params?: MessageParams) =>
		problems.push({ path, message: translate(lang, key, params) });

	const idsOf = <T extends { id: string }>(list: T[], name: string, what: MessageKey) => {
		const seen = new Set<string>();
		list.forEach((item, i) => {
			if (seen.has(item.id))
				add(`${name}[${i}].id`, 'admin.check.duplicateId', { what: translate(lang, what), id: item.id });
			seen.add(item.id);
		});
		return seen;
	};
	const units = idsOf(s.units, 'units', 'admin.check.what.units');
	idsOf(s.milestones, 'milestones', 'admin.check.what.milestones');
	const slogans = idsOf(s.slogans, 'slogans', 'admin.check.what.slogans');
	const routes = idsOf(s.routes, 'routes', 'admin.check.what.routes');
	const trucks = idsOf(s.trucks, 'trucks', 'admin.check.what.trucks');
	idsOf(s.checklistItems, 'checklistItems', 'admin.check.what.checklistItems');
	if (s.ceremony) idsOf(s.ceremony.groups, 'ceremony.groups', 'admin.check.what.groups');
	if (s.reportTable) idsOf(s.reportTable.rows, 'reportTable.rows', 'admin.check.what.reportRows');
	s.routes.forEach((r, i) =>
		idsOf(r.checkpoints, `routes[${i}].checkpoints`, 'admin.check.what.checkpoints')
	);

	const unitRef = (path: string, id: string | undefined | null) => {
		if (id && !units.has(id)) add(path, 'admin.check.noUnit', { id });
	};
	unitRef('event.organizerUnitId', s.event.organizerUnitId);
	if (s.event.endDate < s.event.startDate) add('event.endDate', 'admin.check.endBeforeStart');

	// the unit tree: every parent exists, exactly one root, no cycles
	const parent = new Map(s.units.map((u) => [u.id, u.parentId]));
	const roots = s.units.filter((u) => u.parentId === null);
	if (roots.length !== 1) add('units', 'admin.check.roots', { count: roots.length });
	s.units.forEach((u, i) => {
		if (u.parentId !== null && !units.has(u.parentId)) {
			add(`units[${i}].parentId`, 'admin.check.noParent', { id: u.parentId });
			return;
		}
		const visited = new Set([u.id]);
		for (let p = u.parentId; p !== null && p !== undefined; p = parent.get(p) ?? null) {
			if (visited.has(p)) {
				add(`units[${i}].parentId`, 'admin.check.cycle', { id: u.id });
				break;
			}
			visited.add(p);
		}
	});

	s.trucks.forEach((t, i) => {
		unitRef(`trucks[${i}].unitId`, t.unitId);
		if (t.routeId && !routes.has(t.routeId))
			add(`trucks[${i}].routeId`, 'admin.check.noRoute', { id: t.routeId });
		t.sloganIds.forEach((sid, j) => {
			if (!slogans.has(sid)) add(`trucks[${i}].sloganIds[${j}]`, 'admin.check.noSlogan', { id: sid });
		});
	});
	s.checklistItems.forEach((c, i) => {
		unitRef(`checklistItems[${i}].unitId`, c.unitId);
		if (c.sloganId && !slogans.has(c.sloganId))
			add(`checklistItems[${i}].sloganId`, 'admin.check.noSlogan', { id: c.sloganId });
	});

	const usernames = new Set<string>();
	s.accounts.forEach((a, i) => {
		if (usernames.has(a.username))
			add(`accounts[${i}].username`, 'admin.check.duplicateUsername', { username: a.username });
		usernames.add(a.username);
		unitRef(`accounts[${i}].unitId`, a.unitId);
		if (a.truckId && !trucks.has(a.truckId))
			add(`accounts[${i}].truckId`, 'admin.check.noTruck', { id: a.truckId });
		if (a.role === 'ward_staff' && !a.unitId) add(`accounts[${i}].unitId`, 'admin.check.wardNeedsUnit');
		if (a.role === 'truck_crew' && !a.truckId) add(`accounts[${i}].truckId`, 'admin.check.crewNeedsTruck');
	});
	return problems;
}

/** Every problem of a scenario, said in `lang` (the importer's). */
export function validateScenario(raw: unknown, lang: Lang = 'vi'): ScenarioCheck {
	const parsed = scenarioSchema.safeParse(raw, zodLocale(lang));
	if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, lang) };
	const problems = crossReferences(parsed.data, lang);
	return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Reads JSON text, reporting a syntax error as a problem too. */
export function validateScenarioText(text: string, lang: Lang = 'vi'): ScenarioCheck {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		const message = translate(lang, 'admin.scenario.notJsonBecause', { error: (error as Error).message });
		return { ok: false, problems: [{ path: translate(lang, 'admin.scenario.wholeFile'), message }] };
	}
	return validateScenario(raw, lang);
}
