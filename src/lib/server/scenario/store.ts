/**
 * The current event's setup, as imported from a scenario file: data access.
 * Import replaces the whole setup in the caller's transaction; export reads it back so
 * that export then import gives the same event.
 */
import { dueAt, inRunOrder } from '$lib/scenario/milestone-time';
import {
	scenarioFormat,
	topCeremonyId,
	type LevelCeremony,
	type Milestone,
	type Scenario
} from '$lib/scenario/schema';
import type { Db } from '../db';
import { forgetUnitTree, unitTree } from './tree';

export type EventSetup = Scenario['event'];

const sections = ['milestones', 'slogans', 'routes', 'trucks', 'checklistItems'] as const;

export function replaceScenario(db: Db, s: Scenario, now: number): void {
	forgetUnitTree(db);
	for (const table of [
		'checklist_items',
		'trucks',
		'routes',
		'slogans',
		'milestones',
		'invited_groups',
		'ceremonies',
		'report_rows',
		'units',
		'event_info'
	]) {
		db.prepare(`DELETE FROM ${table}`).run();
	}
	db.prepare(
		'INSERT INTO event_info (id, spec, ceremony, report_table, imported_at) VALUES (?, ?, ?, ?, ?)'
	).run(
		s.event.id,
		JSON.stringify(s.event),
		null,
		s.reportTable ? JSON.stringify({ ...s.reportTable, rows: undefined }) : null,
		now
	);
	const unit = db.prepare(
		'INSERT INTO units (id, parent_id, kind, name, sort, spec) VALUES (?, ?, ?, ?, ?, ?)'
	);
	s.units.forEach((u, i) => unit.run(u.id, u.parentId, u.kind, u.name, i, JSON.stringify(u)));
	const milestone = db.prepare('INSERT INTO milestones (id, at, sort, spec) VALUES (?, ?, ?, ?)');
	s.milestones.forEach((m, i) => milestone.run(m.id, dueAt(m.at), i, JSON.stringify(m)));
	const plain = (table: string, list: { id: string }[]) => {
		const insert = db.prepare(`INSERT INTO ${table} (id, sort, spec) VALUES (?, ?, ?)`);
		list.forEach((item, i) => insert.run(item.id, i, JSON.stringify(item)));
	};
	plain('slogans', s.slogans);
	plain('routes', s.routes);
	const ceremony = db.prepare('INSERT INTO ceremonies (id, unit_id, sort, spec) VALUES (?, ?, ?, ?)');
	const group = db.prepare('INSERT INTO invited_groups (id, sort, spec, ceremony_id) VALUES (?, ?, ?, ?)');
	let groups = 0;
	ceremoniesOf(s).forEach((c, i) => {
		const { id, unitId, groups: list, ...setup } = c;
		ceremony.run(id, unitId, i, JSON.stringify(setup));
		for (const g of list) group.run(g.id, groups++, JSON.stringify(g), id);
	});
	plain('report_rows', s.reportTable?.rows ?? []);
	const truck = db.prepare('INSERT INTO trucks (id, unit_id, route_id, sort, spec) VALUES (?, ?, ?, ?, ?)');
	s.trucks.forEach((t, i) => truck.run(t.id, t.unitId, t.routeId ?? null, i, JSON.stringify(t)));
	const item = db.prepare('INSERT INTO checklist_items (id, unit_id, sort, spec) VALUES (?, ?, ?, ?)');
	s.checklistItems.forEach((c, i) => item.run(c.id, c.unitId, i, JSON.stringify(c)));
}

/**
 * Every ceremony of a plan: the single `ceremony` as the top level's (unit null), then each level's.
 */
export function ceremoniesOf(s: Scenario): (Omit<LevelCeremony, 'unitId'> & { unitId: string | null })[] {
	return [
		...(s.ceremony ? [{ ...s.ceremony, id: topCeremonyId, unitId: null }] : []),
		...(s.ceremonies ?? [])
	];
}

function specs<T>(db: Db, table: string): T[] {
	return (db.prepare(`SELECT spec FROM ${table} ORDER BY sort`).all() as { spec: string }[]).map((r) =>
		JSON.parse(r.spec)
	);
}

