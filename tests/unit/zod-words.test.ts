/**
 * zod's own messages (where a schema gives none) in plain Vietnamese and plain English, from the
 * catalogue's `problems.zod.*` (src/lib/zod.ts): a plan's importer reads them on /admin/scenario.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lang } from '$lib/i18n';
import { unitKinds } from '$lib/scenario/schema';
import { validateScenario } from '$lib/scenario/validate';
import { z, zodLocale } from '$lib/zod';

type Plan = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const plan = (): Plan => JSON.parse(fs.readFileSync('data/scenarios/quan7-2024.json', 'utf8'));

/** the problems of the shipped plan once `change` has spoiled it, by path */
function problemsOf(change: (p: Plan) => void, lang: Lang = 'vi'): Record<string, string> {
	const p = plan();
	change(p);
	const check = validateScenario(p, lang);
	if (check.ok) throw new Error('the spoiled plan passed');
	return Object.fromEntries(check.problems.map((x) => [x.path, x.message]));
}

/** the messages of one parse, Vietnamese by default, English through zodLocale('en') */
function messagesOf(schema: z.ZodType, input: unknown, lang: Lang = 'vi'): string[] {
	const parsed = schema.safeParse(input, zodLocale(lang));
	if (parsed.success) throw new Error(`${JSON.stringify(input)} passed`);
	return parsed.error.issues.map((i) => i.message);
}

/** every Vietnamese message the tests below see, for the last test */
const seen: string[] = [];
const vi = (schema: z.ZodType, input: unknown) => {
	const messages = messagesOf(schema, input);
	seen.push(...messages);
	return messages;
};
const spoiled = (change: (p: Plan) => void) => {
	const problems = problemsOf(change);
	seen.push(...Object.values(problems));
	return problems;
};

describe('a spoiled scenario file, said to its importer', () => {
	it('a missing field is missing', () => {
		const change = (p: Plan) => delete p.event.name;
		expect(spoiled(change)).toEqual({ 'event.name': 'Thiếu mục này' });
		expect(problemsOf(change, 'en')).toEqual({ 'event.name': 'Required' });
	});

	it('a latitude of 106 is over 90', () => {
		const change = (p: Plan) => (p.units[0].position = [106.72, 95]);
		expect(spoiled(change)).toEqual({ 'units[0].position[1]': 'Tối đa 90' });
		expect(problemsOf(change, 'en')).toEqual({ 'units[0].position[1]': 'At most 90' });
	});

	it('a string where an object belongs', () => {
		const change = (p: Plan) => (p.event = 'quan7-2024');
		expect(spoiled(change)).toEqual({ event: 'Phải là một đối tượng, không phải một chuỗi chữ' });
		expect(problemsOf(change, 'en')).toEqual({ event: 'Must be an object, not text' });
	});

	it('a kind not in the list names the list', () => {
		const change = (p: Plan) => (p.units[1].kind = 'ward_office');
		expect(spoiled(change)).toEqual({ 'units[1].kind': `Phải là một trong: ${unitKinds.join(', ')}` });
		expect(problemsOf(change, 'en')).toEqual({ 'units[1].kind': `Must be one of: ${unitKinds.join(', ')}` });
	});

	it('too many characters counts them', () => {
		const change = (p: Plan) => (p.event.plan = 'K'.repeat(501));
		expect(spoiled(change)).toEqual({ 'event.plan': 'Tối đa 500 ký tự' });
		expect(problemsOf(change, 'en')).toEqual({ 'event.plan': 'At most 500 characters' });
	});

	it('a quantity out of range, or not whole, and a number given as text', () => {
		expect(spoiled((p) => (p.checklistItems[0].quantity = 0))).toEqual({
			'checklistItems[0].quantity': 'Tối thiểu 1'
		});
		expect(spoiled((p) => (p.checklistItems[0].quantity = 250000))).toEqual({
			'checklistItems[0].quantity': 'Tối đa 100.000'
		});
		expect(problemsOf((p) => (p.checklistItems[0].quantity = 250000), 'en')).toEqual({
			'checklistItems[0].quantity': 'At most 100,000'
		});
		expect(spoiled((p) => (p.checklistItems[0].quantity = 1.5))).toEqual({
			'checklistItems[0].quantity': 'Phải là một số nguyên'
		});
		expect(spoiled((p) => (p.checklistItems[0].quantity = '60'))).toEqual({
			'checklistItems[0].quantity': 'Phải là một số, không phải một chuỗi chữ'
		});
	});

	it('a list where one thing belongs, and a yes/no given as text', () => {
		expect(spoiled((p) => (p.units = {}))).toEqual({
			units: 'Phải là một danh sách, không phải một đối tượng'
		});
		expect(spoiled((p) => (p.reportTable.rows[0].money = 'có'))).toEqual({
			'reportTable.rows[0].money': 'Phải là đúng hoặc sai (true/false), không phải một chuỗi chữ'
		});
		expect(spoiled((p) => (p.event.plan = null))).toEqual({
			'event.plan': 'Phải là một chuỗi chữ, không phải giá trị rỗng (null)'
		});
	});
});

