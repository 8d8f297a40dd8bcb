import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { homeOf } from '$lib/server/access';
import { decoyHash, verifyPassword } from '$lib/server/auth/password';
import { deviceCookie, isKnownDevice, rememberDevice, setDeviceCookie } from '$lib/server/auth/devices';
import { takeTurn } from '$lib/server/auth/login-turn';
import { loginLimits } from '$lib/server/auth/rate-limit';
import { createSession, generateToken, setSessionCookie } from '$lib/server/auth/session';
import { config } from '$lib/server/config';
import { db } from '$lib/server/db';
import { localPath } from '$lib/server/local-path';
import { findLogin } from '$lib/server/users/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, localPath(url.searchParams.get('next'), url) ?? homeOf[locals.user.role]);
	return { demo: config.demoSpeed > 0 };
};

export const actions: Actions = {
	default: async ({ request, cookies, locals, url, getClientAddress, setHeaders }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '')
			.trim()
			.toLowerCase();
		const password = String(form.get('password') ?? '');
		const t = (key: Parameters<typeof translate>[1], params?: Record<string, number>) =>
			translate(locals.lang, key, params);
		if (!username || !password || username.length > 100 || password.length > 200) {
			return fail(400, { username, message: t('login.missing') });
		}
		const account = findLogin(db(), username);
		const device = cookies.get(deviceCookie);
		// behind a proxy, the browser's address only when ADDRESS_HEADER says where the proxy puts it;
		// a browser that signed in to this account before is not slowed by the address's failures
		const known = !!account && isKnownDevice(db(), device, account.id);
		const limits = loginLimits(username, getClientAddress(), known);
		// counted before the password is verified, so tries sent in parallel cannot all pass the check
		const turn = await takeTurn(db(), limits);
		if (turn.refused) {
			setHeaders({ 'retry-after': String(turn.wait) });
			return fail(429, {
				username,
				message: t('login.limited', { seconds: turn.wait }),
				retryAfter: turn.wait
			});
		}

		let valid = false;
		try {
			valid = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
		} finally {
			turn.judged(!account || !valid);
		}
		if (!account || !valid) {
			// the same words for an unknown name and a wrong password: the form does not tell which accounts exist
			return fail(400, { username, message: t('login.wrong') });
		}
		// only to whoever knows the password: the account's owner learns why, nobody else learns it exists
		if (account.disabled) return fail(403, { username, message: t('login.disabled') });
		setDeviceCookie(cookies, url, rememberDevice(db(), account.id, device));
		const token = generateToken();
		const session = createSession(db(), token, account.id);
		setSessionCookie(cookies, url, token, session.expiresAt);
		// only paths on this site, so a crafted link cannot send the user elsewhere after login
		redirect(303, localPath(url.searchParams.get('next'), url) ?? homeOf[account.role]);
	}
};
