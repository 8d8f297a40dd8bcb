/**
 * The live feed's line for every kind of event (describeEvent, src/lib/feed.ts, which lists the
 * domains' feed lines), exactly as the ops room and the wall display show it, in Vietnamese.
 *
 * The table has a row (or several, one per wording) for each event type of EventDataMap: a new
 * event type without a row here does not compile (`npx tsc --noEmit`), and a row for a type
 * that is gone does not either.
 */
import { describe, expect, it } from 'vitest';
import { notStarted, type ChecklistItemView } from '../../src/lib/checklists/types';
import type { CheckinView } from '../../src/lib/ceremony/types';
import { defaultLayout } from '../../src/lib/displays/layout';
import { describeEvent } from '../../src/lib/feed';
import type { SubmissionView } from '../../src/lib/reports/types';
import type { EventDataMap, EventType, LiveEvent } from '../../src/lib/types';

const vn = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);

interface Sample<T extends EventType> {
	data: EventDataMap[T];
	line: string;
}

/** At least one sample for every event type; more where the line has more than one wording. */
type Samples = { [T in EventType]: readonly [Sample<T>, ...Sample<T>[]] };

const truck = { truckId: 'xe-tan-kieng', truckName: 'Xe loa phường Tân Kiểng' };
const account = {
	id: 7,
	username: 'tan-kieng-2',
	displayName: 'Cán bộ Tân Kiểng',
	role: 'ward_staff' as const,
	unitId: 'phuong-tan-kieng',
	truckId: null,
	disabled: false
};
const banner: ChecklistItemView = {
	...notStarted,
	id: 'cl-tan-kieng-3',
	unitId: 'phuong-tan-kieng',
	kind: 'bang_ron',
	place: 'Ngã ba Trần Xuân Soạn – Lâm Văn Bền',
	position: null,
	quantity: 2,
	sloganText: null,
	deadline: vn('2024-10-03T17:00:00'),
	photos: []
};
const poster: ChecklistItemView = { ...banner, id: 'cl-tan-kieng-6', kind: 'ap_phich' };
const tanKieng = 'Phường Tân Kiểng';
const gate = 'Cổng 1 (cong-1)';
const lan: CheckinView = {
	id: 'b8f0c1de-0000-4000-8000-000000000001',
	inviteeId: 'b8f0c1de-0000-4000-8000-000000000002',
	inviteeName: 'Nguyễn Thị Lan',
	groupId: 'lanh-dao-ubnd',
	count: 1,
	gate,
	at: vn('2024-10-03T07:45:00'),
	undone: false
};
const pupils: CheckinView = { ...lan, inviteeId: null, inviteeName: null, groupId: 'hoc-sinh', count: 45 };
const submission: SubmissionView = {
	id: 'b8f0c1de-0000-4000-8000-000000000003',
	unitId: 'phuong-tan-kieng',
	version: 1,
	figures: {},
	narrative: {},
	photoIds: [],
	submittedAt: vn('2024-10-07T15:00:00'),
	by: 'Cán bộ Tân Kiểng (tan-kieng-2)',
	late: false,
	afterSignoff: false,
	demo: false
};
const checkpoint = {
	...truck,
	checkpointId: 'tan-kieng-cp2',
	checkpointName: 'Ngã ba Trần Xuân Soạn – Lâm Văn Bền',
	at: vn('2024-10-04T07:37:00'),
	manual: false
};

