/**
 * The pages' forms posted as a browser sends them (field names as the .svelte forms name them):
 * each action reads its command from the form by the command's schema, runs it once, and a bad
 * form is refused with the schema's message and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/client';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let admin: string;
let ops: string;

const query = <T>(sql: string, ...params: unknown[]) => queryDb<T>(server.dbPath, sql, ...params);

const specOf = (table: 'checklist_items' | 'report_rows', id: string) =>
	query<{ spec: string }>(`SELECT spec FROM ${table} WHERE id = ?`, id)[0]?.spec ?? '';

/** The event a command id wrote, if any */
const eventOf = (commandId: string) =>
	query<{ type: string; data: string }>('SELECT type, data FROM events WHERE command_id = ?', commandId)[0];

async function post(cookie: string, action: string, fields: [string, string][]) {
	const commandId = crypto.randomUUID();
	const form = new FormData();
	form.set('commandId', commandId);
	for (const [name, value] of fields) form.append(name, value);
	const response = await fetch(`${server.url}${action}`, {
		method: 'POST',
		headers: { cookie, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: form
	});
	const answer = (await response.json()) as { type: string; status?: number; data: string };
	return { ...answer, event: eventOf(commandId) };
}

beforeAll(async () => {
	server = await startServer();
	admin = await login(server.url, 'admin');
	ops = await login(server.url, 'ttvh');
});
afterAll(async () => removeServer(server));

describe('forms read by their command’s schema', () => {
	it('a checklist item: nested fields, a Vietnam time, a position typed in one field', async () => {
		const saved = await post(ops, '/ops/checklists?/saveItem', [
			['item.unitId', 'phuong-tan-kieng'],
			['item.id', 'cl-tan-kieng-moi'],
			['item.kind', 'bang_ron'],
			['item.quantity', '12'],
			['item.place', 'Đường Nguyễn Thị Thập'],
			['item.position', '106.7101, 10.7402'],
			['item.deadline', '2024-10-03T17:30'],
			['item.sloganId', '']
		]);
		expect(saved).toMatchObject({ type: 'success' });
		expect(JSON.parse(specOf('checklist_items', 'cl-tan-kieng-moi'))).toMatchObject({
			unitId: 'phuong-tan-kieng',
			kind: 'bang_ron',
			quantity: 12,
			position: [106.7101, 10.7402],
			deadline: '2024-10-03T17:30:00+07:00'
		});

		const bad = await post(ops, '/ops/checklists?/saveItem', [
			['item.unitId', 'phuong-tan-kieng'],
			['item.id', 'cl-tan-kieng-hong'],
			['item.kind', 'bang_ron'],
			['item.quantity', ''],
			['item.place', 'x'],
			['item.position', '106.71'],
			['item.deadline', '']
		]);
		expect(bad).toMatchObject({ type: 'failure', status: 400 });
		expect(bad.data).toContain('Toạ độ phải là [kinh độ, vĩ độ]');
		expect(bad.data).toContain('Thời điểm phải theo ISO 8601');
		expect(bad.event).toBeUndefined();

		const wards = await post(ops, '/ops/checklists?/addToUnits', [
			['unitKind', 'ward'],
			['under', ''],
			['idPrefix', 'pano-moi'],
			['item.kind', 'pano'],
			['item.quantity', '2'],
			['item.place', 'Trước UBND phường'],
			['item.deadline', '2024-10-03T17:00'],
			['item.sloganId', 's01']
		]);
		expect(wards).toMatchObject({ type: 'success' });
		expect(specOf('checklist_items', 'pano-moi-phuong-tan-kieng')).toContain('"sloganId":"s01"');

		const deadline = await post(ops, '/ops/checklists?/setDeadline', [['deadline', '2024-10-04T08:00']]);
		expect(deadline).toMatchObject({ type: 'success' });
	});

	it('the ceremony: a Vietnam time, a group from `group.*`', async () => {
		const setup = await post(ops, '/ops/ceremony?/saveSetup', [
			['title', 'Lễ khai mạc'],
			['place', 'Nhà Văn hoá Thanh niên'],
			['startsAt', '2024-10-03T07:30']
		]);
		expect(setup).toMatchObject({ type: 'success' });
		expect(setup.event.data).toContain('Lễ khai mạc');

		const group = await post(ops, '/ops/ceremony?/saveGroup', [
			['group.id', 'bao-chi'],
			['group.name', 'Báo chí'],
			['group.expected', '1.200']
		]);
		expect(group).toMatchObject({ type: 'success' });
		expect(query<{ spec: string }>("SELECT spec FROM invited_groups WHERE id = 'bao-chi'")[0].spec).toContain(
			'"expected":1200'
		);

		const bad = await post(ops, '/ops/ceremony?/saveGroup', [
			['group.id', 'bao-chi'],
			['group.name', ''],
			['group.expected', 'nhiều']
		]);
		expect(bad).toMatchObject({ type: 'failure', status: 400 });
		expect(bad.data).toContain('group.name');
		expect(bad.data).toContain('group.expected');
		expect(bad.event).toBeUndefined();
	});

	it('a notice to some units: none ticked is refused, not sent to every unit', async () => {
		const none = await post(ops, '/ops?/postNotice', [
			['body', 'Họp giao ban'],
			['target', 'units'],
			['targetUnitIds', '']
		]);
		expect(none).toMatchObject({ type: 'failure', status: 400 });
		expect(none.data).toContain('Chọn ít nhất một đơn vị');
		expect(none.event).toBeUndefined();

		const some = await post(ops, '/ops?/postNotice', [
			['body', 'Họp giao ban'],
			['urgent', 'on'],
			['target', 'units'],
			['targetUnitIds', ''],
			['targetUnitIds', 'phuong-tan-kieng']
		]);
		expect(some).toMatchObject({ type: 'success' });
		expect(some.event.data).toContain('phuong-tan-kieng');
	});

	it('a report target: empty cells are no target, a bad one says why', async () => {
		const set = await post(ops, '/reports/overview?/setTarget', [
			['rowId', 'bd-chuyen-mon'],
			['target.count', '12'],
			['target.people', '1.500']
		]);
		expect(set).toMatchObject({ type: 'success' });
		expect(JSON.parse(specOf('report_rows', 'bd-chuyen-mon')).target).toEqual({ count: 12, people: 1500 });
		const cleared = await post(ops, '/reports/overview?/setTarget', [
			['rowId', 'bd-chuyen-mon'],
			['target.count', ''],
			['target.people', '']
		]);
		expect(cleared).toMatchObject({ type: 'success' });
		expect(JSON.parse(specOf('report_rows', 'bd-chuyen-mon')).target).toBeUndefined();
		const bad = await post(ops, '/reports/overview?/setTarget', [
			['rowId', 'bd-chuyen-mon'],
			['target.count', '-4']
		]);
		expect(bad).toMatchObject({ type: 'failure', status: 400 });
		expect(bad.data).toContain('Số không được âm');
	});

	it('accounts: a number from a hidden field, a checkbox, a select left out for the role', async () => {
		const created = await post(admin, '/admin/users?/create', [
			['username', 'phuong-moi'],
			['displayName', 'Cán bộ phường mới'],
			['role', 'ward_staff'],
			['unitId', 'phuong-tan-kieng'],
			['password', 'mat-khau-dai']
		]);
		expect(created).toMatchObject({ type: 'success' });
		const id = query<{ id: number }>("SELECT id FROM users WHERE username = 'phuong-moi'")[0].id;
		const updated = await post(admin, '/admin/users?/update', [
			['userId', String(id)],
			['displayName', 'Cán bộ phường'],
			['role', 'ward_staff'],
			['unitId', 'phuong-tan-kieng'],
			['disabled', 'on']
		]);
		expect(updated).toMatchObject({ type: 'success' });
		expect(query<{ disabled: number }>('SELECT disabled FROM users WHERE id = ?', id)[0].disabled).toBe(1);
		const bad = await post(admin, '/admin/users?/resetPassword', [
			['userId', String(id)],
			['password', 'ngan']
		]);
		expect(bad).toMatchObject({ type: 'failure', status: 400 });
		expect(bad.data).toContain('Mật khẩu tối thiểu 8 ký tự');
		expect(bad.event).toBeUndefined();
	});

	it('the parade: a start time cleared by an empty field, a route and a crew from selects', async () => {
		expect(await post(ops, '/ops/routes?/setStart', [['startAt', '2024-10-03T06:30']])).toMatchObject({
			type: 'success'
		});
		const cleared = await post(ops, '/ops/routes?/setStart', [['startAt', '']]);
		expect(cleared).toMatchObject({ type: 'success' });
		expect(cleared.event.data).toContain('null');
		const unassigned = await post(ops, '/ops/routes?/assignRoute', [
			['truckId', 'xe-tan-kieng'],
			['routeId', '']
		]);
		expect(unassigned).toMatchObject({ type: 'success' });
		const crew = query<{ id: number }>("SELECT id FROM users WHERE username = 'xe-tan-kieng'")[0].id;
		expect(
			await post(ops, '/ops/routes?/assignCrew', [
				['truckId', 'xe-tan-kieng'],
				['userId', String(crew)]
			])
		).toMatchObject({ type: 'success' });
	});
});
