/**
 * Every word a person reads, in Vietnamese and English, from one catalogue. Each area of the app
 * keeps its words in `vi/<area>.ts` and their English in `en/<area>.ts` (typed to name the same
 * keys); keys are unique across areas (the test checks). Vietnamese is always here; English is
 * added by the server at start (`$lib/server/lang`) and by a browser only for an English reader
 * (the root layout's load), so a Vietnamese page does not download it.
 *
 * Templates: `{name}` is replaced by a parameter; `{name|one|other}` picks `one` when the parameter
 * is 1 and `other` otherwise (English plurals: "{n} {n|truck|trucks}").
 */
import admin from './vi/admin';
import ceremony from './vi/ceremony';
import checklists from './vi/checklists';
import common from './vi/common';
import display from './vi/display';
import ops from './vi/ops';
import outbox from './vi/outbox';
import packages from './vi/packages';
import problems from './vi/problems';
import realtime from './vi/realtime';
import reports from './vi/reports';
import time from './vi/time';
import trucks from './vi/trucks';
import units from './vi/units';

export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];

/** the Vietnamese catalogue by area (the test walks it, and the English beside it) */
export const areas = {
	common,
	display,
	ops,
	trucks,
	checklists,
	ceremony,
	reports,
	packages,
	admin,
	outbox,
	problems,
	realtime,
	time,
	units
};

type Areas = typeof areas;
export type MessageKey = { [A in keyof Areas]: keyof Areas[A] & string }[keyof Areas];
/** a language's words by area: every area, every key */
export type Catalogue = { [A in keyof Areas]: { readonly [K in keyof Areas[A]]: string } };
export type MessageParams = Record<string, string | number>;

const catalogue: Partial<Record<Lang, Record<string, string>>> & { vi: Record<string, string> } = {
	vi: Object.assign({}, ...Object.values(areas))
};

/** makes `lang` speak: its words by area */
export function addLanguage(lang: Lang, words: Catalogue): void {
	catalogue[lang] = Object.assign({}, ...Object.values(words));
}

/** `lang`'s words, fetched once (a browser's English reader) */
export async function loadLanguage(lang: Lang): Promise<void> {
	if (catalogue[lang]) return;
	if (lang === 'en') addLanguage('en', (await import('./en')).english);
}

const placeholder = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
	const template = catalogue[lang]?.[key] ?? catalogue.vi[key] ?? key;
	return template.replace(placeholder, (_, name: string, one?: string, other?: string) => {
		const value = params[name];
		if (one === undefined) return String(value ?? '');
		return Number(value) === 1 ? one : (other ?? '');
	});
}

export function isMessageKey(value: unknown): value is MessageKey {
	return typeof value === 'string' && Object.hasOwn(catalogue.vi, value);
}

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (langs as readonly string[]).includes(value);
}

/** the placeholders a template uses, for the test that both languages take the same parameters */
export function placeholdersOf(template: string): string[] {
	return [...new Set([...template.matchAll(placeholder)].map((m) => m[1]))].sort();
}

/**
 * Words the server says without knowing yet to whom (a refusal, a problem): the key and its
 * parameters, put into the reader's language where the answer leaves (command path, form action).
 */
export interface Said {
	key: MessageKey;
	params?: MessageParams;
}

export const say = (key: MessageKey, params?: MessageParams): Said => (params ? { key, params } : { key });

/** `said` in `lang`; a plain string is a word not yet in the catalogue and is passed as is */
export function words(lang: Lang, said: Said | string): string {
	return typeof said === 'string' ? said : translate(lang, said.key, said.params);
}
