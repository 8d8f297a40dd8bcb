/** The reporting table: the template from the scenario, drafts, submissions, the sign-off. */
import { reportFormSchema, type ReportRow } from '$lib/scenario/schema';
import type { DraftView, ReportTemplate, SignoffView, SubmissionView } from '$lib/reports/types';
import type { Db } from '../db';
import { readMeta } from '../db/meta';

/** The template last parsed, by the revision that migration 8's triggers keep: parsing it on
 * every read was a fifth of a draft save's CPU. */
let parsed: { revision: string; template: ReportTemplate | null } | null = null;

/** Shared and frozen: callers copy what they change. */
export function reportTemplate(db: Db): ReportTemplate | null {
	const revision = readMeta<string>(db, 'report_template_revision');
	if (revision && parsed?.revision === revision) return parsed.template;
	const template = readTemplate(db);
	if (revision) parsed = { revision, template };
	return template;
}

function readTemplate(db: Db): ReportTemplate | null {
	const info = db.prepare('SELECT report_table FROM event_info').get() as
		{ report_table: string | null } | undefined;
	if (!info?.report_table) return null;
	const table = JSON.parse(info.report_table) as Omit<ReportTemplate, 'rows'>;
	const rows = (db.prepare('SELECT spec FROM report_rows ORDER BY sort').all() as { spec: string }[]).map(
		(r) => Object.freeze(JSON.parse(r.spec) as ReportRow)
	);
	return Object.freeze({
		...table,
		form: reportFormSchema.parse(table.form ?? {}),
		rows: Object.freeze(rows) as ReportRow[]
	});
}

export function saveRowSpec(db: Db, row: ReportRow): void {
	db.prepare('UPDATE report_rows SET spec = ? WHERE id = ?').run(JSON.stringify(row), row.id);
}

interface DraftRow {
	unit_id: string;
	figures: string;
	narrative: string;
	uploads: string;
	saved_at: number;
	by_label: string;
}

export function getDraft(
	db: Db,
	unitId: string,
	photoIdsOf: (uploads: string[]) => string[]
): DraftView | null {
	const row = db.prepare('SELECT * FROM report_drafts WHERE unit_id = ?').get(unitId) as DraftRow | undefined;
	if (!row) return null;
	const uploads = JSON.parse(row.uploads) as string[];
	return {
		unitId: row.unit_id,
		figures: JSON.parse(row.figures),
		narrative: JSON.parse(row.narrative),
		uploads,
		photoIds: photoIdsOf(uploads),
		savedAt: row.saved_at,
		by: row.by_label
	};
}

export function saveDraft(db: Db, draft: Omit<DraftView, 'photoIds'>): void {
	db.prepare(
		`INSERT INTO report_drafts (unit_id, figures, narrative, uploads, saved_at, by_label) VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT (unit_id) DO UPDATE SET figures = excluded.figures, narrative = excluded.narrative,
		 uploads = excluded.uploads, saved_at = excluded.saved_at, by_label = excluded.by_label`
	).run(
		draft.unitId,
		JSON.stringify(draft.figures),
		JSON.stringify(draft.narrative),
		JSON.stringify(draft.uploads),
		draft.savedAt,
		draft.by
	);
}

interface SubmissionRow {
	id: string;
	unit_id: string;
	version: number;
	figures: string;
	narrative: string;
	photo_ids: string;
	submitted_at: number;
	by_label: string;
	late: number;
	after_signoff: number;
	demo: number;
	package: string | null;
}

const toSubmission = (r: SubmissionRow): SubmissionView => ({
	id: r.id,
	unitId: r.unit_id,
	version: r.version,
	figures: JSON.parse(r.figures),
	narrative: JSON.parse(r.narrative),
	photoIds: JSON.parse(r.photo_ids),
	submittedAt: r.submitted_at,
	by: r.by_label,
	late: r.late === 1,
	afterSignoff: r.after_signoff === 1,
	demo: r.demo === 1,
	...(r.package ? { package: JSON.parse(r.package) } : {})
});

