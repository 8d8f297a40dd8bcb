/**
 * zod with Vietnamese messages by default; schemas import `z` from here. A schema's own messages
 * are catalogue keys (see $lib/i18n); zod's built-in ones follow the parse's `zodLocale(lang)`.
 */
import { z } from 'zod';
import en from 'zod/v4/locales/en.js';
import vi from 'zod/v4/locales/vi.js';
import type { Lang } from './i18n';

z.config(vi());

const english = { error: en().localeError };

/** the parse options that make zod's own messages English for an English reader */
export function zodLocale(lang: Lang): { error?: z.core.$ZodErrorMap } | undefined {
	return lang === 'en' ? english : undefined;
}

export { z };
