/**
 * What the reporting pages and exports start from: the template, the units that report, every
 * submission, the sign-off. The rolled-up numbers are computed from these by $lib/reports.
 */
import { official } from '$lib/reports/official';
import { completeness, latestByUnit, liveTable, rollUp, subtrees } from '$lib/reports/rollup';
import type {
	Figures,
	NarrativeSection,
	ReportPhoto,
	ReportTemplate,
	ReportUnit,
	SignoffView,
	SubmissionView
} from '$lib/reports/types';
import type { Unit } from '$lib/scenario/schema';
import type { Db } from '../db';
import { currentEvent } from '../scenario/store';
import { unitTree } from '../scenario/tree';
import { listUnits } from '../scenario/units';
import { appendixPhotos, noPhotos, photosPerUnit, photoStock, type PhotoStock } from './photos';
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
	/** the body the top answers to (cơ quan chủ quản): '' at the top of the plan */
	topParentName: string;
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
	const all = listUnits(db);
	const units = all.filter((u) => !level || level.has(u.id)).map(toReportUnit);
	const top = units.find((u) => u.id === (within ?? unitTree(db).root)) ?? units[0];
	const deadline = event.reportDeadline ? Date.parse(event.reportDeadline) : null;
	const submissions = listSubmissions(db).filter((s) => !level || level.has(s.unitId));
	return {
		template,
		eventName: event.name,
		top,
		units,
		submissions,
		signoff: getSignoff(db, within),
		levelSignoffs: listLevelSignoffs(db).filter(
			(s) => s.unitId !== top.id && units.some((u) => u.id === s.unitId)
		),
		deadline,
		weekStart: vnDay(event.startDate),
		weekEnd: vnDay(event.endDate) + 24 * 3600_000,
		topParentName: all.find((u) => u.id === top.parentId)?.name ?? ''
	};
}

/** One report to print or export: whose it is, its sections, its numbers, its photos. */
export interface ReportSheet {
	template: ReportTemplate;
	eventName: string;
	/** ĐƠN VỊ in the heading: the unit, or the top of the rolled-up table */
	unitName: string;
	/** the body it answers to (cơ quan chủ quản, and where it is sent): '' at the top of the plan */
	parentName: string;
	figures: Figures;
	/**
	 * what the numbers are, in the document's words (official.ts): the rolled-up table (live or
	 * signed off) or one unit's latest
	 */
	basis: string;
	/** its narrative sections (I, II) as written; a level's gathers its units' beneath its own */
	narrative: NarrativeSection[];
	/** the appendix: the photos of the submissions counted, and the banner photos accepted */
	photos: ReportPhoto[];
	/** photos that did not fit the appendix (a level's: a few of each unit), to say so */
	leftOut: number;
}

/**
 * The sections of a report: the unit's own text (`own`), then each unit beneath whose submission
 * counts, in the tree's order. A section nobody wrote keeps its place, empty, for the writer.
 */
function narrativeOf(
	picture: ReportPicture,
	own: SubmissionView | undefined,
	beneath: SubmissionView[]
): NarrativeSection[] {
	const nameOf = new Map(picture.units.map((u) => [u.id, u.name]));
	const order = new Map(picture.units.map((u, i) => [u.id, i]));
	const inOrder = [...beneath].sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0));
	return picture.template.form.sections.map((section) => {
		const text = own?.narrative[section.id]?.trim() ?? '';
		const units = inOrder.flatMap((s) => {
			const theirs = s.narrative[section.id]?.trim();
			return theirs ? [{ unitName: nameOf.get(s.unitId) ?? s.unitId, text: theirs }] : [];
		});
		return { title: section.title, text, units };
	});
}

const parentNameOf = (picture: ReportPicture, unit: ReportUnit) =>
	unit.id === picture.top.id
		? picture.topParentName
		: (picture.units.find((u) => u.id === unit.parentId)?.name ?? '');

/**
 * The photos a sheet's appendix may take (the submissions' and the accepted banner photos), read
 * only where a sheet is made: pages that show the picture send none of them.
 */
export function sheetPhotos(db: Db, picture: ReportPicture): PhotoStock {
	return photoStock(db, picture.units, picture.submissions);
}

