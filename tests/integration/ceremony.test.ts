import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDataMap, LiveEvent } from '../../src/lib/types';
import { collect, command, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { cli, defaultScenario, queryDb, removeServer, startServer, type TestServer } from '../helpers/server';
import { xlsxOf } from '../helpers/spreadsheets';

let server: TestServer;
let ops: TestSocket;
let opsEvents: LiveEvent[];
let opsCookie: string;
let gate1: TestSocket;
let gate2: TestSocket;

const demoList = fs.readFileSync('data/scenarios/quan7-2024-invitees-demo.csv');

const query = <T>(sql: string, ...params: unknown[]) => queryDb<T>(server.dbPath, sql, ...params);
const count = (sql: string, ...params: unknown[]) => query<{ n: number }>(sql, ...params)[0].n;

async function importList(file: File, mode = 'replace', cookie = opsCookie) {
	const form = new FormData();
	form.set('commandId', crypto.randomUUID());
	form.set('mode', mode);
	form.set('file', file);
	const response = await fetch(`${server.url}/ops/ceremony?/importInvitees`, {
		method: 'POST',
		headers: {
			cookie,
			origin: server.url,
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		},
		body: form
	});
	return (await response.json()) as { type: string; status?: number; data: string };
}

beforeAll(async () => {
	// this file imports list after list on purpose (the limit itself: upload-budget.test.ts)
	server = await startServer({ env: { KHAIMAC_IMPORTS_IN_A_ROW: '100' } });
	opsCookie = await login(server.url, 'ttvh');
	ops = await connect(server.url, opsCookie);
	opsEvents = collect(ops);
	gate1 = await connect(server.url, await login(server.url, 'cong-1'));
	gate2 = await connect(server.url, await login(server.url, 'cong-2'));
});

afterAll(async () => {
	for (const s of [ops, gate1, gate2]) s?.close();
	await removeServer(server);
});

describe('the invitee list', () => {
	it('a file with bad rows is refused row by row, and nothing is imported', async () => {
		const bad = new File(
			[
				'Họ tên,Thành phần,Điện thoại\nNguyễn Văn A,Báo chí,0901234567\n,Báo chí,\nLê B,Khách lạ,\nTrần C,Báo chí,12ab\n'
			],
			'ds.csv',
			{ type: 'text/csv' }
		);
		const answer = await importList(bad);
		expect(answer).toMatchObject({ type: 'failure', status: 400 });
		expect(answer.data).toContain('Dòng 3, cột Họ tên');
		expect(answer.data).toContain('Dòng 4, cột Thành phần');
		expect(answer.data).toContain('Dòng 5, cột Điện thoại');
		expect(count('SELECT COUNT(*) AS n FROM invitees')).toBe(0);
	});

	it('a clean file is imported whole, each invitee with a QR code', async () => {
		const answer = await importList(new File([demoList], 'khach-moi.csv', { type: 'text/csv' }));
		expect(answer.type).toBe('success');
		expect(count('SELECT COUNT(*) AS n FROM invitees')).toBe(120);
		expect(count('SELECT COUNT(DISTINCT code) AS n FROM invitees WHERE length(code) = 10')).toBe(120);
	});

	it('the same file again, added to the list from the page, updates it instead of doubling it, and says so', async () => {
		const codes = query('SELECT id, code FROM invitees ORDER BY sort');
		expect(codes).toHaveLength(120);
		for (const mode of ['append', 'append', 'replace']) {
			const answer = await importList(new File([demoList], 'khach-moi.csv', { type: 'text/csv' }), mode);
			expect(answer.type).toBe('success');
			expect(answer.data).toContain(mode === 'append' ? 'thêm 0, cập nhật 0, giữ nguyên 120' : 'bỏ 0');
		}
		expect(query('SELECT id, code FROM invitees ORDER BY sort')).toEqual(codes);
	});

	it('the command line’s --append of the same list says what it did, and adds no one twice', () => {
		const result = cli(server.dbPath, [
			'invitees',
			'data/scenarios/quan7-2024-invitees-demo.csv',
			'--append'
		]);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toContain('thêm 0, cập nhật 0, giữ nguyên 120 người');
		expect(count('SELECT COUNT(*) AS n FROM invitees')).toBe(120);
	});

	it('a list past 5,000 rows or a zip bomb is refused with why, and the list in place stays', async () => {
		const header = ['Họ tên', 'Thành phần'];
		const tooLong = await xlsxOf([
			header,
			...Array.from({ length: 5001 }, (_, i) => [`Khách ${i}`, 'Báo chí'])
		]);
		const bomb = await xlsxOf([header, ['x'.repeat(21 * 1024 * 1024), 'Báo chí']]);
		const before = query('SELECT id, name FROM invitees ORDER BY id');
		const seq = (await (await fetch(`${server.url}/healthz`)).json()).seq;
		for (const [bytes, why] of [
			[tooLong, 'hơn 5.000 dòng khách mời'],
			[bomb, 'quá lớn khi giải nén']
		] as const) {
			const answer = await importList(new File([new Uint8Array(bytes)], 'khach-moi.xlsx'));
			expect(answer).toMatchObject({ type: 'failure', status: 400 });
			expect(answer.data).toContain(why);
		}
		expect(query('SELECT id, name FROM invitees ORDER BY id')).toEqual(before);
		expect(before).toHaveLength(120);
		expect((await (await fetch(`${server.url}/healthz`)).json()).seq).toBe(seq);
	});

	it('a body that is not a form is refused in the sender’s language', async () => {
		const send = async (lang: string) => {
			const response = await fetch(`${server.url}/ops/ceremony?/importInvitees`, {
				method: 'POST',
				headers: {
					cookie: `${opsCookie}; km_lang=${lang}`,
					origin: server.url,
					accept: 'application/json',
					'x-sveltekit-action': 'true',
					// a multipart body without its framing: what an old page or a tool might send
					'content-type': 'multipart/form-data; boundary=b'
				},
				body: 'not a form'
			});
			return (await response.json()) as { type: string; status?: number; data: string };
		};
		const english = await send('en');
		expect(english).toMatchObject({ type: 'failure', status: 400 });
		expect(english.data).toContain('What the page sent is not a form');
		expect((await send('vi')).data).toContain('Trang gửi lên không đúng dạng biểu mẫu');
	});

	it('gate staff cannot change the setup; ward staff cannot check anyone in', async () => {
		expect(
			await command(gate1, 'ceremony.save_group', {
				group: { id: 'bao-chi', name: 'Báo chí', expected: 999 }
			})
		).toMatchObject({ ok: false, code: 'forbidden' });
		const page = await fetch(`${server.url}/ops/ceremony`, {
			headers: { cookie: await login(server.url, 'cong-1') },
			redirect: 'manual'
		});
		expect(page.status).toBe(403);
		const list = new File(['Họ tên,Thành phần\nNgười Lạ,Báo chí\n'], 'ds.csv', { type: 'text/csv' });
		const imported = await importList(list, 'append', await login(server.url, 'cong-2'));
		expect(imported).toMatchObject({ type: 'failure', status: 403 });
		expect(count("SELECT COUNT(*) AS n FROM invitees WHERE name = 'Người Lạ'")).toBe(0);
		const ward = await connect(server.url, await login(server.url, 'phuong-tan-kieng'));
		const invitee = query<{ id: string }>('SELECT id FROM invitees LIMIT 1')[0];
		expect(await command(ward, 'gate.check_in', { inviteeId: invitee.id })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		ward.close();
	});
});

describe('checking in at the gates', () => {
	it('two gates checking in the same person at the same time count one arrival, and both are told', async () => {
		const invitee = query<{ id: string; name: string }>(
			'SELECT id, name FROM invitees ORDER BY sort LIMIT 1'
		)[0];
		const [a, b] = await Promise.all([
			command(gate1, 'gate.check_in', { inviteeId: invitee.id }),
			command(gate2, 'gate.check_in', { inviteeId: invitee.id })
		]);
		const answers = [a, b].sort((x) => (x.ok ? -1 : 1));
		expect(answers[0].ok).toBe(true);
		expect(answers[1]).toMatchObject({ ok: false, code: 'conflict' });
		expect((answers[1] as { message: string }).message).toMatch(
			new RegExp(`${invitee.name} đã vào lúc \\d+g(\\d\\d)? tại Cổng`)
		);
		expect(count('SELECT COUNT(*) AS n FROM checkins WHERE invitee_id = ?', invitee.id)).toBe(1);
		const seen = await waitFor(() => opsEvents.find((e) => e.type === 'ceremony.checked_in'));
		expect((seen.data as EventDataMap['ceremony.checked_in']).checkin).toMatchObject({
			inviteeId: invitee.id,
			inviteeName: invitee.name,
			count: 1
		});
	});

	it('a check-in kept offline at one gate and sent later is refused as a second arrival', async () => {
		const invitee = query<{ id: string; code: string }>(
			'SELECT id, code FROM invitees ORDER BY sort LIMIT 1 OFFSET 1'
		)[0];
		expect((await command(gate2, 'gate.check_in', { code: invitee.code })).ok).toBe(true);
		const offline = await command(gate1, 'gate.check_in', { inviteeId: invitee.id, at: Date.now() - 60_000 });
		expect(offline).toMatchObject({ ok: false, code: 'conflict' });
		expect(
			count('SELECT COUNT(*) AS n FROM checkins WHERE invitee_id = ? AND undone_at IS NULL', invitee.id)
		).toBe(1);
	});

	it('an unknown QR code says so; a group is counted by heads; a gate undoes only its own', async () => {
		expect(await command(gate1, 'gate.check_in', { code: 'ABCDEFGHJK' })).toMatchObject({
			ok: false,
			code: 'not_found'
		});
		expect(await command(gate1, 'gate.count', { groupId: 'hoc-sinh', count: 0 })).toMatchObject({
			ok: false,
			code: 'invalid'
		});
		const counted = await command(gate1, 'gate.count', { groupId: 'hoc-sinh', count: 25 });
		expect(counted.ok).toBe(true);
		const event = await waitFor(() =>
			opsEvents.find((e) => e.type === 'ceremony.checked_in' && e.seq === (counted as { seq: number }).seq)
		);
		const checkin = (event.data as EventDataMap['ceremony.checked_in']).checkin;
		expect(checkin).toMatchObject({ groupId: 'hoc-sinh', count: 25, inviteeId: null });
		expect(await command(gate2, 'gate.undo', { checkinId: checkin.id })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		expect((await command(gate1, 'gate.undo', { checkinId: checkin.id })).ok).toBe(true);
		expect(await command(gate1, 'gate.undo', { checkinId: checkin.id })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		expect(
			count(
				"SELECT COALESCE(SUM(count), 0) AS n FROM checkins WHERE group_id = 'hoc-sinh' AND undone_at IS NULL"
			)
		).toBe(0);
	});

	it('the list cannot be replaced once people are in (it can be added to)', async () => {
		const more = new File(['Họ tên,Thành phần\nMai Văn Mới,Báo chí\n'], 'them.csv', { type: 'text/csv' });
		const replaced = await importList(more, 'replace');
		expect(replaced).toMatchObject({ type: 'failure', status: 409 });
		const appended = await importList(more, 'append');
		expect(appended.type).toBe('success');
		expect(count('SELECT COUNT(*) AS n FROM invitees')).toBe(121);
	});

	it('a scenario loaded again without a group takes its invitees and check-ins with it', async () => {
		const scenario = JSON.parse(fs.readFileSync(defaultScenario, 'utf8'));
		const dropped = 'bao-chi';
		const kept = count("SELECT COUNT(*) AS n FROM invitees WHERE group_id <> 'bao-chi'");
		expect(count('SELECT COUNT(*) AS n FROM invitees WHERE group_id = ?', dropped)).toBeGreaterThan(0);
		scenario.ceremony.groups = scenario.ceremony.groups.filter((g: { id: string }) => g.id !== dropped);
		const admin = await connect(server.url, await login(server.url, 'admin'));
		expect(await command(admin, 'scenario.import', { scenario })).toMatchObject({ ok: true });
		admin.close();
		expect(count('SELECT COUNT(*) AS n FROM invitees WHERE group_id = ?', dropped)).toBe(0);
		expect(count('SELECT COUNT(*) AS n FROM checkins WHERE group_id = ?', dropped)).toBe(0);
		expect(count('SELECT COUNT(*) AS n FROM invitees')).toBe(kept);
	});
});
