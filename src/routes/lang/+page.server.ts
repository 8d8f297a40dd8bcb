import { redirect } from '@sveltejs/kit';
import { isLang } from '$lib/i18n';
import { langCookie } from '$lib/server/lang';
import { localPath } from '$lib/server/local-path';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const form = await request.formData();
		const lang = form.get('lang');
		if (isLang(lang))
			cookies.set(langCookie, lang, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 400 * 24 * 3600 });
		const back = form.get('back');
		redirect(303, localPath(typeof back === 'string' ? back : null, url) ?? '/');
	}
};