/** The rolled-up table of the whole tree, live or as signed off; `photos`: its appendix's (none without). */
export function rolledUpSheet(
	picture: ReportPicture,
	signed: boolean,
	photos: PhotoStock = noPhotos
): ReportSheet {
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
	const counted = countedSubmissions(picture, signed);
	return {
		template,
		eventName: picture.eventName,
		unitName: top.name,
		parentName: picture.topParentName,
		figures,
		basis:
			signed && signoff
				? official.basis.signed(signoff.counted.length + (signoff.levels?.length ?? 0))
				: official.basis.live(count),
		narrative: narrativeOf(
			picture,
			counted.find((s) => s.unitId === top.id),
			counted.filter((s) => s.unitId !== top.id)
		),
		...appendixPhotos(picture.units, photos, counted, new Set(picture.units.map((u) => u.id)), {
			until: signed && signoff ? signoff.at : null,
			perUnit: photosPerUnit
		})
	};
}

/**
 * The submissions a table counts, whose sections and photos its document takes: as the table was
 * signed (its own, and through them the signed tables of its levels beneath), or live: each
 * unit's latest, except that the units of a level beneath that signed off count as it signed
 * them, as the live table counts that level's signed totals (liveTable).
 */
function countedSubmissions(picture: ReportPicture, signed: boolean): SubmissionView[] {
	const byId = new Map(picture.submissions.map((s) => [s.id, s]));
	const levels = new Map(picture.levelSignoffs.map((s) => [s.id, s]));
	const asSigned = (signoff: SignoffView, seen: Set<string>): SubmissionView[] => {
		if (seen.has(signoff.id)) return [];
		seen.add(signoff.id);
		return [
			...signoff.counted.flatMap((c) => byId.get(c.submissionId) ?? []),
			...(signoff.levels ?? []).flatMap((l) => {
				const beneath = levels.get(l.signoffId);
				return beneath ? asSigned(beneath, seen) : [];
			})
		];
	};
	if (signed && picture.signoff) return asSigned(picture.signoff, new Set());
	const below = subtrees(picture.units);
	const signedLevels = picture.levelSignoffs.filter((s) => s.unitId && s.unitId !== picture.top.id);
	// the outermost signed levels: a level signed inside another signed one is in that one's table
	const inside = (unitId: string, level: SignoffView) =>
		level.unitId !== unitId && (below.get(level.unitId!) ?? []).includes(unitId);
	const outermost = signedLevels.filter((s) => !signedLevels.some((o) => inside(s.unitId!, o)));
	const covered = new Set(outermost.flatMap((s) => below.get(s.unitId!) ?? []));
	const latest = [...latestByUnit(picture.submissions).values()].filter((s) => !covered.has(s.unitId));
	const seen = new Set<string>();
	return [...latest, ...outermost.flatMap((s) => asSigned(s, seen))];
}

/** One unit's own latest submission; `withBelow` adds the units under it (a ward and its schools). */
export function unitSheet(
	picture: ReportPicture,
	unitId: string,
	withBelow = false,
	photos: PhotoStock = noPhotos
): ReportSheet | null {
	const unit = picture.units.find((u) => u.id === unitId);
	if (!unit) return null;
	const latest = latestByUnit(picture.submissions);
	const own = latest.get(unitId);
	const tree = withBelow ? (subtrees(picture.units).get(unitId) ?? [unitId]) : [unitId];
	const counted = tree.flatMap((id) => latest.get(id) ?? []);
	return {
		template: picture.template,
		eventName: picture.eventName,
		unitName: unit.name,
		parentName: parentNameOf(picture, unit),
		// its own table keeps its notes; a sum of several has none
		figures: withBelow ? rollUp(picture.template.rows, tree, latest) : (own?.figures ?? {}),
		basis: withBelow
			? official.basis.withBelow
			: own
				? official.basis.version(own.version)
				: official.basis.notSent,
		narrative: narrativeOf(
			picture,
			own,
			counted.filter((s) => s.unitId !== unitId)
		),
		// a unit's own document takes all its photos; with the units beneath, a few of each
		...appendixPhotos(picture.units, photos, counted, new Set(tree), {
			perUnit: withBelow ? photosPerUnit : Infinity
		})
	};
}

/** A sheet as it goes on paper (the print view, an export, a package): a rehearsal's table says so. */
export function onPaper(db: Db, sheet: ReportSheet): ReportSheet {
	return currentEvent(db)?.rehearsal ? { ...sheet, basis: official.rehearsal(sheet.basis) } : sheet;
}
