/**
 * Adding the units' figures up along the unit tree: a unit's total is its own latest
 * submission plus its sub-units' (ward + its schools and learning centers → the ward's line;
 * all → the organizer's). Pure, so the server's export and the pages' live table agree.
 */
import type { ReportRow } from '$lib/scenario/schema';
import { cellsOf } from './cells';
import type { Cell, Figures, ReportUnit, SignoffView, SubmissionView } from './types';

/** The latest submission of each unit (the one that counts). */
export function latestByUnit(submissions: SubmissionView[]): Map<string, SubmissionView> {
	const latest = new Map<string, SubmissionView>();
	for (const s of submissions) {
		const known = latest.get(s.unitId);
		if (!known || s.version > known.version) latest.set(s.unitId, s);
	}
	return latest;
}

/** Each unit with every unit below it (itself included), from the parent links. */
export function subtrees(units: ReportUnit[]): Map<string, string[]> {
	const children = new Map<string | null, string[]>();
	for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
	const below = new Map<string, string[]>();
	const walk = (id: string, seen: Set<string>): string[] => {
		const known = below.get(id);
		if (known) return known;
		seen.add(id);
		const all = [id, ...(children.get(id) ?? []).filter((c) => !seen.has(c)).flatMap((c) => walk(c, seen))];
		below.set(id, all);
		return all;
	};
	for (const u of units) walk(u.id, new Set());
	return below;
}

/**
 * The units a table waits for: every unit of its tree but its top, except those the plan marks
 * as not reporting. `below` is subtrees(units).
 */
export function expectedReporters(
	units: ReportUnit[],
	topId: string,
	below: Map<string, string[]>
): ReportUnit[] {
	const tree = new Set(below.get(topId) ?? []);
	return units.filter((u) => u.id !== topId && u.reports && tree.has(u.id));
}

/** The sum of the given figures, row by row, over the cells each row takes. */
export function addUp(rows: ReportRow[], many: Figures[]): Figures {
	const total: Figures = {};
	for (const row of rows) {
		for (const cell of cellsOf(row)) {
			let sum: number | undefined;
			for (const figures of many) {
				const value = figures[row.id]?.[cell];
				if (value !== undefined) sum = (sum ?? 0) + value;
			}
			if (sum !== undefined) total[row.id] = { ...total[row.id], [cell]: sum };
		}
	}
	return total;
}

/** Each unit's direct sub-units, from the parent links. */
export function childrenOf(units: ReportUnit[]): Map<string, string[]> {
	const children = new Map<string, string[]>();
	for (const u of units)
		if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
	return children;
}

/**
 * The table of `topId` as its level sees it: a level beneath that has signed off its own table
 * counts with that signed table, in place of its units' latest figures; every other unit with its
 * latest submission. `signed`: each signed level's totals, by the unit at its top.
 */
export function rollUpLevels(
	rows: ReportRow[],
	topId: string,
	children: Map<string, string[]>,
	latest: Map<string, SubmissionView>,
	signed: Map<string, Figures>
): Figures {
	const parts: Figures[] = [];
	const seen = new Set<string>();
	const walk = (id: string) => {
		if (seen.has(id)) return;
		seen.add(id);
		const table = id === topId ? undefined : signed.get(id);
		if (table) return void parts.push(table);
		const own = latest.get(id);
		if (own) parts.push(own.figures);
		for (const child of children.get(id) ?? []) walk(child);
	};
	walk(topId);
	return addUp(rows, parts);
}

/**
 * What a table counts, once the packages are seen: a unit whose latest report is a package (the
 * signed table of a level that runs its own deployment) counts with it in place of the units
 * beneath it, as a level signed here does (`signed`, which it does not override). A package of the
 * table's own top is left out: the table there is that level's own, added up from its units.
 */
