/**
 * A submitted form → a command's payload, read by walking the command's own zod schema: the
 * form's field names are the schema's paths (`item.kind`, `layout.panels`), and each field is
 * turned into what the schema takes at that path. Nothing here validates: the command's schema
 * does, with its own messages, when the command runs (executeCommand).
 *
 * The rules, by what the schema wants at a path:
 * - string, enum, literal: the field's text as typed (the schema trims it if it wants to);
 *   an ISO datetime (`z.iso.datetime`) is read from `<input type="datetime-local">` in Vietnam
 *   time (+07:00, see inputToIso);
 * - number: decimal digits (`-3`, `106.7299`); for an integer, thousands may be grouped with dots
 *   or spaces as Vietnamese writes them (`1.250` is 1250); anything else is NaN, which the schema
 *   refuses;
 * - boolean: a checkbox, true when ticked (`on` or `true`);
 * - array: every field of that name (`getAll`), each read as above; empty entries are dropped, and
 *   a list with any entry on the form counts as given, so one hidden empty field says "this list,
 *   even if nothing is ticked" (an empty list, which the schema may refuse, never a missing one);
 * - tuple: one text field, items separated by commas, semicolons or spaces (`106.7, 10.7`);
 * - object: its keys as `path.key`.
 * A field that is missing, or left blank, is null where the schema is nullable, undefined where it
 * is optional, and left out where it has a default (missing) — otherwise it is the value the
 * schema refuses with its own message: `''` for text, NaN for a number, the object for an object.
 * A defaulted field that is on the form but blank keeps its inner reading (a blank number under a
 * default is NaN: typed wrong, not left out). Schemas a form cannot fill (records, unions,
 * `unknown`…) are read as missing: the action passes those values itself (`given`).
 */
import { z } from '$lib/zod';
import { commandSchemas, type CommandPayload, type CommandType } from '$lib/commands';
import { inputToIso } from '$lib/time/input';

/** absent: no such field; blank: the field is there, empty; given: something was filled in */
type Read = { state: 'absent' | 'blank' | 'given'; value: unknown };

/** Values an action supplies itself (a parsed file, the unit of the page): the form is not read for them. */
export type Given<T extends CommandType> = { readonly [K in keyof CommandPayload<T>]?: unknown };

const absent = (value: unknown): Read => ({ state: 'absent', value });

function defOf(schema: z.core.$ZodType) {
	return (schema as z.core.$ZodTypes)._zod.def;
}

/** The wrappers: how a missing or blank field becomes null, undefined or the default. */
function unwrap(schema: z.core.$ZodType, inner: (schema: z.core.$ZodType) => Read): Read | null {
	const def = defOf(schema);
	switch (def.type) {
		case 'optional': {
			const read = inner(def.innerType);
			return read.state === 'given' ? read : { state: read.state, value: undefined };
		}
		case 'nullable': {
			const read = inner(def.innerType);
			return read.state === 'given' ? read : { state: read.state, value: null };
		}
		case 'default':
		case 'prefault': {
			const read = inner(def.innerType);
			return read.state === 'absent' ? absent(undefined) : read;
		}
		case 'nonoptional':
		case 'catch':
		case 'readonly':
			return inner(def.innerType);
		case 'pipe':
			// what the form gives is the pipe's input (a string `.transform()`ed, for one)
			return inner(def.in);
		case 'lazy':
			return inner(def.getter());
		default:
			return null;
	}
}

const maxDepth = 16;
const plainNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const groupedInteger = /^[+-]?\d{1,3}([. ]\d{3})+$/;

/** `.int()` and `z.int()` give a number schema the format `safeint` (zod 4's `format` property) */
function isInteger(schema: z.core.$ZodType): boolean {
	const format = (schema as { format?: unknown }).format;
	return typeof format === 'string' && format.includes('int');
}

function readNumber(schema: z.core.$ZodType, text: string): number {
	const typed = text.trim();
	if (isInteger(schema) && groupedInteger.test(typed)) return Number(typed.replace(/[. ]/g, ''));
	return plainNumber.test(typed) ? Number(typed) : Number.NaN;
}

