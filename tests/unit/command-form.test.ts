import { describe, expect, it } from 'vitest';
import { commandSchemas, type CommandType } from '$lib/commands';
import { z } from '$lib/zod';
import { problemsOf } from '$lib/server/commands/execute';
import { commandInput, fromForm, type Given } from '$lib/server/forms/command-form';

/** A form as the browser sends it: repeated names are repeated entries. */
function form(entries: Record<string, string | string[]> = {}): FormData {
	const data = new FormData();
	data.set('commandId', '6f1c1c1e-8a43-4a3e-9d59-0c1c1c1c1c1c');
	for (const [name, value] of Object.entries(entries))
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	return data;
}

/** What the command's own schema says of the form: its value, or its messages by path (in Vietnamese, as the command path says them). */
function check<T extends CommandType>(type: T, data: FormData, given?: Given<T>) {
	const parsed = commandSchemas[type].safeParse(commandInput(type, data, given));
	return parsed.success
		? { ok: true as const, value: parsed.data as Record<string, unknown> }
		: {
				ok: false as const,
				problems: Object.fromEntries(
					problemsOf(parsed.error, 'vi').map((p, n) => [parsed.error.issues[n].path.join('.'), p.message])
				)
			};
}

const itemFields = {
	'item.kind': 'bang_ron',
	'item.quantity': '3',
	'item.place': ' Đường Huỳnh Tấn Phát ',
	'item.deadline': '2024-10-03T07:45',
	'item.sloganId': ''
};

