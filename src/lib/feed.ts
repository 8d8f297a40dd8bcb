/** One line of the live feed for each kind of event, in Vietnamese. */
import type { LiveEvent } from './types';

export function describeEvent(event: LiveEvent): string {
	switch (event.type) {
		case 'notice.posted': {
			const data = event.data as LiveEvent<'notice.posted'>['data'];
			return `${data.urgent ? 'Thông báo khẩn' : 'Thông báo'}: ${data.body}`;
		}
		case 'display_link.created':
			return `Tạo liên kết màn hình "${(event.data as { name: string }).name}"`;
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
		default:
			return event.type;
	}
}