describe('each of zod’s issues in words', () => {
	it('sizes by what is measured, and whether the bound itself is allowed', () => {
		expect(vi(z.string().max(300), 'x'.repeat(301))).toEqual(['Tối đa 300 ký tự']);
		expect(vi(z.string().min(3), 'ab')).toEqual(['Tối thiểu 3 ký tự']);
		expect(vi(z.string().min(1), '')).toEqual(['Không được để trống']);
		expect(vi(z.string().length(5), 'abc')).toEqual(['Phải đúng 5 ký tự']);
		expect(vi(z.array(z.number()).max(10), Array(11).fill(1))).toEqual(['Tối đa 10 mục']);
		expect(vi(z.array(z.number()).min(2), [1])).toEqual(['Tối thiểu 2 mục']);
		expect(vi(z.number().lt(5), 5)).toEqual(['Phải nhỏ hơn 5']);
		expect(vi(z.number().gt(0), 0)).toEqual(['Phải lớn hơn 0']);
		expect(vi(z.number().min(-180), -200)).toEqual(['Tối thiểu -180']);
		expect(vi(z.bigint().max(10n), 11n)).toEqual(['Tối đa 10']);
		expect(vi(z.date().max(new Date('2024-10-07T00:00:00Z')), new Date('2024-10-08T00:00:00Z'))).toEqual([
			'Không được sau 2024-10-07T00:00:00.000Z'
		]);
		expect(messagesOf(z.array(z.number()).max(1), [1, 2], 'en')).toEqual(['At most 1 item']);
		expect(messagesOf(z.string().max(1), 'ab', 'en')).toEqual(['At most 1 character']);
		expect(messagesOf(z.number().gt(0), 0, 'en')).toEqual(['Must be more than 0']);
	});

	it('formats', () => {
		expect(vi(z.email(), 'a@')).toEqual(['Không phải địa chỉ email hợp lệ']);
		expect(vi(z.url(), 'trang chủ')).toEqual(['Không phải đường dẫn (URL) hợp lệ']);
		expect(vi(z.uuid(), '123')).toEqual(['Không phải mã UUID hợp lệ']);
		expect(vi(z.iso.date(), '1/10/2024')).toEqual(['Phải là ngày, ví dụ 2024-10-01']);
		expect(vi(z.iso.datetime({ offset: true }), '2024-10-01 08:00')).toEqual([
			'Phải là ngày giờ, ví dụ 2024-10-01T08:00:00+07:00'
		]);
		expect(vi(z.string().regex(/^[a-z]+$/), 'ABC')).toEqual(['Không đúng định dạng']);
		expect(vi(z.string().startsWith('KH-'), 'UB-1')).toEqual(['Phải bắt đầu bằng “KH-”']);
		expect(messagesOf(z.string().regex(/^[a-z]+$/), 'ABC', 'en')).toEqual(['Not in the right format']);
		expect(messagesOf(z.email(), 'a@', 'en')).toEqual(['Not a valid email address']);
	});

	it('unknown keys are named, one or many', () => {
		const position = z.strictObject({ position: z.string() });
		expect(vi(position, { position: 'a', positon: 'b' })).toEqual([
			'Khoá không có trong định dạng: “positon”'
		]);
		expect(vi(position, { position: 'a', positon: 'b', lable: 'c' })).toEqual([
			'Các khoá không có trong định dạng: “positon”, “lable”'
		]);
		expect(messagesOf(position, { position: 'a', positon: 'b' }, 'en')).toEqual(['Unknown key: “positon”']);
		expect(messagesOf(position, { position: 'a', positon: 'b', lable: 'c' }, 'en')).toEqual([
			'Unknown keys: “positon”, “lable”'
		]);
	});

	it('values, unions, multiples, keys, elements and refinements', () => {
		expect(vi(z.enum(['a', 'b', 'c']), 'd')).toEqual(['Phải là một trong: a, b, c']);
		expect(vi(z.literal('LineString'), 'Point')).toEqual(['Phải là LineString']);
		expect(vi(z.union([z.string(), z.number()]), true)).toEqual(['Không khớp với dạng nào được phép']);
		const fact = z.discriminatedUnion('kind', [
			z.object({ kind: z.literal('late') }),
			z.object({ kind: z.literal('stopped') })
		]);
		expect(vi(fact, { kind: 'lost' })).toEqual(['Phải là một trong: late, stopped']);
		expect(vi(fact, {})).toEqual(['Thiếu mục này']);
		expect(vi(z.number().multipleOf(5), 7)).toEqual(['Phải là bội số của 5']);
		expect(vi(z.record(z.string().regex(/^[a-z]+$/), z.number()), { A: 1 })).toEqual([
			'Có khoá không hợp lệ'
		]);
		expect(vi(z.map(z.object({ id: z.string() }), z.number()), new Map([[{ id: 'a' }, 'x']]))).toEqual([
			'Có mục không hợp lệ'
		]);
		expect(
			vi(
				z.string().refine((s) => s !== 'x'),
				'x'
			)
		).toEqual(['Giá trị không hợp lệ']);
		expect(vi(z.object({ a: z.string() }), { a: undefined })).toEqual(['Thiếu mục này']);
		expect(vi(z.boolean(), 'yes')).toEqual(['Phải là đúng hoặc sai (true/false), không phải một chuỗi chữ']);
		expect(messagesOf(z.enum(['a', 'b', 'c']), 'd', 'en')).toEqual(['Must be one of: a, b, c']);
		expect(messagesOf(z.union([z.string(), z.number()]), true, 'en')).toEqual([
			'Does not match any allowed form'
		]);
	});

	it('a schema’s own message still wins', () => {
		expect(vi(z.string().max(2, 'admin.schema.maxChars'), 'abc')).toEqual(['admin.schema.maxChars']);
	});

	it('no Vietnamese message carries zod’s English words', () => {
		expect(seen.length).toBeGreaterThan(30);
		const english = /\b(number|string|object|undefined|expected|received|invalid|input)\b/i;
		expect(seen.filter((m) => english.test(m))).toEqual([]);
	});
});
