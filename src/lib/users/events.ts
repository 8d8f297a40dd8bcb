/** What the accounts domain tells the screens, and its lines in the live feed. */
import type { FeedLines } from '../feed-line';
import type { Role } from '../scenario/schema';

export interface UserData {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	unitId: string | null;
	truckId: string | null;
	disabled: boolean;
}

export interface UserEvents {
	'user.created': UserData;
	'user.updated': UserData;
	'user.password_reset': { id: number; username: string };
}

export const userFeed: FeedLines<UserEvents> = {
	'user.created': (d) => `Tạo tài khoản ${d.username}`,
	'user.updated': (d) => `Cập nhật tài khoản ${d.username}`,
	'user.password_reset': (d) => `Đặt lại mật khẩu cho ${d.username}`
};
