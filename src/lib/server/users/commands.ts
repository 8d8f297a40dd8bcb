/** Account management (admin): create, update (role, binding, disable), reset password. */
import { say } from '$lib/i18n';
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
			throw new CommandError('invalid', say('admin.users.crewNeedsTruck'), [
				{ path: 'truckId', message: say('admin.users.pickTruck') }
			]);
		const unit = truckUnit(db, truckId);
		if (!unit)
			throw new CommandError('invalid', say('admin.users.noSuchTruck', { id: truckId }), [
				{ path: 'truckId', message: say('admin.users.truckGone') }
			]);
		return { unitId: unit, truckId };
	}
	if ((role === 'ward_staff' || role === 'unit_staff') && !unitId) {
		throw new CommandError('invalid', say('admin.users.staffNeedsUnit'), [
			{ path: 'unitId', message: say('admin.users.pickUnit') }
		]);
	}
	if (unitId && !getUnit(db, unitId)) {
		throw new CommandError('invalid', say('admin.users.noSuchUnit', { id: unitId }), [
			{ path: 'unitId', message: say('admin.users.unitGone') }
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
			throw new CommandError('conflict', say('admin.users.taken', { username: p.username }), [
				{ path: 'username', message: say('admin.users.takenHere') }
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
		if (!getUser(db, p.userId)) throw new CommandError('not_found', say('admin.users.notFound'));
		if (actor.kind === 'user' && actor.userId === p.userId && (p.disabled || p.role !== 'admin')) {
			throw new CommandError('invalid', say('admin.users.notYourself'));
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
		if (!user) throw new CommandError('not_found', say('admin.users.notFound'));
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
