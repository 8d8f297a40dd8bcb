import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { listTrucks, listUnits } from '$lib/server/scenario/units';
import { listUsers } from '$lib/server/users/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireActor(event, 'read.admin');
	return {
		users: listUsers(db()),
		units: listUnits(db()).map((u) => ({ id: u.id, name: u.name })),
		trucks: listTrucks(db())
	};
};

export const actions: Actions = {
	create: commandAction('user.create'),
	update: commandAction('user.update'),
	resetPassword: commandAction('user.reset_password')
};
