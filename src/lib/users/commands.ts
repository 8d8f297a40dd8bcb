/** The accounts domain's commands (admin). */
import { z } from '$lib/zod';
import { truckId, unitId } from '../command-fields';
import { roles } from '../scenario/schema';

export const username = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9._-]{3,40}$/, 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, ".", "-", "_"');
export const password = z.string().min(8, 'Mật khẩu tối thiểu 8 ký tự').max(200, 'Mật khẩu tối đa 200 ký tự');

const displayName = z.string().trim().min(1, 'Nhập họ tên').max(100, 'Tối đa 100 ký tự');
const role = z.enum(roles, 'Vai trò không hợp lệ');
const userId = z.number().int().positive();

export const userCommands = {
	'user.create': z.object({
		username,
		displayName,
		role,
		unitId: unitId.nullable().default(null),
		truckId: truckId.nullable().default(null),
		password
	}),
	'user.update': z.object({
		userId,
		displayName,
		role,
		unitId: unitId.nullable(),
		truckId: truckId.nullable(),
		disabled: z.boolean()
	}),
	'user.reset_password': z.object({ userId, password })
};
