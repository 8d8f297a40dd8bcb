/**
 * Demo: the Week's reporting. Every unit but the table's top sends its figures once, at an office
 * hour on a day of the Week, as its own demo account (a ward's or a unit's) or else as the demo
 * coordinator entering them for it. One unit sends after the deadline; one sends a second
 * version a day after its first with some numbers changed. The numbers are made up but
 * plausible for the kind of unit, the texts say they are demo; the rows, sections and units
 * all come from the database.
 */
import type { Cell, Figures, Narrative, ReportUnit, RowFigures } from '$lib/reports/types';
import { cellsOf } from '$lib/reports/cells';
import type { ReportRow, Role } from '$lib/scenario/schema';
import { userActor } from '../access';
import { executeCommand } from '../commands/execute';
import { db } from '../db';
import { uuidFromName } from '../ids';
import { reportPicture, type ReportPicture } from '../reports/picture';
import { demoUsers } from '../users/store';
import { demoReportTexts as texts } from './report-texts';
import { share } from './share';
import type { DemoActor } from './types';

const hour = 3600_000;
const day = 24 * hour;
/** on-time submissions keep this far from the deadline: a tick of the quick act is about an hour */
const margin = 3 * hour;

/** What the schedule needs of the reporting picture. */
export type ReportSetting = Pick<
	ReportPicture,
	'template' | 'top' | 'units' | 'deadline' | 'weekStart' | 'weekEnd'
>;

/** What the schedule needs of a demo account. */
export interface ReportAccount {
	role: Role;
	unitId: string | null;
}

export interface ReportStep<A extends ReportAccount = ReportAccount> {
	/** day time */
	at: number;
	unitId: string;
	/** 1 for every unit; 2 for the one unit that sends a revision */
	version: number;
	/** who sends it: the unit's own demo account, else the demo coordinator */
	account: A;
	payload: { unitId: string; figures: Figures; narrative: Narrative; uploads: string[] };
}

/** When the units are due: the report deadline, else the end of the Week. */
function dueOf(p: Pick<ReportSetting, 'deadline' | 'weekStart' | 'weekEnd'>): number {
	return Math.max(p.deadline ?? p.weekEnd, p.weekStart + day);
}

/** The reporting act's day times: from the Week's start to a day after the deadline. */
export function reportWindow(p: Pick<ReportSetting, 'deadline' | 'weekStart' | 'weekEnd'>): {
	start: number;
	end: number;
} {
	return { start: p.weekStart, end: dueOf(p) + day };
}

/** people and money a unit of a kind reports, against a ward's */
const scale: Record<string, number> = {
	city: 1,
	district: 1,
	ward: 1,
	learning_center: 0.6,
	organization: 0.5,
	school: 0.45,
	agency: 0.35
};

/** a number in [lo, hi] from h in [0, 1) */
const between = (h: number, lo: number, hi: number) => lo + Math.round(h * (hi - lo));
/** money is reported in round thousands of đồng */
const thousands = (amount: number) => Math.round(amount / 1000) * 1000;
/** a row counting books (quyển) takes hundreds, not a few */
const books = (row: ReportRow) => /quyển/i.test(row.measure);
/** a row counting units (huyện, trường, đơn vị…) that did something: none to a couple per unit */
const unitsCounted = (row: ReportRow) =>
	/huyện|quận|xã|phường|trường|trung tâm|đơn vị|tập thể/i.test(row.measure);

/** A row the unit types in: its cells' made-up numbers, plausible for the unit's kind. */
function typedRow(row: ReportRow, unit: ReportUnit): RowFigures {
	const k = scale[unit.kind] ?? 0.5;
	const h = (cell: Cell) => share(`${unit.id}:${row.id}:${cell}`);
	const cells = cellsOf(row);
	if (row.money)
		return Object.fromEntries(
			cells.map((c) => [c, thousands(between(h(c), 2_000_000, 2_000_000 + 28_000_000 * k))])
		);
	if (cells.length === 2) {
		// classes or contests, and the people in them: 20 to 75 each at a ward
		const count = 1 + Math.floor(h('count') ** 2 * 8);
		return {
			count,
			people: Math.min(600, Math.max(20, Math.round(count * between(h('people'), 20, 75) * k)))
		};
	}
	// people alone in a row that adds nothing up are persons singled out (awards): a few
	if (cells[0] === 'people') return { people: between(h('people'), 0, 12) };
	if (books(row)) return { count: between(h('count'), 50, 50 + 750 * k) };
	if (unitsCounted(row)) return { count: Math.floor(h('count') * 3) };
	return { count: Math.floor(h('count') ** 2 * 13) };
}

