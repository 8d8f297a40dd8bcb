/** What the report charts draw, from the live board: pure, so both pages and tests agree. */
import { cellsOf } from '$lib/reports/cells';
import { cumulative, rollUp } from '$lib/reports/rollup';
import type { Cell, ReportTemplate, ReportUnit, SubmissionView } from '$lib/reports/types';
import type { ReportRow } from '$lib/scenario/schema';
import { formatDate } from '$lib/time/format';

const day = 24 * 3600_000;

/** The cell that stands for a row in a chart: people where it counts people, else its count. */
export function mainCell(row: ReportRow): Cell | null {
	const takes = cellsOf(row);
	return takes.includes('people') ? 'people' : (takes[0] ?? null);
}

export const shortLabel = (row: ReportRow, max = 38) =>
	row.label.length > max ? `${row.label.slice(0, max - 1)}…` : row.label;

/** The rows worth a chart: those with a target, else the template's key rows. */
export function chartRows(template: ReportTemplate): ReportRow[] {
	const withTarget = template.rows.filter((r) => r.target && mainCell(r));
	const key = template.rows.filter((r) => r.key && mainCell(r) && !withTarget.includes(r));
	return [...withTarget, ...key];
}

/** Day ends (Việt Nam midnights) from the Week's start to the later of its end and the deadline. */
export function reportDays(weekStart: number, weekEnd: number, deadline: number | null): number[] {
	const last = Math.max(weekEnd, deadline ?? weekEnd);
	const ends: number[] = [];
	for (let end = weekStart + day; end < last + day; end += day) ends.push(end);
	return ends;
}

export const dayLabel = (end: number) => formatDate(end - day).slice(0, 5);

export function cumulativeSeries(
	row: ReportRow,
	submissions: SubmissionView[],
	dayEnds: number[],
	now: number
): (number | null)[] {
	const cell = mainCell(row);
	if (!cell) return dayEnds.map(() => null);
	const values = cumulative(row.id, cell, submissions, dayEnds);
	// days not yet come stay empty rather than flat
	return values.map((v, i) => (dayEnds[i] - day <= now ? v : null));
}

/** One row's total by the organizer's direct sub-units (each with the units below it). */
export function byUnit(
	row: ReportRow,
	topId: string,
	units: ReportUnit[],
	below: Map<string, string[]>,
	latest: Map<string, SubmissionView>
): { name: string; value: number }[] {
	const cell = mainCell(row);
	if (!cell) return [];
	return units
		.filter((u) => u.parentId === topId)
		.map((u) => ({
			name: u.name,
			value: rollUp([row], below.get(u.id) ?? [u.id], latest)[row.id]?.[cell] ?? 0
		}));
}
