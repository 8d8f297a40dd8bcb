/** The reader's language: a cookie the language switch sets, Vietnamese without it. */
import { parse as parseCookies } from 'cookie';
import { addLanguage, isLang, type Lang } from '$lib/i18n';
import { english } from '$lib/i18n/en';

// the server answers in either language from its first request
addLanguage('en', english);

export const langCookie = 'km_lang';

export const langOf = (cookie: string | undefined): Lang => (isLang(cookie) ? cookie : 'vi');

/**
 * The language of a raw Cookie header, for what reads a request before SvelteKit does (the body
 * guard in server.js, the socket handshake).
 */
export const langOfHeader = (cookieHeader: string | undefined): Lang =>
	langOf(parseCookies(cookieHeader ?? '')[langCookie]);
