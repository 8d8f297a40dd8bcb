/**
 * Command payload schemas, shared so a form can check input before sending it.
 * The server validates every payload again with these same schemas.
 */
import { z } from '$lib/zod';
import { checklistItemSchema, invitedGroupSchema, roles, routeSchema } from './scenario/schema';
import { truckStatuses } from './trucks/types';
import { maxCell, maxNote } from './reports/cells';
import { displayLayoutSchema } from './display/layout-schema';

const truckId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Mã xe không hợp lệ');
const pressedAt = z.number().int().positive().optional();
const alertKind = z.enum(['late', 'off_route', 'stale', 'incident']);
const unitId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Mã đơn vị không hợp lệ');

export const username = z
	.string()
	.trim()
	.regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, ".", "-", "_"');
export const password = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200, 'Mật khẩu tối đa 200 ký tự');

const optionalText = (max: number, what: string) =>
	z
		.string()
		.trim()
		.max(max, `${what} tối đa ${max} ký tự`)
		.transform((v) => v || null)
		.nullable()
		.default(null);

/** One named invitee, as typed or as a row of an imported list */
export const inviteeInput = z.object({
	name: z.string().trim().min(1, 'Thiếu họ tên').max(120, 'Họ tên tối đa 120 ký tự'),
	title: optionalText(200, 'Chức vụ'),
	unit: optionalText(200, 'Đơn vị'),
	groupId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Mã thành phần không hợp lệ'),
	phone: z
		.string()
		.trim()
		.regex(/^$|^[0-9+ ().-]{6,20}$/, 'Số điện thoại chỉ gồm số (6–20 ký tự)')
		.transform((v) => v || null)
		.nullable()
		.default(null)
});

const cellNumber = z
	.number('Phải là số')
	.int('Chỉ nhập số nguyên')
	.min(0, 'Số không được âm')
	.max(maxCell, 'Số quá lớn');
const rowId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Mã dòng không hợp lệ');
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

