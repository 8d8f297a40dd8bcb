/** The reporting domain's commands: a unit's draft and submissions, the organizer's targets and sign-off. */
import { z } from '$lib/zod';
import { slugPattern, unitId } from '../command-fields';
import { maxCell, maxNote } from './cells';

const cellNumber = z
	.number('Phải là số')
	.int('Chỉ nhập số nguyên')
	.min(0, 'Số không được âm')
	.max(maxCell, 'Số quá lớn');
// (each row's own bound, smaller for counts than for money, is checked against the template)
const rowId = z.string().regex(slugPattern, 'reports.command.rowId');
/** a unit's figures, by row: which cells a row takes is checked against the template */
const reportFigures = z
	.record(
		rowId,
		z.object({
			count: cellNumber.optional(),
			people: cellNumber.optional(),
			note: z.string().trim().max(maxNote, `Ghi chú tối đa ${maxNote} ký tự`).optional()
		})
	)
	.refine((f) => Object.keys(f).length <= 500, 'Quá nhiều dòng');
const reportBody = z.object({
	unitId,
	figures: reportFigures,
	/** sections I and II of the report, by section id */
	narrative: z
		.record(rowId, z.string().max(20000, 'Mỗi phần tối đa 20.000 ký tự'))
		.refine((n) => Object.keys(n).length <= 10, 'Quá nhiều phần')
		.default({}),
	/** photos already uploaded for this unit */
	uploads: z.array(z.uuid('Mã ảnh tải lên không hợp lệ')).max(20, 'Tối đa 20 ảnh mỗi báo cáo').default([])
});

export const reportCommands = {
	'report.save_draft': reportBody,
	'report.submit': reportBody,
	'report.sign_off': z.object({ note: z.string().trim().max(500, 'Tối đa 500 ký tự').default('') }),
	'report.set_target': z.object({
		rowId,
		target: z.object({ count: cellNumber.optional(), people: cellNumber.optional() }).nullable()
	})
};
