/** The reader's language: a cookie the language switch sets, Vietnamese without it. */
import { isLang, type Lang } from '$lib/i18n';

export const langCookie = 'km_lang';

export const langOf = (cookie: string | undefined): Lang => (isLang(cookie) ? cookie : 'vi');
