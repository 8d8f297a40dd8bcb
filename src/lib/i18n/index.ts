/**
 * Every word a person reads, in Vietnamese and English, from one catalogue. Each area of the app
 * keeps its words in `messages/<area>.ts`; keys are unique across areas (the test checks).
 *
 * Templates: `{name}` is replaced by a parameter; `{name|one|other}` picks `one` when the parameter
 * is 1 and `other` otherwise (English plurals: "{n} {n|truck|trucks}").
 */
import admin from './messages/admin';
import ceremony from './messages/ceremony';
import checklists from './messages/checklists';
import common from './messages/common';
import display from './messages/display';
import ops from './messages/ops';
import outbox from './messages/outbox';
import problems from './messages/problems';
import realtime from './messages/realtime';
import reports from './messages/reports';
import time from './messages/time';
import trucks from './messages/trucks';

export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];

/** the catalogue by area (the test walks it) */
export const areas = {
	common,
	display,
	ops,
	trucks,
	checklists,
	ceremony,
	reports,
	admin,
	outbox,
	problems,
	realtime,
	time
};

type Areas = typeof areas;
export type MessageKey = { [A in keyof Areas]: keyof Areas[A]['vi'] & string }[keyof Areas];
export type MessageParams = Record<string, string | number>;

const catalogue: Record<Lang, Record<string, string>> = {
	vi: Object.assign({}, ...Object.values(areas).map((a) => a.vi)),
	en: Object.assign({}, ...Object.values(areas).map((a) => a.en))
};

const placeholder = /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
	const template = catalogue[lang][key] ?? catalogue.vi[key] ?? key;
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
