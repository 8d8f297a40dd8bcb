/**
 * What the reporting pages and exports start from: the template, the units that report, every
 * submission, the sign-off. The rolled-up numbers are computed from these by $lib/reports.
 */
import { official } from '$lib/reports/official';
import { completeness, latestByUnit, liveTable, rollUp, subtrees } from '$lib/reports/rollup';
import type { Figures, ReportTemplate, ReportUnit, SignoffView, SubmissionView } from '$lib/reports/types';
import type { Unit } from '$lib/scenario/schema';
import type { Db } from '../db';
import { currentEvent } from '../scenario/store';
import { unitTree } from '../scenario/tree';
import { listUnits } from '../scenario/units';
import { getSignoff, listLevelSignoffs, listSubmissions, reportTemplate } from './store';

export interface ReportPicture {
	template: ReportTemplate;
	eventName: string;
	/**
	 * the unit at the top of the table: the reader's level, or the top of the unit tree (every
	 * unit of the plan is in the whole event's table, wherever the organizer sits in it)
	 */
	top: ReportUnit;
	/** every unit of the tree, in scenario order */
	units: ReportUnit[];
	submissions: SubmissionView[];
	/** the sign-off of this table (the level's own, or the whole event's) */
	signoff: SignoffView | null;
	/** the sign-offs of the levels beneath the top: their tables count as signed in this one */
	levelSignoffs: SignoffView[];
	/** day times */
	deadline: number | null;
	weekStart: number;
	weekEnd: number;
}

const toReportUnit = ({ id, name, kind, parentId, reports }: Unit): ReportUnit => ({
	id,
	name,
	kind,
	parentId,
	// only a unit the plan marks `reports: false` is not expected to send figures
	reports: reports !== false
});

/** Midnight in Việt Nam (UTC+7, no daylight saving) of an ISO date. */
const vnDay = (date: string) => Date.parse(`${date}T00:00:00+07:00`);

/**
 * The reporting picture of the whole event, or (`within`) of one level: its unit at the root,
 * its subtree's units and submissions, its own sign-off and those of the levels beneath it.
 */
export function reportPicture(db: Db, within: string | null = null): ReportPicture | null {
	const template = reportTemplate(db);
	const event = currentEvent(db);
	if (!template || !event) return null;
	const level = within ? unitTree(db).subtreeOf(within) : null;
	const units = listUnits(db)
		.filter((u) => !level || level.has(u.id))
		.map(toReportUnit);
	const top = units.find((u) => u.id === (within ?? unitTree(db).root)) ?? units[0];
	const deadline = event.reportDeadline ? Date.parse(event.reportDeadline) : null;
	return {
		template,
		eventName: event.name,
		top,
		units,
		submissions: listSubmissions(db).filter((s) => !level || level.has(s.unitId)),
		signoff: getSignoff(db, within),
		levelSignoffs: listLevelSignoffs(db).filter(
			(s) => s.unitId !== top.id && units.some((u) => u.id === s.unitId)
		),
		deadline,
		weekStart: vnDay(event.startDate),
		weekEnd: vnDay(event.endDate) + 24 * 3600_000
	};
}

/** One table to print or export: whose it is and its numbers. */
export interface ReportSheet {
	template: ReportTemplate;
	eventName: string;
	/** ĐƠN VỊ in the heading: the unit, or the top of the rolled-up table */
	unitName: string;
	figures: Figures;
	/**
	 * what the numbers are, in the document's words (official.ts): the rolled-up table (live or
	 * signed off) or one unit's latest
	 */
	basis: string;
	/** a unit's own report: its narrative sections (I, II) as written */
	narrative: { title: string; text: string }[];
}

/** The rolled-up table of the whole tree, live or as signed off. */
export function rolledUpSheet(picture: ReportPicture, signed: boolean): ReportSheet {
	const { template, top, submissions, signoff } = picture;
	const figures =
		signed && signoff
			? signoff.totals
			: liveTable(template.rows, top.id, picture.units, submissions, picture.levelSignoffs);
	// as the overview counts them (a level beneath that signed is one unit), and the top's own
	const latest = latestByUnit(submissions);
	const signedLevels = picture.levelSignoffs.flatMap((s) => (s.unitId ? [s.unitId] : []));
	const count =
		completeness(picture.units, top.id, latest, signedLevels).answered.size + (latest.has(top.id) ? 1 : 0);
	return {
		template,
		eventName: picture.eventName,
		unitName: top.name,
		figures,
		basis:
			signed && signoff
				? official.basis.signed(signoff.counted.length + (signoff.levels?.length ?? 0))
				: official.basis.live(count),
		narrative: []
	};
}

/** One unit's own latest submission; `withBelow` adds the units under it (a ward and its schools). */
export function unitSheet(picture: ReportPicture, unitId: string, withBelow = false): ReportSheet | null {
	const unit = picture.units.find((u) => u.id === unitId);
	if (!unit) return null;
	const latest = latestByUnit(picture.submissions);
	const own = latest.get(unitId);
	return {
		template: picture.template,
		eventName: picture.eventName,
		unitName: unit.name,
		// its own table keeps its notes; a sum of several has none
		figures: withBelow
			? rollUp(picture.template.rows, subtrees(picture.units).get(unitId) ?? [unitId], latest)
			: (own?.figures ?? {}),
		basis: withBelow
			? official.basis.withBelow
			: own
				? official.basis.version(own.version)
				: official.basis.notSent,
		narrative: withBelow
			? []
			: picture.template.form.sections.flatMap((s) =>
					own?.narrative[s.id] ? [{ title: s.title, text: own.narrative[s.id] }] : []
				)
	};
}

/** A sheet as it goes on paper (the print view, an export, a package): a rehearsal's table says so. */
export function onPaper(db: Db, sheet: ReportSheet): ReportSheet {
	return currentEvent(db)?.rehearsal ? { ...sheet, basis: official.rehearsal(sheet.basis) } : sheet;
}