export function withPackages(
	topId: string,
	latest: Map<string, SubmissionView>,
	signed: Map<string, Figures>
): { latest: Map<string, SubmissionView>; signed: Map<string, Figures> } {
	const counted = new Map(latest);
	const tables = new Map(signed);
	if (counted.get(topId)?.package) counted.delete(topId);
	for (const [unitId, s] of counted) if (s.package && !tables.has(unitId)) tables.set(unitId, s.figures);
	return { latest: counted, signed: tables };
}

/**
 * Who a level's table waits for, and who has answered: every unit of its tree but its top (not
 * those the plan marks as not reporting), except that a level beneath which signed off its table
 * (here: `signedLevels`, or in its own deployment: a package) is one answer, standing for every
 * unit beneath it, as its table stands for their figures.
 */
export function completeness(
	units: ReportUnit[],
	topId: string,
	latest: Map<string, SubmissionView>,
	signedLevels: Iterable<string>
): { expected: ReportUnit[]; answered: Set<string> } {
	const below = subtrees(units);
	const tree = new Set(below.get(topId) ?? []);
	const levels = new Set([...signedLevels].filter((id) => id !== topId && tree.has(id)));
	for (const [unitId, s] of latest) if (s.package && unitId !== topId && tree.has(unitId)) levels.add(unitId);
	const covered = new Set<string>();
	for (const level of levels) for (const id of below.get(level) ?? []) if (id !== level) covered.add(id);
	const expected = expectedReporters(units, topId, below).filter((u) => !covered.has(u.id));
	// a level that signed counts even where the plan expects no figures of its own unit
	const signedOnly = units.filter((u) => levels.has(u.id) && !covered.has(u.id) && !u.reports);
	const all = [...expected, ...signedOnly];
	const inOrder = units.filter((u) => all.includes(u));
	return {
		expected: inOrder,
		answered: new Set(inOrder.filter((u) => levels.has(u.id) || latest.has(u.id)).map((u) => u.id))
	};
}

/**
 * A level's live table: every unit of it as it last reported, and the levels beneath that signed
 * off their own tables (here, or in their own deployment: a package) as signed. The pages and the
 * exports both read it from here.
 */
export function liveTable(
	rows: ReportRow[],
	topId: string,
	units: ReportUnit[],
	submissions: SubmissionView[],
	levelSignoffs: SignoffView[]
): Figures {
	const { latest, signed } = withPackages(
		topId,
		latestByUnit(submissions),
		new Map(levelSignoffs.flatMap((s) => (s.unitId ? [[s.unitId, s.totals] as const] : [])))
	);
	return rollUpLevels(rows, topId, childrenOf(units), latest, signed);
}

/** A unit's rolled-up figures: its own latest submission and those of every unit below it. */
export function rollUp(rows: ReportRow[], unitIds: string[], latest: Map<string, SubmissionView>): Figures {
	return addUp(
		rows,
		unitIds.flatMap((id) => {
			const s = latest.get(id);
			return s ? [s.figures] : [];
		})
	);
}

/** The submissions behind one rolled-up cell: who contributed how much to it. */
export function contributions(
	rowId: string,
	cell: Cell,
	unitIds: string[],
	latest: Map<string, SubmissionView>
): { submission: SubmissionView; value: number }[] {
	return unitIds.flatMap((id) => {
		const s = latest.get(id);
		const value = s?.figures[rowId]?.[cell];
		return s && value !== undefined ? [{ submission: s, value }] : [];
	});
}

/**
 * The cumulative total of one cell over the days of the Week: at the end of each day, each
 * unit's latest submission made by then. `dayEnds` are day times (the end of each day).
 */
export function cumulative(
	rowId: string,
	cell: Cell,
	submissions: SubmissionView[],
	dayEnds: number[]
): number[] {
	return dayEnds.map((end) => {
		const asOf = latestByUnit(submissions.filter((s) => s.submittedAt <= end));
		let sum = 0;
		for (const s of asOf.values()) sum += s.figures[rowId]?.[cell] ?? 0;
		return sum;
	});
}
