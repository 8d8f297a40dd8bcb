/**
 * The cells of the table: which take numbers, how a typed number is read (Vietnamese
 * separators: 1.234.567) and checked, how it is shown. Shared by the form and the server.
 */
import { say, type Said } from '$lib/i18n';
import type { ReportRow } from '$lib/scenario/schema';
import type { Cell, Figures } from './types';

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/**
 * The largest figure a unit reports in a cell: ten million (people, classes, books: more than a
 * city's people), and a hundred billion đồng in a money row. Above that it is a typing slip.
 */
export const maxCount = 10_000_000;
export const maxMoney = 100_000_000_000;
/** what the command's shape allows before the row is known */
export const maxCell = maxMoney;
export const maxNote = 500;

const maxOf = (row: Pick<ReportRow, 'money'> | undefined) => (row?.money ? maxMoney : maxCount);
const tooLarge = (row: Pick<ReportRow, 'money'> | undefined) =>
	say(row?.money ? 'reports.cell.tooLargeMoney' : 'reports.cell.tooLargeMax', {
		max: grouping.format(maxOf(row))
	});

export function cellsOf(row: Pick<ReportRow, 'inputs'>): Cell[] {
	if (row.inputs === 'both') return ['count', 'people'];
	if (row.inputs === 'none') return [];
	return [row.inputs];
}

/** 1234567 → "1.234.567" */
export function formatNumber(value: number | undefined | null): string {
	return value === undefined || value === null ? '' : grouping.format(value);
}

export type ReadCell = { ok: true; value: number | undefined } | { ok: false; message: Said };

/** A problem of a cell, its words said in the reader's language where it is shown. */
export interface CellProblem {
	/** as the command names it: `figures.<row>.<cell>` */
	path: string;
	message: Said;
}

/**
 * What a person typed in a cell: empty is no figure; digits with dots or spaces between
 * thousands are a number; anything else says why it is not taken.
 */
export function readCell(typed: string, row?: Pick<ReportRow, 'money'>): ReadCell {
	const text = typed.trim();
	if (text === '') return { ok: true, value: undefined };
	if (text.startsWith('-')) return { ok: false, message: say('reports.cell.negative') };
	if (/[,]\d{1,2}$/.test(text) || /^\d+[.,]\d{1,2}$/.test(text))
		return { ok: false, message: say('reports.cell.decimal') };
	if (!/^\d{1,3}([. ]\d{3})*$|^\d+$/.test(text)) return { ok: false, message: say('reports.cell.digits') };
	const value = Number(text.replace(/[. ]/g, ''));
	if (value > maxOf(row)) return { ok: false, message: tooLarge(row) };
	return { ok: true, value };
}

/**
 * Every problem of a unit's figures against the template: unknown rows, numbers in cells that
 * take none, numbers that are not non-negative integers. Paths are `figures.<row>.<cell>`.
 */
export function checkFigures(rows: ReportRow[], figures: Figures): CellProblem[] {
	const byId = new Map(rows.map((r) => [r.id, r]));
	const problems: CellProblem[] = [];
	for (const [rowId, row] of Object.entries(figures)) {
		const spec = byId.get(rowId);
		const at = `figures.${rowId}`;
		if (!spec) {
			problems.push({ path: at, message: say('reports.cell.unknownRow') });
			continue;
		}
		const allowed = cellsOf(spec);
		for (const cell of ['count', 'people'] as const) {
			const value = row[cell];
			if (value === undefined) continue;
			if (!allowed.includes(cell))
				problems.push({ path: `${at}.${cell}`, message: say('reports.cell.notTaken', { row: spec.label }) });
			else if (!Number.isInteger(value) || value < 0)
				problems.push({ path: `${at}.${cell}`, message: say('reports.cell.notWhole') });
			else if (value > maxOf(spec)) problems.push({ path: `${at}.${cell}`, message: tooLarge(spec) });
		}
		if (row.note !== undefined && row.note.length > maxNote)
			problems.push({ path: `${at}.note`, message: say('reports.cell.noteMax', { maximum: maxNote }) });
	}
	return problems;
}

/** Figures without empty rows, so the same table always looks the same. */
export function compactFigures(figures: Figures): Figures {
	const out: Figures = {};
	for (const [rowId, row] of Object.entries(figures)) {
		const kept = {
			...(row.count !== undefined && { count: row.count }),
			...(row.people !== undefined && { people: row.people }),
			...(row.note?.trim() && { note: row.note.trim() })
		};
		if (Object.keys(kept).length) out[rowId] = kept;
	}
	return out;
}
