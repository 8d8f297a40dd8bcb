import { redirect } from '@sveltejs/kit';
import { setDisplayCookie } from '$lib/server/displays/cookie';
import { findDisplayLinkByToken } from '$lib/server/displays/store';
import { db } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** A display link: remember its token on this screen, then show the display. */
export const load: PageServerLoad = ({ params, cookies, url }) => {
	const link = params.token.length <= 200 ? findDisplayLinkByToken(db(), params.token) : undefined;
	if (!link || link.revokedAt) redirect(303, '/display/revoked');
	setDisplayCookie(cookies, url, params.token);
	redirect(303, '/display');
};
