/** The reader's language from a raw Cookie header: what server.js and the sockets read before SvelteKit does. */
import { describe, expect, it } from 'vitest';
import { langOfHeader } from '../../src/lib/server/lang';

describe('the language of a Cookie header', () => {
	it('is Vietnamese without a header', () => {
		expect(langOfHeader(undefined)).toBe('vi');
		expect(langOfHeader('')).toBe('vi');
	});

	it('is Vietnamese when only other cookies are sent', () => {
		expect(langOfHeader('km_session=abc123; km_display=xyz')).toBe('vi');
	});

	it('is the one the language switch set, among other cookies', () => {
		expect(langOfHeader('km_lang=en')).toBe('en');
		expect(langOfHeader('km_session=abc123; km_lang=en; theme=dark')).toBe('en');
		expect(langOfHeader('km_lang=vi')).toBe('vi');
	});

	it('is Vietnamese for a language it does not have or a garbled header', () => {
		expect(langOfHeader('km_lang=fr')).toBe('vi');
		expect(langOfHeader('km_lang=EN')).toBe('vi');
		expect(langOfHeader('km_lang=%E0%A4%A')).toBe('vi');
		expect(langOfHeader(';;=;km_lang;=en=')).toBe('vi');
	});
});