const samples: Samples = {
	'notice.posted': [
		{
			data: {
				id: 'n1',
				body: 'Tập trung lúc 6 giờ 30',
				urgent: true,
				targetUnitIds: null,
				author: 'Điều phối'
			},
			line: 'Thông báo khẩn: Tập trung lúc 6 giờ 30'
		},
		{
			data: {
				id: 'n2',
				body: 'Bổ sung băng rôn',
				urgent: false,
				targetUnitIds: ['phuong-tan-kieng'],
				author: 'Điều phối'
			},
			line: 'Thông báo: Bổ sung băng rôn'
		}
	],
	'display_link.created': [
		{ data: { id: 'l1', name: 'Hội trường' }, line: 'Tạo liên kết màn hình "Hội trường"' }
	],
	'display_link.revoked': [
		{ data: { id: 'l1', name: 'Hội trường' }, line: 'Thu hồi liên kết màn hình "Hội trường"' }
	],
	'display_link.configured': [
		{
			data: { id: 'l1', name: 'Hội trường', layout: defaultLayout },
			line: 'Đổi bố trí màn hình “Hội trường”'
		}
	],
	'user.created': [{ data: account, line: 'Tạo tài khoản tan-kieng-2' }],
	'user.updated': [{ data: { ...account, disabled: true }, line: 'Cập nhật tài khoản tan-kieng-2' }],
	'user.password_reset': [
		{ data: { id: 7, username: 'tan-kieng-2' }, line: 'Đặt lại mật khẩu cho tan-kieng-2' }
	],
	'scenario.imported': [
		{
			data: { eventId: 'quan7-2024', name: 'Tuần lễ học tập suốt đời 2024', counts: { units: 42 } },
			line: 'Nạp kịch bản "Tuần lễ học tập suốt đời 2024"'
		}
	],
	'truck.status_changed': [
		{
			data: { ...truck, status: 'moving', incidentNote: null, by: 'crew' },
			line: 'Xe loa phường Tân Kiểng: đang chạy'
		},
		{
			data: { ...truck, status: 'incident', incidentNote: 'Thủng lốp', by: 'crew' },
			line: 'Xe loa phường Tân Kiểng: sự cố — Thủng lốp'
		},
		{
			// a note left from an incident is not said once the truck is lost
			data: { ...truck, status: 'lost', incidentNote: 'Thủng lốp', by: 'auto' },
			line: 'Xe loa phường Tân Kiểng: mất tín hiệu'
		}
	],
	'truck.gathered': [
		{
			data: {
				truckId: 'xe-quan7',
				truckName: 'Xe loa Quận 7',
				milestoneId: 'm-tap-trung',
				title: 'Tập trung xe loa tại Quận 1',
				at: vn('2024-10-03T06:12:00')
			},
			line: 'Xe loa Quận 7 đã tập kết lúc 6g12 — Tập trung xe loa tại Quận 1'
		}
	],
	'truck.checkpoint_reached': [
		{
			data: { ...checkpoint, delaySeconds: 120 },
			line: 'Xe loa phường Tân Kiểng đến Ngã ba Trần Xuân Soạn – Lâm Văn Bền lúc 7g37 (trễ 2 phút)'
		},
		{
			data: { ...checkpoint, at: vn('2024-10-04T07:30:00'), delaySeconds: -300, manual: true },
			line: 'Xe loa phường Tân Kiểng đến Ngã ba Trần Xuân Soạn – Lâm Văn Bền lúc 7g30 (sớm 5 phút)'
		},
		{
			data: { ...checkpoint, at: vn('2024-10-04T07:35:00'), delaySeconds: 59 },
			line: 'Xe loa phường Tân Kiểng đến Ngã ba Trần Xuân Soạn – Lâm Văn Bền lúc 7g35 (đúng giờ)'
		}
	],
	'route.saved': [
		{ data: { routeId: 'r-moi', name: 'Lộ trình mới' }, line: 'Cập nhật lộ trình "Lộ trình mới"' }
	],
	'truck.route_assigned': [
		{ data: { ...truck, routeId: 'r-phu-my' }, line: 'Giao lộ trình cho Xe loa phường Tân Kiểng' },
		{ data: { ...truck, routeId: null }, line: 'Bỏ lộ trình của Xe loa phường Tân Kiểng' }
	],
	'parade.start_set': [
		{ data: { startAt: vn('2024-10-04T07:45:00') }, line: 'Giờ xuất phát chung: 7g45' },
		{ data: { startAt: null }, line: 'Bỏ giờ xuất phát chung' }
	],
	'truck.crew_assigned': [
		{
			data: { ...truck, userId: 9, username: 'to-xe-3', displayName: 'Lê Hoàng Cường' },
			line: 'Giao Xe loa phường Tân Kiểng cho tổ Lê Hoàng Cường (to-xe-3)'
		}
	],
	'crew.message_sent': [
		{
			data: { id: 'm1', truckId: 'xe-tan-kieng', body: 'Rẽ phải ở Lâm Văn Bền', author: 'Điều phối' },
			line: 'Tin nhắn tới một tổ xe: Rẽ phải ở Lâm Văn Bền'
		},
		{
			data: { id: 'm2', truckId: null, body: 'Mọi xe giảm âm lượng', author: 'Điều phối' },
			line: 'Tin nhắn tới mọi tổ xe: Mọi xe giảm âm lượng'
		}
	],
	'alert.raised': [
		{
			data: {
				...truck,
				id: 'a1',
				kind: 'late',
				checkpointId: 'tan-kieng-cp2',
				message: 'Xe loa phường Tân Kiểng: trễ 6 phút',
				raisedAt: vn('2024-10-04T07:41:00')
			},
			line: 'Xe loa phường Tân Kiểng: trễ 6 phút'
		}
	],
	'alert.acknowledged': [
		{ data: { id: 'a1', by: 'Điều phối (dieu-phoi)' }, line: 'Đã xác nhận cảnh báo (Điều phối (dieu-phoi))' }
	],
	'alert.cleared': [{ data: { id: 'a1' }, line: 'Cảnh báo đã hết' }],
	'checklist.ticked': [
		{
			data: { item: { ...banner, status: 'done' }, unitName: tanKieng },
			line: 'Phường Tân Kiểng: xong băng rôn — Ngã ba Trần Xuân Soạn – Lâm Văn Bền'
		}
	],
	'checklist.unticked': [
		{
			data: { item: banner, unitName: tanKieng, reason: 'Treo nhầm chỗ' },
			line: 'Phường Tân Kiểng: bỏ đánh dấu băng rôn — Treo nhầm chỗ'
		}
	],
	'checklist.photo_reviewed': [
		{
			data: { item: banner, unitName: tanKieng, photoId: 'f'.repeat(64), verdict: 'accepted', reason: '' },
			line: 'Duyệt ảnh băng rôn của Phường Tân Kiểng'
		},
		{
			data: {
				item: poster,
				unitName: tanKieng,
				photoId: 'f'.repeat(64),
				verdict: 'rejected',
				reason: 'Ảnh mờ'
			},
			line: 'Trả lại áp phích của Phường Tân Kiểng: Ảnh mờ'
		}
	],
	'checklist.items_changed': [
		{
			data: {
				unitIds: ['phuong-tan-kieng'],
				count: 1,
				change: { what: 'added', kind: 'pano', place: 'Cổng trường' }
			},
			line: 'Thêm mục: Pano — Cổng trường'
		},
		{
			data: {
				unitIds: ['phuong-tan-kieng', 'phuong-phu-my'],
				count: 2,
				change: { what: 'added_to_units', kind: 'co', place: 'Trụ sở', unitKinds: ['district'] }
			},
			line: 'Thêm cho 2 quận: Cờ — Trụ sở'
		},
		{
			data: {
				unitIds: ['truong-th', 'to-dan-pho-3'],
				count: 2,
				change: {
					what: 'added_to_units',
					kind: 'co',
					place: 'Trụ sở',
					unitKinds: ['primary_school', 'residential_group']
				}
			},
			line: 'Thêm cho 2 đơn vị: Cờ — Trụ sở'
		},
		// as logs written when it could only reach every ward hold it
		{
			data: {
				unitIds: ['phuong-tan-kieng', 'phuong-phu-my'],
				count: 2,
				change: { what: 'added_to_wards', kind: 'co', place: 'Trụ sở' }
			},
			line: 'Thêm cho 2 phường: Cờ — Trụ sở'
		},
		{
			data: { unitIds: ['phuong-tan-kieng'], count: 6, change: { what: 'deadline', unitName: tanKieng } },
			line: 'Đổi hạn chót 6 mục của Phường Tân Kiểng'
		},
		{
			data: { unitIds: ['phuong-tan-kieng'], count: 60, change: { what: 'deadline', unitName: null } },
			line: 'Đổi hạn chót 60 mục của mọi đơn vị'
		},
		// as logs written before the feed spoke English hold it
		{
			data: { unitIds: ['phuong-tan-kieng'], count: 1, summary: 'Sửa mục: Pano — Cổng trường' },
			line: 'Sửa mục: Pano — Cổng trường'
		}
	],
	'ceremony.checked_in': [
		{ data: { checkin: lan }, line: 'Nguyễn Thị Lan đã vào (Cổng 1 (cong-1))' },
		{ data: { checkin: pupils }, line: 'Thêm 45 người vào (Cổng 1 (cong-1))' }
	],
	'ceremony.checkin_undone': [
		{ data: { checkin: { ...lan, undone: true } }, line: 'Huỷ lượt vào: Nguyễn Thị Lan (Cổng 1 (cong-1))' },
		{ data: { checkin: { ...pupils, undone: true } }, line: 'Huỷ lượt vào: 45 người (Cổng 1 (cong-1))' }
	],
	'ceremony.changed': [
		{
			data: { change: { what: 'setup', title: 'Lễ khai mạc Tuần lễ', startsAt: vn('2024-10-03T08:00:00') } },
			line: 'Cập nhật lễ khai mạc: Lễ khai mạc Tuần lễ, 8g'
		},
		{
			data: { change: { what: 'group', name: 'Báo chí', expected: 20, added: true } },
			line: 'Thêm thành phần “Báo chí” (dự kiến 20)'
		},
		{
			data: { change: { what: 'group', name: 'Báo chí', expected: 25, added: false } },
			line: 'Sửa thành phần “Báo chí” (dự kiến 25)'
		},
		{ data: { change: { what: 'group_removed', name: 'Báo chí' } }, line: 'Xoá thành phần “Báo chí”' },
		{
			data: { change: { what: 'invitees', mode: 'replace', count: 120 } },
			line: 'Nạp danh sách mới: 120 khách mời'
		},
		{
			data: { change: { what: 'invitees', mode: 'append', count: 3 } },
			line: 'Thêm vào danh sách: 3 khách mời'
		},
		{
			data: {
				change: {
					what: 'invitees',
					mode: 'append',
					count: 120,
					added: 2,
					updated: 1,
					unchanged: 117,
					removed: 0
				}
			},
			line: 'Nạp thêm danh sách khách mời: thêm 2, cập nhật 1, giữ nguyên 117 người'
		},
		{
			data: {
				change: {
					what: 'invitees',
					mode: 'replace',
					count: 100,
					added: 0,
					updated: 0,
					unchanged: 100,
					removed: 20
				}
			},
			line: 'Thay danh sách khách mời: thêm 0, cập nhật 0, giữ nguyên 100, bỏ 20 người'
		},
		// logged before the facts: the words as they were stored
		{ data: { summary: 'Xoá thành phần “Báo chí”' }, line: 'Xoá thành phần “Báo chí”' }
	],
	'report.draft_saved': [
		{
			data: {
				unitId: 'phuong-tan-kieng',
				savedAt: vn('2024-10-07T14:00:00'),
				by: 'Cán bộ Tân Kiểng (tan-kieng-2)'
			},
			line: 'Lưu nháp báo cáo'
		}
	],
	'report.submitted': [
		{ data: { submission, unitName: tanKieng }, line: 'Phường Tân Kiểng gửi báo cáo' },
		{
			data: { submission: { ...submission, version: 2 }, unitName: tanKieng },
			line: 'Phường Tân Kiểng gửi báo cáo (lần 2)'
		},
		{
			data: { submission: { ...submission, version: 3, late: true }, unitName: tanKieng },
			line: 'Phường Tân Kiểng gửi báo cáo (lần 3), sau hạn'
		},
		{
			data: { submission: { ...submission, late: true }, unitName: tanKieng },
			line: 'Phường Tân Kiểng gửi báo cáo, sau hạn'
		}
	],
	'report.signed_off': [
		{
			data: {
				signoff: {
					id: 's1',
					unitId: null,
					at: vn('2024-10-11T17:30:00'),
					by: 'Điều phối',
					note: '',
					counted: [
						{ unitId: 'phuong-tan-kieng', submissionId: 'r1', version: 2 },
						{ unitId: 'phuong-phu-my', submissionId: 'r2', version: 1 }
					],
					totals: {}
				}
			},
			line: 'Chốt bảng tổng hợp báo cáo (2 đơn vị)'
		}
	],
	'report.template_changed': [
		{ data: { summary: 'Đặt chỉ tiêu dòng “Lớp bồi dưỡng”' }, line: 'Đặt chỉ tiêu dòng “Lớp bồi dưỡng”' }
	],
	'demo.day_restarted': [
		{ data: { anchorReal: 1727910000000 }, line: 'Bộ mô phỏng bắt đầu lại ngày diễu hành' }
	]
};

/** An event of the log as the screens get it, around a sample's data. */
function eventOf<T extends EventType>(type: T, data: EventDataMap[T]): LiveEvent<T> {
	return {
		seq: 1,
		type,
		at: vn('2024-10-04T07:40:00'),
		actor: 'Điều phối',
		demo: false,
		data
	} as LiveEvent<T>;
}

function rowsOf<T extends EventType>(type: T): { type: T; event: LiveEvent<T>; line: string }[] {
	return samples[type].map((sample) => ({ type, event: eventOf(type, sample.data), line: sample.line }));
}

const rows = (Object.keys(samples) as EventType[]).flatMap((type) => rowsOf(type));

describe('the live feed', () => {
	it.each(rows)('$type says $line', ({ event, line }) => {
		expect(describeEvent(event, 'vi')).toBe(line);
	});

	it('says an event type it does not know (from an older log) by its type', () => {
		for (const type of ['truck.teleported', 'toString', 'constructor']) {
			const old = { seq: 1, type, at: 0, actor: 'Hệ thống', demo: false, data: {} } as unknown as LiveEvent;
			expect(describeEvent(old, 'vi')).toBe(type);
		}
	});
});
