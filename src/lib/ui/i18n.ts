/**
 * Words on screen in the reader's language. The language comes with the root layout's data
 * (`km_lang` cookie, see hooks.server.ts), read per request while rendering on the server and
 * reactively in the browser, so `t(…)` in markup follows a language switch.
 */
import { page } from '$app/state';
import { isLang, translate, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';

export function currentLang(): Lang {
	const lang: unknown = page.data.lang;
	return isLang(lang) ? lang : 'vi';
}

export function t(key: MessageKey, params?: MessageParams): string {
	return translate(currentLang(), key, params);
}
