/** Account management (admin): create, update (role, binding, disable), reset password. */
import type { Role } from '$lib/types';
import type { UserData } from '$lib/users/events';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { CommandError, defineCommand } from '../commands/define';
import type { Db } from '../db';
import { getUnit, truckUnit } from '../scenario/units';
import { getUser, insertUser, setPasswordHash, updateUser, usernameTaken } from './store';

/** Checks a role's binding and fills in the unit of a truck crew from its truck. */
export function resolveBinding(
	db: Db,
	role: Role,
	unitId: string | null,
	truckId: string | null
): { unitId: string | null; truckId: string | null } {
	if (role === 'truck_crew') {
		if (!truckId)
			throw new CommandError('invalid', 'Tổ xe loa cần gắn với một xe.', [
				{ path: 'truckId', message: 'Chọn xe loa' }
			]);
		const unit = truckUnit(db, truckId);
		if (!unit)
			throw new CommandError('invalid', `Không có xe loa "${truckId}".`, [
				{ path: 'truckId', message: 'Xe loa không tồn tại' }
			]);
		return { unitId: unit, truckId };
	}
	if ((role === 'ward_staff' || role === 'unit_staff') && !unitId) {
		throw new CommandError('invalid', 'Cán bộ phường hoặc cán bộ đơn vị cần gắn với một đơn vị.', [
			{ path: 'unitId', message: 'Chọn đơn vị' }
		]);
	}
	if (unitId && !getUnit(db, unitId)) {
		throw new CommandError('invalid', `Không có đơn vị "${unitId}".`, [
			{ path: 'unitId', message: 'Đơn vị không tồn tại' }
		]);
	}
	return { unitId, truckId: null };
}

function publicUser(db: Db, id: number): UserData {
	const { id: userId, username, displayName, role, unitId, truckId, disabled } = getUser(db, id)!;
	return { id: userId, username, displayName, role, unitId, truckId, disabled };
}

export const createUser = defineCommand({
	type: 'user.create',
	emits: ['user.created'],
	action: 'user.manage',
	prepare: (p) => hashPassword(p.password),
	apply(db, p, { now, prepared, demo }) {
		if (usernameTaken(db, p.username)) {
			throw new CommandError('conflict', `Tên đăng nhập "${p.username}" đã có.`, [
				{ path: 'username', message: 'Đã có người dùng tên này' }
			]);
		}
		const binding = resolveBinding(db, p.role, p.unitId, p.truckId);
		const id = insertUser(db, { ...p, ...binding, passwordHash: prepared, demo }, now);
		return { type: 'user.created', data: publicUser(db, id), audience: ['admin'] };
	}
});

export const updateUserCommand = defineCommand({
	type: 'user.update',
	emits: ['user.updated'],
	action: 'user.manage',
	apply(db, p, { actor }) {
		if (!getUser(db, p.userId)) throw new CommandError('not_found', 'Không tìm thấy tài khoản.');
		if (actor.kind === 'user' && actor.userId === p.userId && (p.disabled || p.role !== 'admin')) {
			throw new CommandError('invalid', 'Không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình.');
		}
		const binding = resolveBinding(db, p.role, p.unitId, p.truckId);
		updateUser(db, {
			id: p.userId,
			displayName: p.displayName,
			role: p.role,
			disabled: p.disabled,
			...binding
		});
		// a changed role or binding must not keep the old rights in an open session
		invalidateUserSessions(db, p.userId);
		return { type: 'user.updated', data: publicUser(db, p.userId), audience: ['admin'] };
	}
});

export const resetPassword = defineCommand({
	type: 'user.reset_password',
	emits: ['user.password_reset'],
	action: 'user.manage',
	prepare: (p) => hashPassword(p.password),
	apply(db, p, { prepared }) {
		const user = getUser(db, p.userId);
		if (!user) throw new CommandError('not_found', 'Không tìm thấy tài khoản.');
		setPasswordHash(db, p.userId, prepared);
		invalidateUserSessions(db, p.userId);
		return {
			type: 'user.password_reset',
			data: { id: user.id, username: user.username },
			audience: ['admin']
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const userHandlers = [createUser, updateUserCommand, resetPassword];
