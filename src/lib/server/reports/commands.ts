/**
 * Reporting commands: a unit's draft as typed and its submissions (every version kept, the
 * latest counts), the organizer's targets and sign-off. Figures are checked against the
 * template in the database, so a bad cell refuses the command and changes nothing.
 */
import { cellsOf, checkFigures, compactFigures } from '$lib/reports/cells';
import { childrenOf, latestByUnit, rollUpLevels, withPackages } from '$lib/reports/rollup';
import { whereInReport } from '$lib/reports/where';
import type { SignoffView, SubmissionView } from '$lib/reports/types';
import { say, type Lang } from '$lib/i18n';
import { actorLabel, scopeOf } from '../access';
import { dayNow } from '../day-clock';
import { CommandError, defineCommand, type ProblemToSay } from '../commands/define';
import type { Db } from '../db';
import { uuidFromName } from '../ids';
import { getUpload } from '../photos/store';
import { getUnit, listUnits } from '../scenario/units';
import {
	getSignoff,
	insertSignoff,
	insertSubmission,
	listLevelSignoffs,
	lastVersion,
	listSubmissions,
	reportTemplate,
	saveDraft,
	saveRowSpec
} from './store';
import { unitTree } from '../scenario/tree';
import { arrival, organizerAudience } from './arrival';
import { importPackage } from './import-package';

interface Body {
	unitId: string;
	figures: SubmissionView['figures'];
	narrative: SubmissionView['narrative'];
	uploads: string[];
}

/** The checked content of a draft or a submission; refuses with every problem found. */
function checked(db: Db, p: Body) {
	const unit = getUnit(db, p.unitId);
	if (!unit) throw new CommandError('not_found', say('reports.noUnit'));
	const template = reportTemplate(db);
	if (!template) throw new CommandError('not_found', say('reports.noTemplate'));
	const problems: ProblemToSay[] = checkFigures(template.rows, p.figures);
	const sections = new Set(template.form.sections.map((s) => s.id));
	for (const id of Object.keys(p.narrative))
		if (!sections.has(id))
			problems.push({ path: `narrative.${id}`, message: say('reports.command.noSection') });
	const photoIds = p.uploads.flatMap((uploadId, i) => {
		const upload = getUpload(db, uploadId);
		if (upload?.photoId && upload.unitId === p.unitId) return [upload.photoId];
		problems.push({ path: `uploads[${i}]`, message: say('reports.command.photoMissing') });
		return [];
	});
	if (problems.length) throw new CommandError('invalid', say('reports.command.invalid'), problems);
	return { unit, figures: compactFigures(p.figures), photoIds: [...new Set(photoIds)] };
}

/** names a problem's cell as the unit's table prints it */
function describeInReport(db: Db, path: string, lang: Lang): string | undefined {
	const template = reportTemplate(db);
	return template ? whereInReport(template, path, lang) : undefined;
}

export const saveDraftCommand = defineCommand({
	type: 'report.save_draft',
	describe: describeInReport,
	emits: ['report.draft_saved'],
	action: 'report.submit',
	target: (p) => ({ unitId: p.unitId }),
	apply(db, p, { actor }) {
		const { figures } = checked(db, p);
		const draft = {
			unitId: p.unitId,
			figures,
			narrative: p.narrative,
			uploads: p.uploads,
			savedAt: dayNow(db),
			by: actorLabel(actor)
		};
		// the draft row, updated in place, is what is kept; the log gets a mark
		saveDraft(db, draft);
		return {
			type: 'report.draft_saved',
			data: { unitId: draft.unitId, savedAt: draft.savedAt, by: draft.by },
			audience: [`report:${p.unitId}`]
		};
	}
});

