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
 * A level's live table: every unit of it as it last reported, and the levels beneath that signed
 * off their own tables as signed. The pages and the exports both read it from here.
 */
export function liveTable(
	rows: ReportRow[],
	topId: string,
	units: ReportUnit[],
	submissions: SubmissionView[],
	levelSignoffs: SignoffView[]
): Figures {
	return rollUpLevels(
		rows,
		topId,
		childrenOf(units),
		latestByUnit(submissions),
		new Map(levelSignoffs.flatMap((s) => (s.unitId ? [[s.unitId, s.totals] as const] : [])))
	);
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
