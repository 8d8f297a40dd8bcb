/** The ceremony domain's commands: setup and invitee lists (coordinator), check-ins at the gates. */
import { z } from '$lib/zod';
import { optionalText, pressedAt, slugPattern } from '../command-fields';
import { invitedGroupSchema } from '../scenario/schema';

/** (not `slug(…)`: its refusal comes from the catalogue, in the reader's language) */
const groupId = z.string().regex(slugPattern, 'ceremony.field.groupId');

/** One named invitee, as typed or as a row of an imported list */
export const inviteeInput = z.object({
	name: z.string().trim().min(1, 'Thiếu họ tên').max(120, 'Họ tên tối đa 120 ký tự'),
	title: optionalText(200, 'Chức vụ'),
	unit: optionalText(200, 'Đơn vị'),
	groupId,
	phone: z
		.string()
		.trim()
		.regex(/^$|^[0-9+ ().-]{6,20}$/, 'Số điện thoại chỉ gồm số (6–20 ký tự)')
		.transform((v) => v || null)
		.nullable()
		.default(null)
});

export const ceremonyCommands = {
	'ceremony.save_setup': z.object({
		title: z.string().trim().min(1, 'Nhập tên buổi lễ').max(300, 'Tối đa 300 ký tự'),
		place: z.string().trim().min(1, 'Nhập địa điểm').max(300, 'Tối đa 300 ký tự'),
		startsAt: z.iso.datetime({ offset: true, error: 'Giờ khai mạc không hợp lệ' })
	}),
	'ceremony.save_group': z.object({ group: invitedGroupSchema }),
	'ceremony.remove_group': z.object({ groupId }),
	'ceremony.import_invitees': z.object({
		invitees: z.array(inviteeInput).min(1, 'Danh sách trống').max(5000, 'Tối đa 5.000 người mỗi lần'),
		mode: z.enum(['replace', 'append'], 'Chọn thay danh sách cũ hoặc thêm vào')
	}),
	'gate.check_in': z
		.object({
			inviteeId: z.uuid('Mã khách mời không hợp lệ').optional(),
			code: z
				.string()
				.regex(/^[A-Z2-9]{10}$/, 'Mã QR không phải của buổi lễ này')
				.optional(),
			at: pressedAt
		})
		.refine((p) => !!p.inviteeId !== !!p.code, { message: 'Chọn một khách mời hoặc quét một mã QR' }),
	'gate.count': z.object({
		groupId,
		count: z
			.number('Số người phải là số')
			.int('Số người phải là số nguyên')
			.min(1, 'Ít nhất 1 người')
			.max(1000, 'Tối đa 1.000 người mỗi lần đếm'),
		at: pressedAt
	}),
	'gate.undo': z.object({ checkinId: z.uuid('Mã lượt vào không hợp lệ') })
};
