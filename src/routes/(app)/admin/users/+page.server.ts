import { db } from '$lib/server/db';
import { checkbox, integer, optionalText, text } from '$lib/server/forms/fields';
import { requireActor, runFormCommand } from '$lib/server/guard';
import { listTrucks, listUnits } from '$lib/server/scenario/units';
import { listUsers } from '$lib/server/users/store';
import type { Role } from '$lib/types';
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
	create: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'user.create', {
			username: text(form, 'username').trim().toLowerCase(),
			displayName: text(form, 'displayName'),
			role: text(form, 'role') as Role,
			unitId: optionalText(form, 'unitId'),
			truckId: optionalText(form, 'truckId'),
			password: text(form, 'password')
		});
	},
	update: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'user.update', {
			userId: integer(form, 'userId'),
			displayName: text(form, 'displayName'),
			role: text(form, 'role') as Role,
			unitId: optionalText(form, 'unitId'),
			truckId: optionalText(form, 'truckId'),
			disabled: checkbox(form, 'disabled')
		});
	},
	resetPassword: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'user.reset_password', {
			userId: integer(form, 'userId'),
			password: text(form, 'password')
		});
	}
};
