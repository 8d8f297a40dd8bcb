/** The accounts domain's commands (admin). */
import { z } from '$lib/zod';
import { truckId, unitId } from '../command-fields';
import { roles } from '../scenario/schema';

export const username = z
	.string()
	.trim()
	.toLowerCase()
	.regex(/^[a-z0-9._-]{3,40}$/, 'admin.users.usernameRule');
export const password = z.string().min(8, 'admin.users.passwordMin').max(200, 'admin.users.passwordMax');

const displayName = z
	.string()
	.trim()
	.min(1, 'admin.users.displayNameMissing')
	.max(100, 'admin.schema.maxChars');
const role = z.enum(roles, 'admin.users.roleInvalid');
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
