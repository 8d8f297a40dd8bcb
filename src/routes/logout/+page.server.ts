import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { endSessionSockets } from '$lib/server/realtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.session) {
			invalidateSession(db(), locals.session.id);
			endSessionSockets(locals.session.id);
		}
		deleteSessionCookie(cookies, url);
		redirect(303, '/login');
	}
};
