/**
 * The current event's setup, as imported from a scenario file: data access.
 * Import replaces the whole setup in the caller's transaction; export reads it back so
 * that export then import gives the same event.
 */
import { dueAt, inRunOrder } from '$lib/scenario/milestone-time';
import { scenarioFormat, type Milestone, type Scenario } from '$lib/scenario/schema';
import type { Db } from '../db';
import { forgetUnitTree } from './tree';

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
		s.ceremony ? JSON.stringify({ ...s.ceremony, groups: undefined }) : null,
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
	plain('invited_groups', s.ceremony?.groups ?? []);
	plain('report_rows', s.reportTable?.rows ?? []);
	const truck = db.prepare('INSERT INTO trucks (id, unit_id, route_id, sort, spec) VALUES (?, ?, ?, ?, ?)');
	s.trucks.forEach((t, i) => truck.run(t.id, t.unitId, t.routeId ?? null, i, JSON.stringify(t)));
	const item = db.prepare('INSERT INTO checklist_items (id, unit_id, sort, spec) VALUES (?, ?, ?, ?)');
	s.checklistItems.forEach((c, i) => item.run(c.id, c.unitId, i, JSON.stringify(c)));
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
 * The run of show as pages show it: without a gathering's list of trucks, which may name other
 * levels' trucks (each level reads its own from the fleet's gatheringViews).
 */
export function listRunOfShow(db: Db): Milestone[] {
	return listMilestones(db).map((m) => {
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
	if (info.ceremony)
		scenario.ceremony = { ...JSON.parse(info.ceremony), groups: specs(db, 'invited_groups') };
	if (info.report_table)
		scenario.reportTable = { ...JSON.parse(info.report_table), rows: specs(db, 'report_rows') };
	return scenario;
}

export function scenarioCounts(s: Scenario): Record<string, number> {
	const counts: Record<string, number> = { units: s.units.length };
	for (const section of sections) counts[section] = s[section].length;
	counts.invitedGroups = s.ceremony?.groups.length ?? 0;
	counts.reportRows = s.reportTable?.rows.length ?? 0;
	counts.accounts = s.accounts.length;
	return counts;
}

export function currentCeremony(db: Db): Scenario['ceremony'] | undefined {
	const row = db.prepare('SELECT ceremony FROM event_info').get() as { ceremony: string | null } | undefined;
	return row?.ceremony ? { ...JSON.parse(row.ceremony), groups: specs(db, 'invited_groups') } : undefined;
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