/** The same row in the revision: each cell a little higher than first sent. */
function revisedRow(row: ReportRow, unit: ReportUnit, first: RowFigures): RowFigures {
	const cells = cellsOf(row);
	const out: RowFigures = {};
	for (const cell of cells) {
		const h = share(`${unit.id}:${row.id}:${cell}:more`);
		const by = row.money
			? thousands(between(h, 500_000, 5_000_000))
			: cell === 'count' && books(row)
				? between(h, 10, 100)
				: cell === 'people' && cells.length === 2
					? between(h, 5, 60)
					: 1 + Math.floor(h * 3);
		out[cell] = (first[cell] ?? 0) + by;
	}
	return out;
}

/**
 * The rows a total row adds up, by cell: a row "…, trong đó:" adds the rows after it in its
 * section; a section's head (a row with an STT) adds the other rows of its section.
 */
function totalsOf(rows: ReportRow[]): Map<string, ReportRow[]> {
	const totals = new Map<string, ReportRow[]>();
	const ofWhich = (r: ReportRow) => /trong đó:?\s*$/i.test(r.label);
	rows.forEach((row, i) => {
		if (cellsOf(row).length === 0) return;
		const parts = ofWhich(row)
			? rows.slice(i + 1).filter((r) => r.section === row.section)
			: row.stt.trim()
				? rows.filter((r) => r.section === row.section && r.stt.trim() === '' && !ofWhich(r))
				: [];
		const adding = parts.filter((r) => cellsOf(r).some((c) => cellsOf(row).includes(c)));
		if (adding.length) totals.set(row.id, adding);
	});
	return totals;
}

/** A unit's figures: the rows it types in (some left empty), the totals added up from them. */
function figuresOf(rows: ReportRow[], unit: ReportUnit, revised: boolean): Figures {
	const totals = totalsOf(rows);
	const typed = rows.filter((r) => cellsOf(r).length > 0 && !totals.has(r.id));
	const rank = (what: string) =>
		[...typed].sort((a, b) => share(`${unit.id}:${a.id}:${what}`) - share(`${unit.id}:${b.id}:${what}`));
	const empty = new Set(rank('empty').slice(0, Math.max(1, Math.round(typed.length * 0.2))));
	const filled = typed.filter((r) => !empty.has(r));
	const changed = revised
		? rank('revise')
				.filter((r) => !empty.has(r))
				.slice(0, 3)
		: [];
	const figures: Figures = {};
	for (const row of filled) {
		const first = typedRow(row, unit);
		figures[row.id] = changed.includes(row) ? revisedRow(row, unit, first) : first;
	}
	if (changed[0]) figures[changed[0].id].note = texts.revisedNote;
	for (const row of rows) {
		const parts = totals.get(row.id);
		if (!parts) continue;
		const sum: RowFigures = {};
		for (const cell of cellsOf(row)) {
			const values = parts.flatMap((r) => {
				const v = figures[r.id]?.[cell];
				return v === undefined ? [] : [v];
			});
			if (values.length) sum[cell] = values.reduce((a, b) => a + b, 0);
		}
		if (Object.keys(sum).length) figures[row.id] = sum;
	}
	return figures;
}

function narrativeOf(setting: ReportSetting, unit: ReportUnit, revised: boolean): Narrative {
	const narrative: Narrative = {};
	setting.template.form.sections.forEach((section, i) => {
		const pool = i === 0 ? texts.opening : texts.further;
		const sentence = pool[Math.floor(share(`${unit.id}:${section.id}:text`) * pool.length)];
		const text = i === 0 ? `${unit.name} ${sentence}` : sentence;
		narrative[section.id] = `${texts.marker} ${text}${revised && i === 0 ? ` ${texts.revised}` : ''}`;
	});
	return narrative;
}

