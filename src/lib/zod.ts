/**
 * zod with our own words; schemas import `z` from here. A schema's own messages are catalogue
 * keys (see $lib/i18n); zod's built-in ones (a schema that gives none) are worded here from the
 * catalogue's `problems.zod.*`, in Vietnamese by default and in the parse's `zodLocale(lang)`.
 * zod's own locales are not used: they leave English words in the Vietnamese ("mong đợi number").
 */
import { z } from 'zod';
import { translate, type Lang, type MessageKey, type MessageParams } from './i18n';

type Issue = z.core.$ZodRawIssue;

/** how a kind of value is called, for the zod type names people would not know */
const kinds: Record<string, MessageKey> = {
	string: 'problems.zod.kind.string',
	number: 'problems.zod.kind.number',
	int: 'problems.zod.kind.int',
	bigint: 'problems.zod.kind.int',
	boolean: 'problems.zod.kind.boolean',
	date: 'problems.zod.kind.date',
	Date: 'problems.zod.kind.date',
	array: 'problems.zod.kind.array',
	tuple: 'problems.zod.kind.array',
	set: 'problems.zod.kind.array',
	Set: 'problems.zod.kind.array',
	object: 'problems.zod.kind.object',
	record: 'problems.zod.kind.object',
	map: 'problems.zod.kind.object',
	Map: 'problems.zod.kind.object',
	null: 'problems.zod.kind.null',
	nan: 'problems.zod.kind.nan',
	file: 'problems.zod.kind.file',
	File: 'problems.zod.kind.file',
	function: 'problems.zod.kind.function'
};

/** the kind of value that was given, in the same names as `kinds` */
function kindOf(input: unknown): string {
	if (input === null) return 'null';
	if (Array.isArray(input)) return 'array';
	if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : 'number';
	if (typeof input === 'object') {
		const name = Object.getPrototypeOf(input)?.constructor?.name;
		return name && name !== 'Object' ? name : 'object';
	}
	return typeof input;
}

const numberFormats: Record<Lang, Intl.NumberFormat> = {
	vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 20 }),
	en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 20 })
};

/** a value as a reader reads it: numbers grouped in their language, the rest as written */
function shown(lang: Lang, value: unknown): string {
	if (typeof value === 'number' || typeof value === 'bigint') return numberFormats[lang].format(value);
	return String(value);
}

/** keys named as written, quoted so a misspelt one stands out: “positon”, “lable” */
const quoted = (values: readonly unknown[]) => values.map((v) => `“${String(v)}”`).join(', ');

const sizes = {
	string: ['problems.zod.maxChars', 'problems.zod.minChars', 'problems.zod.exactChars'],
	array: ['problems.zod.maxItems', 'problems.zod.minItems', 'problems.zod.exactItems'],
	set: ['problems.zod.maxItems', 'problems.zod.minItems', 'problems.zod.exactItems'],
	map: ['problems.zod.maxItems', 'problems.zod.minItems', 'problems.zod.exactItems'],
	file: ['problems.zod.maxBytes', 'problems.zod.minBytes', 'problems.zod.exactBytes']
} satisfies Record<string, [MessageKey, MessageKey, MessageKey]>;

const formats: Record<string, MessageKey> = {
	email: 'problems.zod.format.email',
	url: 'problems.zod.format.url',
	uuid: 'problems.zod.format.uuid',
	uuidv4: 'problems.zod.format.uuid',
	uuidv6: 'problems.zod.format.uuid',
	uuidv7: 'problems.zod.format.uuid',
	guid: 'problems.zod.format.uuid',
	datetime: 'problems.zod.format.datetime',
	date: 'problems.zod.format.date',
	time: 'problems.zod.format.time',
	duration: 'problems.zod.format.duration',
	ipv4: 'problems.zod.format.ip',
	ipv6: 'problems.zod.format.ip',
	cidrv4: 'problems.zod.format.ip',
	cidrv6: 'problems.zod.format.ip',
	e164: 'problems.zod.format.phone'
};

type Said = [MessageKey, MessageParams?];

