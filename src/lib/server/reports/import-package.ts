/**
 * A lower level's signed table, sent up as a package from the deployment it runs itself, taken
 * as that unit's submission here: a new version of its report, marked with the package (who
 * signed, when), counting in place of the units beneath it (rollup.ts). Refused, with nothing
 * changed, when the package was altered after it was written (its hash), when its unit is not in
 * this plan (or not this unit: another name) or not beneath the importer's level, when its
 * template has other rows, and when that signed table was imported already (from this package
 * or another download of it): one signed table is one version.
 */
import { fold } from '$lib/ceremony/search';
import { say } from '$lib/i18n';
import { checkFigures, compactFigures } from '$lib/reports/cells';
import type { ReportPackage } from '$lib/reports/package';
import type { SubmissionView } from '$lib/reports/types';
import { formatDateTime } from '$lib/time/format';
import { actorLabel, scopeOf, type Actor } from '../access';
import { CommandError, defineCommand, type ProblemToSay } from '../commands/define';
import type { Db } from '../db';
import { uuidFromName } from '../ids';
import { unitTree } from '../scenario/tree';
import { getUnit } from '../scenario/units';
import { arrival, organizerAudience } from './arrival';
import { packageHash } from './package/hash';
import { insertSubmission, lastVersion, reportTemplate, submissionOfSignoff } from './store';

/**
 * The command id an import of this package by this person runs under: the same package sent
 * again by them is the same command, and gets its first answer. Another person's import of it is
 * a command of its own, judged for them (the command path answers a copy without judging it).
 */
export function packageCommandId(pack: Pick<ReportPackage, 'sha256'>, actor: Actor): string {
	const who =
		actor.kind === 'user'
			? `user:${actor.userId}`
			: actor.kind === 'display'
				? `display:${actor.linkId}`
				: 'system';
	return uuidFromName(`report.import_package:${who}:${pack.sha256}`);
}

/** The unit of this plan the package is from; refused when the plan has no unit by its id and name. */
function unitOf(db: Db, pack: ReportPackage) {
	const { id, name } = pack.content.unit;
	const unit = getUnit(db, id);
	if (!unit) throw new CommandError('not_found', say('packages.import.noUnit', { unit: name, id }));
	// ids are the plans' own: a ward "phuong-1" of another district would have the same one
	if (fold(unit.name) !== fold(name))
		throw new CommandError(
			'invalid',
			say('packages.import.otherUnit', { theirs: name, ours: unit.name, id })
		);
	return unit;
}

/** Every difference between the package's template and this plan's, named; none when they match. */
function templateProblems(db: Db, pack: ReportPackage): ProblemToSay[] {
	const template = reportTemplate(db);
	if (!template) throw new CommandError('not_found', say('reports.noTemplate'));
	const theirs = pack.content.template;
	const ours = template.rows.map((r) => r.id);
	const problems: ProblemToSay[] = [];
	const missing = ours.filter((id) => !theirs.rowIds.includes(id));
	const extra = theirs.rowIds.filter((id) => !ours.includes(id));
	if (missing.length)
		problems.push({
			path: 'content.template.rowIds',
			message: say('packages.import.rowsMissing', { rows: missing.join(', ') })
		});
	if (extra.length)
		problems.push({
			path: 'content.template.rowIds',
			message: say('packages.import.rowsExtra', { rows: extra.join(', ') })
		});
	if (theirs.title.normalize('NFC').trim() !== template.title.normalize('NFC').trim())
		problems.push({
			path: 'content.template.title',
			message: say('packages.import.otherTitle', { theirs: theirs.title, ours: template.title })
		});
	if (problems.length) return problems;
	// the same rows: each figure in a cell its row takes, a whole number within bounds
	return checkFigures(template.rows, pack.content.totals).map((p) => ({
		path: `content.totals${p.path.slice('figures'.length)}`,
		message: p.message
	}));
}

export const importPackage = defineCommand({
	type: 'report.import_package',
	emits: ['report.submitted'],
	action: 'report.import_package',
	// the unit it is from: one of this plan's, and beneath the importer's level
	target: (p, db) => ({ unitId: unitOf(db, p).id }),
	apply(db, p, { actor, commandId, demo, lang }) {
		// first: what was signed is what came (the command is also open to a socket, not only the reader)
		if (packageHash(p) !== p.sha256) throw new CommandError('invalid', say('packages.read.altered'));
		const unit = unitOf(db, p);
		// a level's own table is added up here from its units; a package stands for a level beneath
		const top = scopeOf(actor) ?? unitTree(db).root;
		if (unit.id === top)
			throw new CommandError('invalid', say('packages.import.ownLevel', { unit: unit.name }));
		const problems = templateProblems(db, p);
		if (problems.length)
			throw new CommandError(
				'invalid',
				say('packages.import.otherTemplate', { n: problems.length }),
				problems
			);
		const before = submissionOfSignoff(db, p.content.signoff.id);
		if (before)
			throw new CommandError(
				'conflict',
				say('packages.import.already', {
					unit: unit.name,
					version: before.version,
					time: formatDateTime(before.submittedAt, lang)
				})
			);
		const { signoff, event } = p.content;
		const submission: SubmissionView = {
			id: uuidFromName(`report:${commandId}`),
			unitId: unit.id,
			version: lastVersion(db, unit.id) + 1,
			figures: compactFigures(p.content.totals),
			narrative: {},
			photoIds: [],
			...arrival(db, unit.id),
			by: actorLabel(actor),
			demo,
			package: {
				sha256: p.sha256,
				signoffId: signoff.id,
				signedAt: signoff.at,
				signedBy: signoff.by,
				note: signoff.note,
				eventName: event.name
			}
		};
		insertSubmission(db, submission, Date.now());
		return {
			type: 'report.submitted',
			data: { submission, unitName: unit.name },
			audience: [...organizerAudience, `report:${unit.id}`],
			about: [unit.id]
		};
	}
});