/** Every submission, oldest first; of one unit when asked. */
export function listSubmissions(db: Db, unitId?: string): SubmissionView[] {
	const rows = (
		unitId
			? db.prepare('SELECT * FROM report_submissions WHERE unit_id = ? ORDER BY real_at, version').all(unitId)
			: db.prepare('SELECT * FROM report_submissions ORDER BY real_at, version').all()
	) as SubmissionRow[];
	return rows.map(toSubmission);
}

export function lastVersion(db: Db, unitId: string): number {
	return (
		(
			db.prepare('SELECT MAX(version) AS v FROM report_submissions WHERE unit_id = ?').get(unitId) as {
				v: number | null;
			}
		).v ?? 0
	);
}

export function insertSubmission(db: Db, s: SubmissionView, realAt: number): void {
	db.prepare(
		`INSERT INTO report_submissions (id, unit_id, version, figures, narrative, photo_ids, submitted_at, real_at,
		 by_label, late, after_signoff, demo, package) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	).run(
		s.id,
		s.unitId,
		s.version,
		JSON.stringify(s.figures),
		JSON.stringify(s.narrative),
		JSON.stringify(s.photoIds),
		s.submittedAt,
		realAt,
		s.by,
		s.late ? 1 : 0,
		s.afterSignoff ? 1 : 0,
		s.demo ? 1 : 0,
		s.package ? JSON.stringify(s.package) : null
	);
}

/**
 * The submission a lower level's signed table became, by its sign-off's id (every package of that
 * sign-off holds the same table); null when none was imported.
 */
export function submissionOfSignoff(db: Db, signoffId: string): SubmissionView | null {
	const row = db
		.prepare(
			"SELECT * FROM report_submissions WHERE package IS NOT NULL AND json_extract(package, '$.signoffId') = ?"
		)
		.get(signoffId) as SubmissionRow | undefined;
	return row ? toSubmission(row) : null;
}

interface SignoffRow {
	id: string;
	unit_id: string | null;
	at: number;
	by_label: string;
	note: string;
	counted: string;
	totals: string;
}

const toSignoff = (row: SignoffRow): SignoffView => {
	const counted = JSON.parse(row.counted);
	// `counted` was a list before levels signed their own tables; now it may carry the levels too
	return {
		id: row.id,
		unitId: row.unit_id,
		at: row.at,
		by: row.by_label,
		note: row.note,
		counted: Array.isArray(counted) ? counted : counted.units,
		...(Array.isArray(counted) ? {} : { levels: counted.levels }),
		totals: JSON.parse(row.totals)
	};
};

/** The sign-off of one level's table (the unit at its top), or of the whole event's (null). */
export function getSignoff(db: Db, unitId: string | null): SignoffView | null {
	const row = db
		.prepare('SELECT * FROM report_signoffs WHERE unit_id IS ? ORDER BY at DESC LIMIT 1')
		.get(unitId) as SignoffRow | undefined;
	return row ? toSignoff(row) : null;
}

/** Every level's sign-off (not the whole event's). */
export function listLevelSignoffs(db: Db): SignoffView[] {
	return (
		db.prepare('SELECT * FROM report_signoffs WHERE unit_id IS NOT NULL ORDER BY at').all() as SignoffRow[]
	).map(toSignoff);
}

export function insertSignoff(db: Db, s: SignoffView, demo: boolean): void {
	const counted = s.levels?.length ? { units: s.counted, levels: s.levels } : s.counted;
	db.prepare(
		`INSERT INTO report_signoffs (id, unit_id, at, by_label, note, counted, totals, demo)
		 VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	).run(s.id, s.unitId, s.at, s.by, s.note, JSON.stringify(counted), JSON.stringify(s.totals), demo ? 1 : 0);
}

/** After a scenario import: drafts and figures of units the new scenario does not have go. */
export function dropOutsideUnits(db: Db): void {
	for (const table of ['report_drafts', 'report_submissions'])
		db.prepare(`DELETE FROM ${table} WHERE unit_id NOT IN (SELECT id FROM units)`).run();
}

/** Demo: a new cycle starts the Week's reporting again. */
export function resetReports(db: Db): void {
	for (const table of ['report_drafts', 'report_submissions', 'report_signoffs'])
		db.prepare(`DELETE FROM ${table}`).run();
}