/** One text value (a field, an entry of a repeated field, an item of a tuple) as `schema` takes it. */
export function fromText(schema: z.core.$ZodType, text: string | undefined): Read {
	const wrapped = unwrap(schema, (inner) => fromText(inner, text));
	if (wrapped) return wrapped;
	const def = defOf(schema);
	const blank = text === undefined || text.trim() === '';
	const state = text === undefined ? 'absent' : blank ? 'blank' : 'given';
	switch (def.type) {
		case 'string':
			if ('format' in def && def.format === 'datetime')
				return { state, value: blank ? '' : inputToIso(text) };
			return { state, value: text ?? '' };
		case 'enum':
		case 'literal':
		case 'template_literal':
			return { state, value: text ?? '' };
		case 'number':
			return { state, value: blank ? Number.NaN : readNumber(schema, text) };
		case 'boolean': {
			const ticked = text === 'on' || text === 'true';
			return { state: ticked ? 'given' : state === 'absent' ? 'absent' : 'blank', value: ticked };
		}
		case 'tuple': {
			if (blank) return { state, value: [] };
			const parts = text.split(/[\s,;]+/).filter(Boolean);
			return {
				state,
				value: parts.map((part, i) => {
					const item = def.items[i] ?? def.rest;
					return item ? fromText(item, part).value : part;
				})
			};
		}
		default:
			// an object, array or record is not one text
			return absent(undefined);
	}
}

function textField(form: FormData, name: string): string | undefined {
	const value = form.get(name);
	return typeof value === 'string' ? value : undefined;
}

function readObject(
	shape: Readonly<Record<string, z.core.$ZodType>>,
	form: FormData,
	prefix: string,
	skip: ReadonlySet<string> = new Set()
): Read {
	const value: Record<string, unknown> = {};
	let state: Read['state'] = 'absent';
	for (const [key, child] of Object.entries(shape)) {
		if (skip.has(key)) continue;
		const read = fromForm(child, form, prefix ? `${prefix}.${key}` : key);
		if (read.value !== undefined) value[key] = read.value;
		if (read.state === 'given') state = 'given';
		else if (read.state === 'blank' && state === 'absent') state = 'blank';
	}
	return { state, value };
}

/** What the form holds at `name` (a path of the schema), as `schema` takes it. */
export function fromForm(schema: z.core.$ZodType, form: FormData, name: string): Read {
	// a schema that contains itself (z.lazy) would be walked for ever: no form nests this deep
	if (name.split('.').length > maxDepth) return absent(undefined);
	const wrapped = unwrap(schema, (inner) => fromForm(inner, form, name));
	if (wrapped) return wrapped;
	const def = defOf(schema);
	switch (def.type) {
		case 'object':
			return readObject(def.shape, form, name);
		case 'array': {
			const entries = form.getAll(name).filter((v): v is string => typeof v === 'string');
			if (entries.length === 0) return absent([]);
			// on the form, even with only empty entries: a list, maybe empty (never "no list")
			return {
				state: 'given',
				value: entries.filter((v) => v.trim() !== '').map((v) => fromText(def.element, v).value)
			};
		}
		default:
			return fromText(schema, textField(form, name));
	}
}

/**
 * The payload of command `type` from a submitted form: its fields read along the command's
 * schema, plus the values in `given` (which the form is not read for). The result is the
 * command's input as far as the form says: executeCommand validates it like any other.
 */
export function commandInput<T extends CommandType>(
	type: T,
	form: FormData,
	given: Given<T> = {}
): CommandPayload<T> {
	const schema: z.core.$ZodType = commandSchemas[type];
	const def = defOf(schema);
	if (def.type !== 'object') throw new Error(`The payload of ${type} is not an object`);
	const read = readObject(def.shape, form, '', new Set(Object.keys(given)));
	return { ...(read.value as object), ...given } as CommandPayload<T>;
}