export const submitReport = defineCommand({
	type: 'report.submit',
	describe: describeInReport,
	emits: ['report.submitted'],
	action: 'report.submit',
	target: (p) => ({ unitId: p.unitId }),
	apply(db, p, { actor, commandId, demo }) {
		const { unit, figures, photoIds } = checked(db, p);
		const submission: SubmissionView = {
			id: uuidFromName(`report:${commandId}`),
			unitId: p.unitId,
			version: lastVersion(db, p.unitId) + 1,
			figures,
			narrative: p.narrative,
			photoIds,
			...arrival(db, p.unitId),
			by: actorLabel(actor),
			demo
		};
		insertSubmission(db, submission, Date.now());
		// the form goes on from what was sent
		saveDraft(db, {
			unitId: p.unitId,
			figures,
			narrative: p.narrative,
			uploads: p.uploads,
			savedAt: submission.submittedAt,
			by: submission.by
		});
		return {
			type: 'report.submitted',
			data: { submission, unitName: unit.name },
			audience: [...organizerAudience, `report:${p.unitId}`],
			about: [p.unitId]
		};
	}
});

export const signOff = defineCommand({
	type: 'report.sign_off',
	emits: ['report.signed_off'],
	action: 'report.manage',
	// each level signs off its own table: the sender's (no target: the sender's own level)
	apply(db, p, { actor, commandId, demo }) {
		const template = reportTemplate(db);
		if (!template) throw new CommandError('not_found', say('reports.noTemplate'));
		const level = scopeOf(actor);
		const before = getSignoff(db, level);
		if (before) throw new CommandError('conflict', say('reports.command.signedAlready', { by: before.by }));
		const tree = unitTree(db);
		const top = level ?? tree.root ?? '';
		const units = tree.subtreeOf(top);
		// the levels beneath that signed their own tables count as signed; every other unit as it last reported
		const signed = listLevelSignoffs(db).filter((s) => s.unitId !== level && units.has(s.unitId!));
		const byLevel = new Map(signed.map((s) => [s.unitId!, s]));
		// a unit whose latest report is a package counts with it, as a signed level (withPackages)
		const counts = withPackages(
			top,
			new Map([...latestByUnit(listSubmissions(db))].filter(([unitId]) => units.has(unitId))),
			new Map(signed.map((s) => [s.unitId!, s.totals]))
		);
		const inSignedTable = (unitId: string) =>
			tree
				.lineOf(unitId)
				.some((id) => id !== top && (byLevel.has(id) || (id !== unitId && counts.signed.has(id))));
		const latest = [...counts.latest.values()].filter((s) => !inSignedTable(s.unitId));
		const reportUnits = listUnits(db).filter((u) => units.has(u.id));
		const signoff: SignoffView = {
			id: uuidFromName(`signoff:${commandId}`),
			unitId: level,
			at: dayNow(db),
			by: actorLabel(actor),
			note: p.note,
			counted: latest.map((s) => ({ unitId: s.unitId, submissionId: s.id, version: s.version })),
			levels: signed.map((s) => ({ unitId: s.unitId!, signoffId: s.id })),
			totals: rollUpLevels(
				template.rows,
				top,
				childrenOf(reportUnits.map((u) => ({ ...u, reports: u.reports !== false }))),
				counts.latest,
				counts.signed
			)
		};
		insertSignoff(db, signoff, demo);
		// the level's readers and every level above hear of it
		return {
			type: 'report.signed_off',
			data: { signoff },
			audience: organizerAudience,
			...(level ? { about: [level] } : {})
		};
	}
});

export const setTarget = defineCommand({
	type: 'report.set_target',
	describe: describeInReport,
	emits: ['report.template_changed'],
	action: 'report.manage',
	// the targets are the whole event's
	target: (_, db) => ({ unitId: unitTree(db).root }),
	apply(db, p) {
		const row = reportTemplate(db)?.rows.find((r) => r.id === p.rowId);
		if (!row) throw new CommandError('not_found', say('reports.command.noRow'));
		const takes = cellsOf(row);
		for (const cell of ['count', 'people'] as const)
			if (p.target?.[cell] !== undefined && !takes.includes(cell))
				throw new CommandError('invalid', say('reports.command.noTargetCell', { row: row.label }), [
					{ path: `target.${cell}`, message: say('reports.command.cellNotTaken') }
				]);
		const target =
			p.target && (p.target.count !== undefined || p.target.people !== undefined) ? p.target : undefined;
		saveRowSpec(db, { ...row, target });
		return {
			type: 'report.template_changed',
			data: { rowId: row.id, rowLabel: row.label, set: !!target },
			audience: organizerAudience
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const reportHandlers = [saveDraftCommand, submitReport, signOff, setTarget, importPackage];