export const commandSchemas = {
	'notice.post': z.object({
		body: z.string().trim().min(1, 'Nội dung thông báo không được để trống').max(1000, 'Tối đa 1000 ký tự'),
		urgent: z.boolean().default(false),
		/** null or absent: every unit */
		targetUnitIds: z.array(unitId).min(1, 'Chọn ít nhất một đơn vị').max(500).nullable().default(null)
	}),
	'display_link.create': z.object({
		name: z
			.string()
			.trim()
			.min(1, 'Đặt tên cho màn hình, ví dụ "Phòng điều hành"')
			.max(100, 'Tối đa 100 ký tự')
	}),
	'display_link.revoke': z.object({ linkId: z.uuid('Mã liên kết không hợp lệ') }),
	'display_link.configure': z.object({
		linkId: z.uuid('Mã liên kết không hợp lệ'),
		layout: displayLayoutSchema
	}),
	'user.create': z.object({
		username,
		displayName: z.string().trim().min(1, 'Nhập họ tên').max(100, 'Tối đa 100 ký tự'),
		role: z.enum(roles, 'Vai trò không hợp lệ'),
		unitId: unitId.nullable().default(null),
		truckId: unitId.nullable().default(null),
		password
	}),
	'user.update': z.object({
		userId: z.number().int().positive(),
		displayName: z.string().trim().min(1, 'Nhập họ tên').max(100, 'Tối đa 100 ký tự'),
		role: z.enum(roles, 'Vai trò không hợp lệ'),
		unitId: unitId.nullable(),
		truckId: unitId.nullable(),
		disabled: z.boolean()
	}),
	'user.reset_password': z.object({ userId: z.number().int().positive(), password }),
	// loudspeaker trucks: the crew's buttons; `at` is when it was pressed (day time), which
	// matters when the phone was offline and sends the press later
	'truck.depart': z.object({ truckId, at: pressedAt }),
	'truck.arrive': z.object({ truckId, checkpointId: truckId.nullable().default(null), at: pressedAt }),
	'truck.incident': z.object({
		truckId,
		note: z.string().trim().min(1, 'Ghi rõ sự cố (ví dụ: hỏng loa, thủng lốp)').max(300, 'Tối đa 300 ký tự')
	}),
	'truck.resume': z.object({ truckId }),
	'truck.finish': z.object({ truckId, at: pressedAt }),
	// planning the parade (coordinator)
	'route.save': z.object({ route: routeSchema }),
	'truck.assign_route': z.object({ truckId, routeId: truckId.nullable() }),
	'truck.assign_crew': z.object({ truckId, userId: z.number().int().positive('Chọn tài khoản tổ xe') }),
	'parade.set_start': z.object({
		startAt: z.iso.datetime({ offset: true, error: 'Giờ xuất phát không hợp lệ' }).nullable()
	}),
	'crew.message': z.object({
		truckId: truckId.nullable().default(null),
		body: z.string().trim().min(1, 'Nhập nội dung tin nhắn').max(300, 'Tối đa 300 ký tự')
	}),
	'alert.acknowledge': z.object({ alertId: z.uuid('Mã cảnh báo không hợp lệ') }),
	// what the server itself finds in the positions (system actor only)
	'truck.auto_status': z.object({ truckId, status: z.enum(truckStatuses) }),
	'truck.reached': z.object({ truckId, checkpointId: truckId, at: z.number().int() }),
	'alert.raise': z.object({
		truckId,
		kind: alertKind,
		checkpointId: truckId.nullable(),
		message: z.string().min(1).max(300)
	}),
	'alert.clear': z.object({ truckId, kind: alertKind, checkpointId: truckId.nullable() }),
	// ward banner checklists: the tablet's ticks (photos are uploaded first, by upload id)
	'checklist.tick': z.object({
		itemId: truckId,
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
		itemId: truckId,
		reason: z.string().trim().min(1, 'Ghi lý do bỏ đánh dấu').max(300, 'Tối đa 300 ký tự')
	}),
	'checklist.review_photo': z
		.object({
			itemId: truckId,
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
	'checklist.remove_item': z.object({ itemId: truckId }),
	/** a new deadline for every item of one ward, or of all wards (unitId null) */
	'checklist.set_deadline': z.object({
		unitId: unitId.nullable(),
		deadline: z.iso.datetime({ offset: true, error: 'Hạn chót không hợp lệ' })
	}),
	// the ceremony: setup and invitee lists (coordinator), check-ins at the gates
	'ceremony.save_setup': z.object({
		title: z.string().trim().min(1, 'Nhập tên buổi lễ').max(300, 'Tối đa 300 ký tự'),
		place: z.string().trim().min(1, 'Nhập địa điểm').max(300, 'Tối đa 300 ký tự'),
		startsAt: z.iso.datetime({ offset: true, error: 'Giờ khai mạc không hợp lệ' })
	}),
	'ceremony.save_group': z.object({ group: invitedGroupSchema }),
	'ceremony.remove_group': z.object({ groupId: unitId }),
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
		groupId: unitId,
		count: z
			.number('Số người phải là số')
			.int('Số người phải là số nguyên')
			.min(1, 'Ít nhất 1 người')
			.max(1000, 'Tối đa 1.000 người mỗi lần đếm'),
		at: pressedAt
	}),
	'gate.undo': z.object({ checkinId: z.uuid('Mã lượt vào không hợp lệ') }),
	// the reporting table: a unit's draft as typed, its submissions, the organizer's sign-off
	'report.save_draft': reportBody,
	'report.submit': reportBody,
	'report.sign_off': z.object({ note: z.string().trim().max(500, 'Tối đa 500 ký tự').default('') }),
	'report.set_target': z.object({
		rowId,
		target: z.object({ count: cellNumber.optional(), people: cellNumber.optional() }).nullable()
	}),
	/** the demo simulator starts its day again: the trucks go back to the start */
	'demo.new_day': z.object({ anchorReal: z.number().int() }),
	/** the scenario itself is checked against the scenario schema by the import */
	'scenario.import': z.object({ scenario: z.unknown(), withAccounts: z.boolean().default(false) })
} as const;

export type CommandType = keyof typeof commandSchemas;
export type CommandPayload<T extends CommandType> = z.input<(typeof commandSchemas)[T]>;