export function currentEvent(db: Db): EventSetup | undefined {
	const row = db.prepare('SELECT spec FROM event_info').get() as { spec: string } | undefined;
	return row ? JSON.parse(row.spec) : undefined;
}

/** The run of show in the order it falls due (a day without an hour at that day's end). */
export function listMilestones(db: Db): Milestone[] {
	return inRunOrder(specs<Milestone>(db, 'milestones'));
}

/**
 * The run of show a level's readers see (`within`: their level; null: the top's): its own
 * milestones and those of the levels above it (the city's gathering and ceremony matter to a
 * district), never another level's; and without a gathering's list of trucks, which may name other
 * levels' trucks (each level reads its own from the fleet's gatheringViews).
 */
export function milestonesOf(db: Db, within: string | null): Milestone[] {
	const tree = unitTree(db);
	const levels = new Set([tree.root, ...(within ? tree.lineOf(within) : [])]);
	return listMilestones(db)
		.filter((m) => levels.has(m.unitId ? tree.levelOf(m.unitId) : tree.root))
		.map((m) => {
			if (!m.truckIds) return m;
			const shown = { ...m };
			delete shown.truckIds;
			return shown;
		});
}

export function exportScenario(db: Db): Scenario | undefined {
	const info = db.prepare('SELECT spec, ceremony, report_table FROM event_info').get() as
		{ spec: string; ceremony: string | null; report_table: string | null } | undefined;
	if (!info) return undefined;
	const scenario: Scenario = {
		format: scenarioFormat,
		event: JSON.parse(info.spec),
		units: specs(db, 'units'),
		milestones: specs(db, 'milestones'),
		slogans: specs(db, 'slogans'),
		routes: specs(db, 'routes'),
		trucks: specs(db, 'trucks'),
		checklistItems: specs(db, 'checklist_items'),
		accounts: []
	};
	// the top level's ceremony as a plan's single `ceremony`, as older files and databases have it
	const ceremonies = storedCeremonies(db);
	const top = ceremonies.find((c) => c.unitId === null);
	if (top) scenario.ceremony = { ...top.setup, groups: top.groups };
	const levels = ceremonies.filter((c) => c.unitId !== null);
	if (levels.length)
		scenario.ceremonies = levels.map((c) => ({ id: c.id, unitId: c.unitId!, ...c.setup, groups: c.groups }));
	if (info.report_table)
		scenario.reportTable = { ...JSON.parse(info.report_table), rows: specs(db, 'report_rows') };
	return scenario;
}

export function scenarioCounts(s: Scenario): Record<string, number> {
	const counts: Record<string, number> = { units: s.units.length };
	for (const section of sections) counts[section] = s[section].length;
	counts.invitedGroups = ceremoniesOf(s).reduce((n, c) => n + c.groups.length, 0);
	counts.reportRows = s.reportTable?.rows.length ?? 0;
	counts.accounts = s.accounts.length;
	return counts;
}

/** Each ceremony as stored, with its groups (unit null: the top level's). */
function storedCeremonies(db: Db) {
	const rows = db.prepare('SELECT id, unit_id, spec FROM ceremonies ORDER BY sort').all() as {
		id: string;
		unit_id: string | null;
		spec: string;
	}[];
	const groups = db.prepare('SELECT spec FROM invited_groups WHERE ceremony_id = ? ORDER BY sort');
	return rows.map((r) => ({
		id: r.id,
		unitId: r.unit_id,
		setup: JSON.parse(r.spec) as Omit<NonNullable<Scenario['ceremony']>, 'groups'>,
		groups: (groups.all(r.id) as { spec: string }[]).map((g) => JSON.parse(g.spec))
	}));
}

/** The ceremonies' setups with their groups, for the map's places (where each is held). */
export function currentCeremonies(db: Db) {
	return storedCeremonies(db).map((c) => ({ id: c.id, unitId: c.unitId, ...c.setup, groups: c.groups }));
}

export function listRoutes(db: Db): Scenario['routes'] {
	return specs(db, 'routes');
}

export function listTruckSpecs(db: Db): Scenario['trucks'] {
	return specs(db, 'trucks');
}

export function listSlogans(db: Db): Scenario['slogans'] {
	return specs(db, 'slogans');
}