describe('a form read along its command’s schema', () => {
	it('reads text fields as typed, leaving trimming to the schema, and ignores fields it does not name', () => {
		expect(commandInput('display_link.create', form({ name: '  Phòng điều hành ', other: 'x' }))).toEqual({
			name: '  Phòng điều hành '
		});
		expect(check('display_link.create', form({ name: '  Phòng điều hành ' }))).toEqual({
			ok: true,
			// no unit chosen: the schema's default, the creator's own level
			value: { name: 'Phòng điều hành', unitId: null }
		});
	});

	it('gives a missing or blank required text as "", refused with the schema’s own message', () => {
		expect(commandInput('display_link.create', form())).toEqual({ name: '' });
		expect(check('display_link.create', form({ name: '   ' }))).toEqual({
			ok: false,
			problems: { name: 'Đặt tên cho màn hình, ví dụ "Phòng điều hành"' }
		});
		expect(check('user.create', form({ role: 'boss' })).problems).toMatchObject({
			role: 'Vai trò không hợp lệ',
			displayName: 'Nhập họ tên',
			password: 'Mật khẩu tối thiểu 8 ký tự'
		});
	});

	it('makes a blank or missing field null where the schema is nullable', () => {
		expect(commandInput('crew.message', form({ truckId: '', body: 'Tập trung' }))).toEqual({
			truckId: null,
			body: 'Tập trung'
		});
		// the crew's truck select is not on the form for another role
		const update = form({ userId: '7', displayName: 'Lan', role: 'ward_staff', unitId: 'phuong-1' });
		expect(check('user.update', update)).toEqual({
			ok: true,
			value: {
				userId: 7,
				displayName: 'Lan',
				role: 'ward_staff',
				unitId: 'phuong-1',
				truckId: null,
				disabled: false
			}
		});
		expect(commandInput('checklist.set_deadline', form({ deadline: '2024-10-05T17:00' }))).toEqual({
			unitId: null,
			deadline: '2024-10-05T17:00:00+07:00'
		});
	});

	it('leaves a blank optional field out, and a missing defaulted one to its default', () => {
		const saved = check(
			'checklist.save_item',
			form({ 'item.id': 'cl-1', 'item.unitId': 'p-1', ...itemFields })
		);
		expect(saved).toEqual({
			ok: true,
			value: {
				item: {
					id: 'cl-1',
					unitId: 'p-1',
					kind: 'bang_ron',
					place: 'Đường Huỳnh Tấn Phát',
					quantity: 3,
					deadline: '2024-10-03T07:45:00+07:00'
				}
			}
		});
		expect(saved.ok && 'sloganId' in (saved.value.item as object)).toBe(false);
		expect(check('report.sign_off', form())).toEqual({ ok: true, value: { note: '' } });
		expect(commandInput('checklist.review_photo', form({ itemId: 'cl-1', verdict: 'accepted' }))).toEqual({
			itemId: 'cl-1',
			photoId: '',
			verdict: 'accepted'
		});
	});

	it('reads numbers, Vietnamese thousands in whole numbers, and gives NaN for anything else', () => {
		const group = (expected: string) =>
			commandInput(
				'ceremony.save_group',
				form({ 'group.id': 'g', 'group.name': 'Đại biểu', 'group.expected': expected })
			).group;
		expect(group('120').expected).toBe(120);
		expect(group(' 1.250 ').expected).toBe(1250);
		expect(group('1 250 000').expected).toBe(1250000);
		expect(group('-3').expected).toBe(-3);
		expect(group('1,5').expected).toBeNaN();
		expect(group('1e9').expected).toBeNaN();
		expect(group('mười').expected).toBeNaN();
		// a dot in a number that may be a fraction is the decimal point
		expect(
			commandInput('checklist.save_item', form({ ...itemFields, 'item.position': '106.7299, 10.7477' })).item
				.position
		).toEqual([106.7299, 10.7477]);
	});

	it('refuses a blank or bad required number with the schema’s message, nothing in its place', () => {
		expect(check('gate.count', form({ groupId: 'dai-bieu', count: '' })).problems).toEqual({
			count: 'Số người phải là số'
		});
		expect(check('gate.count', form({ groupId: 'dai-bieu', count: '2.5' })).problems).toEqual({
			count: 'Số người phải là số nguyên'
		});
		expect(check('gate.count', form({ groupId: 'dai-bieu', count: '0' })).problems).toEqual({
			count: 'Ít nhất 1 người'
		});
		expect(check('gate.count', form({ groupId: 'dai-bieu', count: '1.001' })).problems).toEqual({
			count: 'Tối đa 1.000 người mỗi lần đếm'
		});
	});

	it('makes a blank nullable number null, and a blank nullable object null', () => {
		expect(
			commandInput('checklist.tick', form({ itemId: 'cl-1', quantityDone: ' ' })).quantityDone
		).toBeNull();
		expect(
			check('report.set_target', form({ rowId: 'tin-bai', 'target.count': '', 'target.people': '' }))
		).toEqual({ ok: true, value: { rowId: 'tin-bai', target: null } });
		expect(
			check('report.set_target', form({ rowId: 'tin-bai', 'target.count': '', 'target.people': '1.200' }))
		).toEqual({ ok: true, value: { rowId: 'tin-bai', target: { people: 1200 } } });
		expect(check('report.set_target', form({ rowId: 'tin-bai', 'target.count': '-1' })).problems).toEqual({
			'target.count': 'Số không được âm'
		});
		expect(check('report.set_target', form({ rowId: 'tin-bai', 'target.count': 'nhiều' })).problems).toEqual({
			'target.count': 'Phải là số'
		});
	});

	it('reads a checkbox as true when ticked, false or the default when not', () => {
		expect(check('notice.post', form({ body: 'Họp', urgent: 'on' }))).toMatchObject({
			value: { urgent: true }
		});
		expect(check('notice.post', form({ body: 'Họp' }))).toMatchObject({ value: { urgent: false } });
		expect(commandInput('notice.post', form({ body: 'Họp' })).urgent).toBeUndefined();
		expect(
			commandInput('user.update', form({ userId: '1', displayName: 'A', role: 'admin', disabled: 'on' }))
				.disabled
		).toBe(true);
		expect(commandInput('user.update', form({ userId: '1', displayName: 'A', role: 'admin' })).disabled).toBe(
			false
		);
	});

	it('reads a list from repeated fields; one empty field marks a list with nothing ticked', () => {
		expect(
			check('notice.post', form({ body: 'Họp', targetUnitIds: ['', 'phuong-1', 'phuong-2'] }))
		).toMatchObject({
			value: { targetUnitIds: ['phuong-1', 'phuong-2'] }
		});
		// no list on the form: every unit
		expect(check('notice.post', form({ body: 'Họp' }))).toMatchObject({ value: { targetUnitIds: null } });
		// "some units" with none ticked is not "every unit"
		expect(check('notice.post', form({ body: 'Họp', targetUnitIds: '' })).problems).toEqual({
			targetUnitIds: 'Chọn ít nhất một đơn vị'
		});
		expect(
			check('notice.post', form({ body: 'Họp', targetUnitIds: ['phuong-1', 'Phường 1'] })).problems
		).toEqual({
			'targetUnitIds.1': 'Mã đơn vị không hợp lệ'
		});
	});

	it('reads a nested object from dotted names, with its own defaults', () => {
		const linkId = '0b7d3c8e-2f4a-4b1c-9d2e-3f4a5b6c7d8e';
		expect(
			check(
				'display_link.configure',
				form({
					linkId,
					'layout.mode': 'rotate',
					'layout.panel': 'map',
					'layout.panels': ['', 'ceremony', 'reports'],
					'layout.seconds': '5',
					'layout.theme': 'contrast'
				})
			)
		).toEqual({
			ok: true,
			value: {
				linkId,
				layout: {
					mode: 'rotate',
					panel: 'map',
					panels: ['ceremony', 'reports'],
					seconds: 5,
					theme: 'contrast'
				}
			}
		});
		// what the form leaves out (another mode's settings) stays as the link has it
		const missing = check('display_link.configure', form({ linkId, 'layout.mode': 'all' }));
		expect(missing.ok).toBe(true);
		expect(missing.ok && missing.value.layout).toEqual({ mode: 'all' });
		// on the form but blank is typed wrong, not left out
		expect(
			check(
				'display_link.configure',
				form({ linkId, 'layout.mode': 'rotate', 'layout.panels': ['', 'map'], 'layout.seconds': '' })
			).problems
		).toEqual({ 'layout.seconds': 'Số giây phải là số' });
		expect(
			check(
				'display_link.configure',
				form({ linkId, 'layout.mode': 'rotate', 'layout.panels': '', 'layout.seconds': '10' })
			).problems
		).toEqual({ 'layout.panels': 'Chọn ít nhất một ô' });
	});

	it('reads a datetime-local input as Vietnam time, and refuses a blank or bad one with the schema’s message', () => {
		const setup = (startsAt: string) =>
			check('ceremony.save_setup', form({ title: 'Lễ khai mạc', place: 'Nhà văn hoá', startsAt }));
		expect(setup('2024-10-03T07:45')).toMatchObject({ value: { startsAt: '2024-10-03T07:45:00+07:00' } });
		expect(setup('2024-10-03T07:45:30')).toMatchObject({ value: { startsAt: '2024-10-03T07:45:30+07:00' } });
		expect(setup('').problems).toEqual({ startsAt: 'Giờ khai mạc không hợp lệ' });
		expect(setup('3/10/2024 7g45').problems).toEqual({ startsAt: 'Giờ khai mạc không hợp lệ' });
		// a nullable start: blank clears it
		expect(check('parade.set_start', form({ startAt: '' }))).toEqual({ ok: true, value: { startAt: null } });
		expect(check('parade.set_start', form({ startAt: '2024-10-03T06:30' }))).toEqual({
			ok: true,
			value: { startAt: '2024-10-03T06:30:00+07:00' }
		});
	});

	it('reads a position typed as "kinh độ, vĩ độ" from one field', () => {
		const position = (typed: string) =>
			check(
				'checklist.save_item',
				form({ 'item.id': 'cl-1', 'item.unitId': 'p-1', ...itemFields, 'item.position': typed })
			);
		expect(position('106.7299, 10.7477')).toMatchObject({
			value: { item: { position: [106.7299, 10.7477] } }
		});
		expect(position(' 106.7299 ;10.7477 ')).toMatchObject({
			value: { item: { position: [106.7299, 10.7477] } }
		});
		expect(position('  ')).toMatchObject({ ok: true });
		const blank = position('');
		expect(blank.ok && blank.value.item).not.toHaveProperty('position');
		expect(position('106.7299').problems).toEqual({ 'item.position': 'Toạ độ phải là [kinh độ, vĩ độ]' });
		expect(position('106.7299, 10.7477, 3').problems).toEqual({
			'item.position': 'Toạ độ phải là [kinh độ, vĩ độ]'
		});
		expect(Object.keys(position('đâu, 10.7').problems ?? {})).toEqual(['item.position.0']);
		expect(Object.keys(position('200, 10.7').problems ?? {})).toEqual(['item.position.0']);
	});

	it('reads the item for many units without the fields that command leaves out, and the units chosen', () => {
		expect(
			check(
				'checklist.add_to_units',
				form({ idPrefix: 'co', unitKind: 'district', under: '', ...itemFields, 'item.id': 'x' })
			)
		).toEqual({
			ok: true,
			value: {
				idPrefix: 'co',
				unitKind: 'district',
				under: null,
				item: {
					kind: 'bang_ron',
					place: 'Đường Huỳnh Tấn Phát',
					quantity: 3,
					deadline: '2024-10-03T07:45:00+07:00'
				}
			}
		});
		expect(
			check('checklist.add_to_units', form({ idPrefix: 'co', unitKind: '', under: '', ...itemFields }))
				.problems
		).toEqual({ unitKind: 'Chọn loại đơn vị, hoặc đơn vị cấp trên của các đơn vị sẽ được thêm mục' });
	});

	it('shows a bad form every problem by the schema’s paths and messages', () => {
		expect(
			check(
				'checklist.save_item',
				form({ 'item.id': 'Mục 1', 'item.kind': 'den', 'item.quantity': '', 'item.deadline': 'mai' })
			).problems
		).toMatchObject({
			'item.id': 'Mã chỉ gồm chữ thường không dấu, số, "-" và "_" (tối đa 64 ký tự)',
			'item.unitId': expect.any(String),
			'item.kind': expect.any(String),
			'item.place': 'Không được để trống',
			'item.quantity': expect.any(String),
			'item.deadline': 'Thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2024-10-03T06:30:00+07:00'
		});
		expect(
			check('checklist.review_photo', form({ itemId: 'cl-1', photoId: 'a'.repeat(64), verdict: 'rejected' }))
				.problems
		).toEqual({ reason: 'Ghi lý do từ chối để đơn vị biết cần làm lại gì' });
	});

	it('takes what the action gives instead of reading the form for it', () => {
		const upload = '3f0c7b9e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';
		const data = form({ unitId: 'someone-else', figures: 'x', uploads: [upload], withAccounts: 'on' });
		expect(
			commandInput('report.submit', data, { unitId: 'phuong-1', figures: { a: { count: 1 } }, narrative: {} })
		).toEqual({ unitId: 'phuong-1', figures: { a: { count: 1 } }, narrative: {}, uploads: [upload] });
		expect(check('scenario.import', data, { scenario: { format: 'x' } })).toEqual({
			ok: true,
			value: { scenario: { format: 'x' }, withAccounts: true }
		});
		expect(check('ceremony.import_invitees', form({ mode: 'thay' }), { invitees: [] }).problems).toEqual({
			invitees: 'Danh sách trống',
			mode: 'Chọn thay danh sách cũ hoặc thêm vào'
		});
	});

	it('ignores a file where the schema wants text, and never throws on any command', () => {
		const data = form();
		data.set('name', new File(['x'], 'x.txt'));
		expect(commandInput('display_link.create', data)).toEqual({ name: '' });
		for (const type of Object.keys(commandSchemas) as CommandType[])
			expect(() => commandInput(type, form({ x: 'y' }))).not.toThrow();
	});
});

describe('schemas no command has yet', () => {
	it('stops walking a schema that contains itself', () => {
		type Node = { name: string; child?: Node };
		const node: z.ZodType<Node> = z.lazy(() => z.object({ name: z.string(), child: node.optional() }));
		const read = fromForm(z.object({ root: node }), form({ 'root.name': 'a', 'root.child.name': 'b' }), '');
		expect(read.value).toMatchObject({ root: { name: 'a', child: { name: 'b' } } });
	});
});
