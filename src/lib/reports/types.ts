/**
 * The reporting table (bảng tổng hợp): what a unit submits and what the organizer sees rolled
 * up. The rows come from the scenario's template (mẫu); nothing about one year's rows is here.
 */
import type { ReportForm, ReportRow } from '$lib/scenario/schema';

/** the two quantity cells of a row: số lớp/số cuộc thi (count) and người (people) */
export type Cell = 'count' | 'people';
export const cells: Cell[] = ['count', 'people'];

/** One row as a unit fills it in: the numbers its cells take, and a note (ghi chú). */
export interface RowFigures {
	count?: number;
	people?: number;
	note?: string;
}

/** A unit's figures, by row id. Rows left empty are absent. */
export type Figures = Record<string, RowFigures>;

/** The narrative sections before the table (I, II), by section id. */
export type Narrative = Record<string, string>;

export interface ReportTemplate {
	title: string;
	quantityColumns: [string, string];
	form: ReportForm;
	rows: ReportRow[];
}

export interface SubmissionView {
	id: string;
	unitId: string;
	/** 1, 2, …: each submission of a unit is kept; the latest counts */
	version: number;
	figures: Figures;
	narrative: Narrative;
	photoIds: string[];
	/** day time */
	submittedAt: number;
	by: string;
	/** after the deadline */
	late: boolean;
	/** after the table was signed off: kept, flagged, not in the signed-off table */
	afterSignoff: boolean;
	demo: boolean;
	/**
	 * brought in as a package: the signed table of a level that runs its own deployment, which
	 * counts in place of the units beneath it (rollup.ts)
	 */
	package?: PackageMark;
}

export interface DraftView {
	unitId: string;
	figures: Figures;
	narrative: Narrative;
	/** upload ids of photos already on the server, to go with the submission */
	uploads: string[];
	photoIds: string[];
	/** day time */
	savedAt: number;
	by: string;
}

export interface SignoffView {
	id: string;
	/** the level whose table this is: the unit at its top; null: the whole event's */
	unitId: string | null;
	/** day time */
	at: number;
	by: string;
	note: string;
	/** the submission counted for each unit at that moment */
	counted: { unitId: string; submissionId: string; version: number }[];
	/** the tables of the levels beneath that were counted as signed, in place of their units' */
	levels?: { unitId: string; signoffId: string }[];
	/** the rolled-up table as it was signed */
	totals: Figures;
}

/** A unit of the tree the table rolls up along. */
export interface ReportUnit {
	id: string;
	name: string;
	kind: string;
	parentId: string | null;
	/** expected to send figures (a unit the plan marks `reports: false` is not: a radio station) */
	reports: boolean;
}

/** What a submission keeps of the package it came from: shown beside it, and how a repeat is known. */
export interface PackageMark {
	/** the package's own hash */
	sha256: string;
	/** the sender's sign-off: one signed table is one submission, whichever of its packages came */
	signoffId: string;
	/** the sender's sign-off: when (ISO, as the package says it) and by whom */
	signedAt: string;
	signedBy: string;
	note: string;
	/** the sender's event, its name */
	eventName: string;
}

/**
 * A narrative section (I, II) as the document prints it: the unit's own text, and on a level's
 * document the same section of each unit beneath it, in the tree's order.
 */
export interface NarrativeSection {
	title: string;
	text: string;
	units: { unitName: string; text: string }[];
}

/** A photo in the document's appendix, with what its caption says: what, where, when. */
export interface ReportPhoto {
	id: string;
	unitName: string;
	what: string;
	where: string;
	/** day time */
	when: number;
	width: number;
	height: number;
	/** a demo scenario's picture, labelled as such */
	demo: boolean;
}