/** a size limit (too_big or too_small) in words: "Tối đa 90", "Tối đa 300 ký tự", "Tối thiểu 1 mục" */
function limit(lang: Lang, issue: Issue & { code: 'too_big' | 'too_small' }): Said {
	const big = issue.code === 'too_big';
	const bound = big ? issue.maximum : issue.minimum;
	const sized = sizes[issue.origin as keyof typeof sizes];
	if (sized) {
		// a count is whole: "fewer than 11" is "at most 10"
		const n = issue.inclusive === false ? Number(bound) + (big ? -1 : 1) : Number(bound);
		if (issue.exact) return [sized[2], { value: n }];
		if (!big && n === 1 && issue.origin === 'string') return ['problems.zod.notEmpty'];
		return big ? [sized[0], { maximum: n }] : [sized[1], { minimum: n }];
	}
	if (issue.origin === 'date') {
		const when = new Date(Number(bound)).toISOString();
		if (big)
			return issue.inclusive === false
				? ['problems.zod.before', { maximum: when }]
				: ['problems.zod.notAfter', { maximum: when }];
		return issue.inclusive === false
			? ['problems.zod.after', { minimum: when }]
			: ['problems.zod.notBefore', { minimum: when }];
	}
	const value = shown(lang, bound);
	if (issue.exact) return ['problems.zod.exactly', { value }];
	if (big) return [issue.inclusive === false ? 'problems.zod.below' : 'problems.zod.max', { maximum: value }];
	return [issue.inclusive === false ? 'problems.zod.above' : 'problems.zod.min', { minimum: value }];
}

/** what a value must be: "Phải là một đối tượng, không phải một chuỗi chữ" */
function wrongType(lang: Lang, issue: Issue & { code: 'invalid_type' }): Said {
	const { expected } = issue;
	if (expected === 'undefined' || expected === 'void' || expected === 'never')
		return ['problems.zod.notHere'];
	const want = kinds[expected];
	if (!want) return ['problems.zod.wrongType'];
	const got = kinds[kindOf(issue.input)];
	const params = { expected: translate(lang, want) };
	// 1.5 for a whole number: "Phải là một số nguyên", not "…, không phải một số"
	const alike = got === want || (got === 'problems.zod.kind.number' && want === 'problems.zod.kind.int');
	return got && !alike
		? ['problems.zod.type', { ...params, received: translate(lang, got) }]
		: ['problems.zod.typeOnly', params];
}

function said(lang: Lang, issue: Issue): Said {
	switch (issue.code) {
		case 'invalid_type':
			return wrongType(lang, issue);
		case 'too_big':
		case 'too_small':
			return limit(lang, issue);
		case 'invalid_format': {
			if (issue.format === 'starts_with')
				return ['problems.zod.format.startsWith', { prefix: String(issue.prefix) }];
			if (issue.format === 'ends_with')
				return ['problems.zod.format.endsWith', { suffix: String(issue.suffix) }];
			if (issue.format === 'includes')
				return ['problems.zod.format.includes', { includes: String(issue.includes) }];
			return [formats[issue.format] ?? 'problems.zod.format'];
		}
		case 'not_multiple_of':
			return ['problems.zod.multipleOf', { divisor: shown(lang, issue.divisor) }];
		case 'unrecognized_keys':
			return ['problems.zod.unknownKeys', { count: issue.keys.length, keys: quoted(issue.keys) }];
		case 'invalid_value':
			return [
				issue.values.length === 1 ? 'problems.zod.only' : 'problems.zod.oneOf',
				{ values: issue.values.map(String).join(', ') }
			];
		case 'invalid_union': {
			if (issue.inclusive === false) return ['problems.zod.manyForms'];
			// a discriminated union names its choices: "Phải là một trong: a, b"
			const options = (issue as { options?: unknown[] }).options;
			if (options?.length) return ['problems.zod.oneOf', { values: options.map(String).join(', ') }];
			return ['problems.zod.noForm'];
		}
		case 'invalid_key':
			return ['problems.zod.badKey'];
		case 'invalid_element':
			return ['problems.zod.badElement'];
		default:
			return ['problems.zod.invalid'];
	}
}

/** a field that is not there is missing, whatever it should have been */
function missing(issue: Issue): boolean {
	if (issue.code === 'invalid_type')
		return issue.input === undefined && !['undefined', 'void', 'never'].includes(issue.expected);
	if (issue.code === 'invalid_value') return issue.input === undefined;
	if (issue.code === 'invalid_union') {
		const discriminator = (issue as { discriminator?: string }).discriminator;
		const input = issue.input as Record<string, unknown> | undefined;
		return discriminator && input && typeof input === 'object'
			? input[discriminator] === undefined
			: issue.input === undefined;
	}
	return false;
}

/** zod's error map speaking `lang` from the catalogue */
export function zodWords(lang: Lang): z.core.$ZodErrorMap {
	return (issue) => {
		if (missing(issue)) return translate(lang, 'problems.zod.required');
		const [key, params] = said(lang, issue);
		return translate(lang, key, params);
	};
}

z.config({ localeError: zodWords('vi') });

const english = { error: zodWords('en') };

/** the parse options that make zod's own messages English for an English reader */
export function zodLocale(lang: Lang): { error?: z.core.$ZodErrorMap } | undefined {
	return lang === 'en' ? english : undefined;
}

export { z };
