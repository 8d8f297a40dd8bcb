/**
 * The reporting domain's commands: a unit's draft and submissions, the organizer's targets and
 * sign-off, and a lower level's signed table brought in as a package (package.ts).
 */
import { z } from '$lib/zod';
import { slugPattern, unitId } from '../command-fields';
import { maxCell, maxNote } from './cells';
import { reportPackageSchema } from './package';

// messages are catalogue keys (reports.ts), said in the sender's language by the command path
const cellNumber = z
	.number('reports.cell.notNumber')
	.int('reports.cell.integer')
	.min(0, 'reports.cell.negative')
	.max(maxCell, 'reports.cell.tooLarge');
// (each row's own bound, smaller for counts than for money, is checked against the template)
const rowId = z.string().regex(slugPattern, 'reports.command.rowId');
/** a unit's figures, by row: which cells a row takes is checked against the template */
const reportFigures = z
	.record(
		rowId,
		z.object({
			count: cellNumber.optional(),
			people: cellNumber.optional(),
			note: z.string().trim().max(maxNote, 'reports.cell.noteMax').optional()
		})
	)
	.refine((f) => Object.keys(f).length <= 500, 'reports.command.tooManyRows');
const reportBody = z.object({
	unitId,
	figures: reportFigures,
	/** sections I and II of the report, by section id */
	narrative: z
		.record(rowId, z.string().max(20000, 'reports.command.sectionMax'))
		.refine((n) => Object.keys(n).length <= 10, 'reports.command.tooManySections')
		.default({}),
	/** photos already uploaded for this unit */
	uploads: z.array(z.uuid('reports.command.uploadId')).max(20, 'reports.command.uploadsMax').default([])
});

export const reportCommands = {
	'report.save_draft': reportBody,
	'report.submit': reportBody,
	'report.sign_off': z.object({
		note: z.string().trim().max(500, 'reports.command.signOffNoteMax').default('')
	}),
	'report.set_target': z.object({
		rowId,
		target: z.object({ count: cellNumber.optional(), people: cellNumber.optional() }).nullable()
	}),
	/** the package's machine-readable file as it came; its hash is checked against its content */
	'report.import_package': reportPackageSchema
};
