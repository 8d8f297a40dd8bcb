/**
 * Checks a scenario file completely: the schema, then the references between its parts.
 * Returns every problem with its path in the file, never just the first.
 */
import type { z } from 'zod';
import { isMessageKey, translate, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';
import type { Problem } from '$lib/types';
import { zodLocale } from '$lib/zod';
import { jsonFaultAt } from './json-syntax';
import { noTemplates, withReportTemplate, type ReportTemplates } from './report-templates';
import { isLevel } from '$lib/units/kinds';
import { scenarioSchema, topCeremonyId, type Scenario, type UnitKind } from './schema';

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

function pathOf(path: readonly PropertyKey[]): string {
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join('');
}

/**
 * The problems in `lang`: the schema's own messages are catalogue keys, filled in with the
 * issue's own fields ({maximum}, {minimum}); zod's are in `lang` already (see zodLocale). A
 * position written [latitude, longitude] is said once, as swapped, at the position.
 */
export function zodProblems(error: z.ZodError, lang: Lang, raw?: unknown): Problem[] {
	const problems: Problem[] = [];
	const swapped = new Set<string>();
	for (const issue of error.issues) {
		const position = swappedPosition(raw, issue.path);
		if (position) {
			const path = pathOf(issue.path.slice(0, -1));
			if (!swapped.has(path))
				problems.push({
					path,
					message: translate(lang, 'admin.check.swapped', { lng: position[1], lat: position[0] })
				});
			swapped.add(path);
			continue;
		}
		problems.push({
			path: pathOf(issue.path) || translate(lang, 'admin.scenario.wholeFile'),
			message: isMessageKey(issue.message)
				? translate(lang, issue.message, issue as unknown as MessageParams)
				: issue.message
		});
	}
	return problems;
}

/** The pair at the issue's parent when it reads as [latitude, longitude] (a latitude past 90). */
function swappedPosition(raw: unknown, path: readonly PropertyKey[]): [number, number] | null {
	if (path.length < 2 || typeof path.at(-1) !== 'number') return null;
	let value = raw;
	for (const key of path.slice(0, -1)) value = field(value, key);
	if (!Array.isArray(value) || value.length !== 2) return null;
	const [a, b] = value;
	if (typeof a !== 'number' || typeof b !== 'number') return null;
	return Math.abs(a) <= 90 && Math.abs(b) > 90 && Math.abs(b) <= 180 ? [a, b] : null;
}

/** `value[key]` when there is one: the references are read from a file the schema may refuse */
function field(value: unknown, key: PropertyKey): unknown {
	return value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
}
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The references between parts (ids unique, every id named exists, one tree), read from the file
 * as it is, so they are found in the same pass as faults of shape.
 */
function crossReferences(s: unknown, lang: Lang): Problem[] {
	const problems: Problem[] = [];
	const add = (path: string, key: MessageKey, params?: MessageParams) =>
		problems.push({ path, message: translate(lang, key, params) });

	// a list that is not a list is the schema's fault, said once: nothing is checked against it
	const idsOf = (items: unknown, name: string, what: MessageKey): Set<string> | null => {
		if (!Array.isArray(items)) return null;
		const seen = new Set<string>();
		list(items).forEach((item, i) => {
			const id = text(field(item, 'id'));
			if (id === undefined) return;
			if (seen.has(id))
				add(`${name}[${i}].id`, 'admin.check.duplicateId', { what: translate(lang, what), id });
			seen.add(id);
		});
		return seen;
	};
	const units = idsOf(field(s, 'units'), 'units', 'admin.check.what.units');
	idsOf(field(s, 'milestones'), 'milestones', 'admin.check.what.milestones');
	const slogans = idsOf(field(s, 'slogans'), 'slogans', 'admin.check.what.slogans');
	const routes = idsOf(field(s, 'routes'), 'routes', 'admin.check.what.routes');
	const trucks = idsOf(field(s, 'trucks'), 'trucks', 'admin.check.what.trucks');
	idsOf(field(s, 'checklistItems'), 'checklistItems', 'admin.check.what.checklistItems');
	idsOf(field(field(s, 'reportTable'), 'rows'), 'reportTable.rows', 'admin.check.what.reportRows');
	list(field(s, 'routes')).forEach((r, i) =>
		idsOf(field(r, 'checkpoints'), `routes[${i}].checkpoints`, 'admin.check.what.checkpoints')
	);

	const unitRef = (path: string, id: unknown) => {
		if (units && typeof id === 'string' && id && !units.has(id)) add(path, 'admin.check.noUnit', { id });
	};
	const event = field(s, 'event');
	unitRef('event.organizerUnitId', field(event, 'organizerUnitId'));
	const [start, end] = [text(field(event, 'startDate')), text(field(event, 'endDate'))];
	if (start && end && end < start) add('event.endDate', 'admin.check.endBeforeStart');

	// the unit tree: every parent exists, exactly one root, no cycles
	const unitList = list(field(s, 'units'));
	const parent = new Map(unitList.map((u) => [text(field(u, 'id')), field(u, 'parentId')]));
	const roots = unitList.filter((u) => field(u, 'parentId') === null);
	if (units && roots.length !== 1) add('units', 'admin.check.roots', { count: roots.length });
	unitList.forEach((u, i) => {
		const parentId = field(u, 'parentId');
		if (typeof parentId !== 'string') return;
		if (!units?.has(parentId)) {
			add(`units[${i}].parentId`, 'admin.check.noParent', { id: parentId });
			return;
		}
		const id = text(field(u, 'id')) ?? '';
		const visited = new Set([id]);
		for (let p: unknown = parentId; typeof p === 'string'; p = parent.get(p)) {
			if (visited.has(p)) {
				add(`units[${i}].parentId`, 'admin.check.cycle', { id });
				break;
			}
			visited.add(p);
		}
	});

	list(field(s, 'trucks')).forEach((t, i) => {
		unitRef(`trucks[${i}].unitId`, field(t, 'unitId'));
		const routeId = text(field(t, 'routeId'));
		if (routeId && routes && !routes.has(routeId))
			add(`trucks[${i}].routeId`, 'admin.check.noRoute', { id: routeId });
		list(field(t, 'sloganIds')).forEach((sid, j) => {
			if (typeof sid === 'string' && slogans && !slogans.has(sid))
				add(`trucks[${i}].sloganIds[${j}]`, 'admin.check.noSlogan', { id: sid });
		});
	});
	list(field(s, 'milestones')).forEach((m, i) => {
		unitRef(`milestones[${i}].unitId`, field(m, 'unitId'));
		const gathering = field(m, 'kind') === 'gathering';
		const placed = field(m, 'position') !== undefined;
		for (const key of ['position', 'radiusM', 'truckIds'] as const) {
			if (field(m, key) === undefined) continue;
			if (!gathering) add(`milestones[${i}].${key}`, 'admin.check.gatheringOnly', { field: key });
			else if (!placed) add(`milestones[${i}].${key}`, 'admin.check.gatheringNeedsPosition', { field: key });
		}
		list(field(m, 'truckIds')).forEach((tid, j) => {
			if (typeof tid === 'string' && trucks && !trucks.has(tid))
				add(`milestones[${i}].truckIds[${j}]`, 'admin.check.noTruck', { id: tid });
		});
	});
	problems.push(...ceremonyReferences(s, unitList, unitRef, lang));
	list(field(s, 'checklistItems')).forEach((c, i) => {
		unitRef(`checklistItems[${i}].unitId`, field(c, 'unitId'));
		const sloganId = text(field(c, 'sloganId'));
		if (sloganId && slogans && !slogans.has(sloganId))
			add(`checklistItems[${i}].sloganId`, 'admin.check.noSlogan', { id: sloganId });
	});

	const usernames = new Set<string>();
	list(field(s, 'accounts')).forEach((a, i) => {
		const username = text(field(a, 'username'));
		if (username && usernames.has(username))
			add(`accounts[${i}].username`, 'admin.check.duplicateUsername', { username });
		if (username) usernames.add(username);
		unitRef(`accounts[${i}].unitId`, field(a, 'unitId'));
		const truckId = text(field(a, 'truckId'));
		if (truckId && trucks && !trucks.has(truckId))
			add(`accounts[${i}].truckId`, 'admin.check.noTruck', { id: truckId });
		const role = field(a, 'role');
		if (role === 'ward_staff' && !field(a, 'unitId'))
			add(`accounts[${i}].unitId`, 'admin.check.wardNeedsUnit');
		if (role === 'truck_crew' && !truckId) add(`accounts[${i}].truckId`, 'admin.check.crewNeedsTruck');
	});
	return problems;
}

/**
 * The ceremonies: ids unique (the single `ceremony` goes by topCeremonyId), each unit known, one
 * ceremony per level (the top's may be the single `ceremony`), and every invited group's id unique
 * across them all (a gate reads a group from its QR without knowing the ceremony).
 */
function ceremonyReferences(
	s: unknown,
	unitList: unknown[],
	unitRef: (path: string, id: unknown) => void,
	lang: Lang
): Problem[] {
	const problems: Problem[] = [];
	const add = (path: string, key: MessageKey, params?: MessageParams) =>
		problems.push({ path, message: translate(lang, key, params) });
	const kindOf = new Map(unitList.map((u) => [text(field(u, 'id')), text(field(u, 'kind')) as UnitKind]));
	const parentOf = new Map(unitList.map((u) => [text(field(u, 'id')), text(field(u, 'parentId'))]));
	const root = text(
		field(
			unitList.find((u) => field(u, 'parentId') === null),
			'id'
		)
	);
	// the level a unit belongs to, as the server's tree says it (scenario/tree.ts levelOf)
	const levelOf = (unitId: string): string | undefined => {
		const seen = new Set<string>();
		for (let at: string | undefined = unitId; at && !seen.has(at); at = parentOf.get(at)) {
			seen.add(at);
			if (kindOf.has(at) && isLevel(kindOf.get(at)!)) return at;
		}
		return root;
	};
	const single = field(s, 'ceremony');
	const all = [
		...(single && typeof single === 'object' ? [{ c: single, path: 'ceremony', unitId: root }] : []),
		...list(field(s, 'ceremonies')).map((c, i) => ({
			c,
			path: `ceremonies[${i}]`,
			unitId: text(field(c, 'unitId'))
		}))
	];
	const ids = new Map<string, string>();
	const levels = new Map<string, string>();
	const groups = new Set<string>();
	for (const { c, path, unitId } of all) {
		const id = path === 'ceremony' ? topCeremonyId : text(field(c, 'id'));
		if (id && ids.has(id))
			add(`${path}.id`, 'admin.check.duplicateId', {
				what: translate(lang, 'admin.check.what.ceremonies'),
				id
			});
		if (id) ids.set(id, path);
		if (path !== 'ceremony') unitRef(`${path}.unitId`, unitId);
		const level = unitId && kindOf.has(unitId) ? levelOf(unitId) : undefined;
		if (level && levels.has(level))
			add(`${path}.unitId`, 'admin.check.ceremonyPerLevel', { unit: unitId!, other: levels.get(level)! });
		else if (level) levels.set(level, id ?? path);
		list(field(c, 'groups')).forEach((g, j) => {
			const groupId = text(field(g, 'id'));
			if (groupId && groups.has(groupId))
				add(`${path}.groups[${j}].id`, 'admin.check.duplicateId', {
					what: translate(lang, 'admin.check.what.groups'),
					id: groupId
				});
			if (groupId) groups.add(groupId);
		});
	}
	return problems;
}

/**
 * Every problem of a scenario, said in `lang` (the importer's): shapes and references in one pass.
 * A report table given by name is taken from `templates` first (the server's shipped ones).
 */
export function validateScenario(
	file: unknown,
	lang: Lang,
	templates: ReportTemplates = noTemplates
): ScenarioCheck {
	const { raw, problems: named } = withReportTemplate(file, templates, lang);
	const parsed = scenarioSchema.safeParse(raw, zodLocale(lang));
	const problems = [
		...named,
		...(parsed.success ? [] : zodProblems(parsed.error, lang, raw)),
		...crossReferences(raw, lang)
	];
	return parsed.success && !problems.length ? { ok: true, scenario: parsed.data } : { ok: false, problems };
}

/** Reads JSON text; a syntax error is one problem, placed by line and column. */
export function validateScenarioText(
	text: string,
	lang: Lang,
	templates: ReportTemplates = noTemplates
): ScenarioCheck {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch {
		return { ok: false, problems: [syntaxProblem(text, lang)] };
	}
	return validateScenario(raw, lang, templates);
}

/** The syntax error, placed where the text stops being JSON. */
function syntaxProblem(text: string, lang: Lang): Problem {
	const at = jsonFaultAt(text) ?? text.length;
	const before = text.slice(0, at);
	const line = before.split('\n').length;
	const column = at - before.lastIndexOf('\n');
	const near = (text.split('\n')[line - 1] ?? '').trim().slice(0, 60);
	return {
		path: translate(lang, 'admin.scenario.lineColumn', { line, column }),
		message: translate(lang, 'admin.scenario.syntax', { near })
	};
}
