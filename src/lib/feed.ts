/** One line of the live feed for each kind of event, in Vietnamese. */
import { checklistKindLabel } from './checklists/types';
import { formatHour } from './time';
import { truckStatusLabel } from './trucks/types';
import type { EventDataMap, LiveEvent } from './types';

const delayText = (seconds: number) =>
	Math.abs(seconds) < 60
		? 'đúng giờ'
		: seconds > 0
			? `trễ ${Math.round(seconds / 60)} phút`
			: `sớm ${Math.round(-seconds / 60)} phút`;

export function describeEvent(event: LiveEvent): string {
	switch (event.type) {
		case 'notice.posted': {
			const data = event.data as LiveEvent<'notice.posted'>['data'];
			return `${data.urgent ? 'Thông báo khẩn' : 'Thông báo'}: ${data.body}`;
		}
		case 'display_link.created':
			return `Tạo liên kết màn hình "${(event.data as { name: string }).name}"`;
		case 'display_link.configured':
			return `Đổi bố trí màn hình “${(event.data as EventDataMap['display_link.configured']).name}”`;
		case 'display_link.revoked':
			return `Thu hồi liên kết màn hình "${(event.data as { name: string }).name}"`;
		case 'user.created':
			return `Tạo tài khoản ${(event.data as { username: string }).username}`;
		case 'user.updated':
			return `Cập nhật tài khoản ${(event.data as { username: string }).username}`;
		case 'user.password_reset':
			return `Đặt lại mật khẩu cho ${(event.data as { username: string }).username}`;
		case 'scenario.imported':
			return `Nạp kịch bản "${(event.data as { name: string }).name}"`;
		case 'truck.status_changed': {
			const d = event.data as EventDataMap['truck.status_changed'];
			const note = d.incidentNote && d.status === 'incident' ? ` — ${d.incidentNote}` : '';
			return `${d.truckName}: ${truckStatusLabel[d.status].toLowerCase()}${note}`;
		}
		case 'truck.checkpoint_reached': {
			const d = event.data as EventDataMap['truck.checkpoint_reached'];
			return `${d.truckName} đến ${d.checkpointName} lúc ${formatHour(d.at)} (${delayText(d.delaySeconds)})`;
		}
		case 'route.saved':
			return `Cập nhật lộ trình "${(event.data as EventDataMap['route.saved']).name}"`;
		case 'truck.route_assigned': {
			const d = event.data as EventDataMap['truck.route_assigned'];
			return d.routeId ? `Giao lộ trình cho ${d.truckName}` : `Bỏ lộ trình của ${d.truckName}`;
		}
		case 'truck.crew_assigned': {
			const d = event.data as EventDataMap['truck.crew_assigned'];
			return `Giao ${d.truckName} cho tổ ${d.displayName} (${d.username})`;
		}
		case 'parade.start_set': {
			const d = event.data as EventDataMap['parade.start_set'];
			return d.startAt ? `Giờ xuất phát chung: ${formatHour(d.startAt)}` : 'Bỏ giờ xuất phát chung';
		}
		case 'crew.message_sent': {
			const d = event.data as EventDataMap['crew.message_sent'];
			return `Tin nhắn tới ${d.truckId ? 'một tổ xe' : 'mọi tổ xe'}: ${d.body}`;
		}
		case 'alert.raised':
			return `⚠ ${(event.data as EventDataMap['alert.raised']).message}`;
		case 'alert.acknowledged':
			return `Đã xác nhận cảnh báo (${(event.data as EventDataMap['alert.acknowledged']).by})`;
		case 'alert.cleared':
			return 'Cảnh báo đã hết';
		case 'checklist.ticked': {
			const d = event.data as EventDataMap['checklist.ticked'];
			return `${d.unitName}: xong ${checklistKindLabel[d.item.kind].toLowerCase()} — ${d.item.place}`;
		}
		case 'checklist.unticked': {
			const d = event.data as EventDataMap['checklist.unticked'];
			return `${d.unitName}: bỏ đánh dấu ${checklistKindLabel[d.item.kind].toLowerCase()} — ${d.reason}`;
		}
		case 'checklist.photo_reviewed': {
			const d = event.data as EventDataMap['checklist.photo_reviewed'];
			const what = `${checklistKindLabel[d.item.kind].toLowerCase()} của ${d.unitName}`;
			return d.verdict === 'accepted' ? `Duyệt ảnh ${what}` : `Trả lại ${what}: ${d.reason}`;
		}
		case 'checklist.items_changed':
			return (event.data as EventDataMap['checklist.items_changed']).summary;
		case 'ceremony.checked_in': {
			const c = (event.data as EventDataMap['ceremony.checked_in']).checkin;
			return c.inviteeName ? `${c.inviteeName} đã vào (${c.gate})` : `Thêm ${c.count} người vào (${c.gate})`;
		}
		case 'ceremony.checkin_undone': {
			const c = (event.data as EventDataMap['ceremony.checkin_undone']).checkin;
			return `Huỷ lượt vào: ${c.inviteeName ?? `${c.count} người`} (${c.gate})`;
		}
		case 'ceremony.changed':
			return (event.data as EventDataMap['ceremony.changed']).summary;
		case 'demo.day_restarted':
			return 'Bộ mô phỏng bắt đầu lại ngày diễu hành';
		case 'report.submitted': {
			const d = event.data as EventDataMap['report.submitted'];
			const again = d.submission.version > 1 ? ` (lần ${d.submission.version})` : '';
			return `${d.unitName} gửi báo cáo${again}${d.submission.late ? ', sau hạn' : ''}`;
		}
		case 'report.draft_saved':
			return 'Lưu nháp báo cáo';
		case 'report.signed_off':
			return `Chốt bảng tổng hợp báo cáo (${(event.data as EventDataMap['report.signed_off']).signoff.counted.length} đơn vị)`;
		case 'report.template_changed':
			return (event.data as EventDataMap['report.template_changed']).summary;
		default:
			return event.type;
	}
}