/** The unit with the highest share for `what`, among the preferred ones if there are any. */
function pick(units: ReportUnit[], what: string, prefer: (u: ReportUnit) => boolean): ReportUnit | undefined {
	const pool = units.some(prefer) ? units.filter(prefer) : units;
	return pool.reduce<ReportUnit | undefined>(
		(best, u) => (!best || share(`${u.id}:${what}`) > share(`${best.id}:${what}`) ? u : best),
		undefined
	);
}

/**
 * Every demo submission of the Week, in time order: pure, so the same picture and accounts give
 * the same steps in every cycle and after a restart (the commands' ids and contents match).
 */
export function reportSchedule<A extends ReportAccount>(
	setting: ReportSetting,
	accounts: A[]
): ReportStep<A>[] {
	const { weekStart } = setting;
	const due = dueOf(setting);
	const latest = due - margin;
	// the last day with office hours (7:30–17:30) before `latest`
	const lastDay = Math.floor((latest - 7.5 * hour - weekStart) / day);
	const coordinator = accounts.find((a) => a.role === 'coordinator');
	const accountOf = (unitId: string) =>
		accounts.find((a) => (a.role === 'ward_staff' || a.role === 'unit_staff') && a.unitId === unitId) ??
		coordinator;
	const units = setting.units.filter((u) => u.id !== setting.top.id && accountOf(u.id));
	const late = pick(units, 'late', (u) => u.kind === 'ward');
	const revising = pick(
		units.filter((u) => u !== late),
		'revise',
		(u) => accountOf(u.id) !== coordinator
	);

	/** an office hour on a day of the Week, later days likelier; not after day `last` */
	const onTime = (unitId: string, last: number) => {
		const h = share(`${unitId}:day`);
		if (last < 0) return weekStart + (latest - weekStart) * (0.1 + 0.85 * h);
		const d = Math.min(last, Math.floor(Math.sqrt(h) * (last + 1)));
		const opens = weekStart + d * day + 7.5 * hour;
		const closes = Math.min(opens + 10 * hour, latest);
		return opens + (closes - opens) * share(`${unitId}:hour`);
	};

	const steps: ReportStep<A>[] = [];
	for (const unit of units) {
		const account = accountOf(unit.id)!;
		const step = (at: number, version: number): ReportStep<A> => ({
			at: Math.round(at),
			unitId: unit.id,
			version,
			account,
			payload: {
				unitId: unit.id,
				figures: figuresOf(setting.template.rows, unit, version > 1),
				narrative: narrativeOf(setting, unit, version > 1),
				uploads: []
			}
		});
		if (unit === late) {
			steps.push(step(due + (1 + 15 * share(`${unit.id}:hour`)) * hour, 1));
		} else if (unit === revising) {
			const first = onTime(unit.id, Math.max(0, lastDay - 1));
			steps.push(step(first, 1), step(Math.min(first + day, latest), 2));
		} else {
			steps.push(step(onTime(unit.id, lastDay), 1));
		}
	}
	return steps.sort((a, b) => a.at - b.at || a.version - b.version);
}

export const reportSubmissions: DemoActor = {
	name: 'reports',
	async tick(tick) {
		const picture = reportPicture(db());
		if (!picture) return;
		const window = reportWindow(picture);
		if (tick.to <= window.start || tick.from >= window.end) return;
		const accounts = (['ward_staff', 'unit_staff', 'coordinator'] as const).flatMap((role) =>
			demoUsers(db(), role)
		);
		for (const step of reportSchedule(picture, accounts)) {
			if (step.at <= tick.from || step.at > tick.to) continue;
			const result = await executeCommand(
				userActor(step.account),
				{
					id: uuidFromName(`demo:${tick.eventId}:${tick.cycle}:report:${step.unitId}:${step.version}`),
					type: 'report.submit',
					payload: step.payload
				},
				{ demo: true }
			);
			if (!result.ok)
				console.warn(`[demo] report of ${step.unitId} (version ${step.version}) refused: ${result.message}`);
		}
	}
};
