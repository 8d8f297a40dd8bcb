/** The banner-checklists domain's commands: the tablet's ticks, the review, editing the items. */
import { z } from '$lib/zod';
import { pressedAt, slugPattern, unitId } from '../command-fields';
import { checklistItemSchema } from '../scenario/schema';

const itemId = z.string().regex(slugPattern, 'checklists.command.itemId');

export const checklistCommands = {
	// the tablet's ticks (photos are uploaded first, by upload id)
	'checklist.tick': z.object({
		itemId,
		uploads: z
			.array(z.uuid('Mã ảnh tải lên không hợp lệ'))
			.min(1, 'Cần ít nhất một ảnh chụp tại chỗ')
			.max(10, 'Tối đa 10 ảnh mỗi lần'),
		quantityDone: z
			.number('Số lượng thực tế phải là số')
			.int('Số lượng thực tế phải là số nguyên')
			.min(0, 'Số lượng không được âm')
			.max(100000, 'Số lượng quá lớn')
			.nullable()
			.default(null),
		note: z.string().trim().max(500, 'Ghi chú tối đa 500 ký tự').default(''),
		at: pressedAt
	}),
	'checklist.untick': z.object({
		itemId,
		reason: z.string().trim().min(1, 'Ghi lý do bỏ đánh dấu').max(300, 'Tối đa 300 ký tự')
	}),
	'checklist.review_photo': z
		.object({
			itemId,
			photoId: z.string().regex(/^[0-9a-f]{64}$/, 'Mã ảnh không hợp lệ'),
			verdict: z.enum(['accepted', 'rejected'], 'Chọn duyệt hoặc từ chối'),
			reason: z.string().trim().max(300, 'Tối đa 300 ký tự').default('')
		})
		.refine((p) => p.verdict === 'accepted' || p.reason.length > 0, {
			path: ['reason'],
			message: 'Ghi lý do từ chối để phường biết cần làm lại gì'
		}),
	// editing the checklists (coordinator)
	'checklist.save_item': z.object({ item: checklistItemSchema }),
	/** the same item for every ward at once: ids are `${idPrefix}-${ward id}` */
	'checklist.add_to_wards': z.object({
		idPrefix: z
			.string()
			.regex(/^[a-z0-9][a-z0-9_-]{0,30}$/, 'Tiền tố mã: chữ thường không dấu, số, "-", tối đa 31 ký tự'),
		item: checklistItemSchema.omit({ id: true, unitId: true, position: true })
	}),
	'checklist.remove_item': z.object({ itemId }),
	/** a new deadline for every item of one ward, or of all wards (unitId null) */
	'checklist.set_deadline': z.object({
		unitId: unitId.nullable(),
		deadline: z.iso.datetime({ offset: true, error: 'Hạn chót không hợp lệ' })
	})
};
