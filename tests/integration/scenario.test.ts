import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamToday } from '../../src/lib/scenario/rehearsal';
import { reportTableSchema } from '../../src/lib/scenario/schema';
import { validateScenario } from '../../src/lib/scenario/validate';
import { command, connect, login, type TestSocket } from '../helpers/client';
import { cli, defaultScenario, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let cookie: string;
let admin: TestSocket;

const original = JSON.parse(fs.readFileSync(defaultScenario, 'utf8'));
/** the file as the schema reads it: defaults filled in */
const parsed = validateScenario(original, 'vi');

async function exported(): Promise<unknown> {
	const response = await fetch(`${server.url}/admin/scenario/export`, { headers: { cookie } });
	expect(response.status).toBe(200);
	expect(response.headers.get('content-disposition')).toContain('quan7-2024.json');
	return response.json();
}

beforeAll(async () => {
	server = await startServer();
	cookie = await login(server.url, 'admin');
	admin = await connect(server.url, cookie);
});

afterAll(async () => {
	admin?.close();
	await removeServer(server);
});

describe('scenario files', () => {
	it('exports what was imported, and importing the export gives the same event', async () => {
		const first = (await exported()) as typeof original;
		expect(parsed.ok).toBe(true);
		// accounts are never exported: they hold passwords
		expect(first).toEqual({ ...(parsed.ok && parsed.scenario), accounts: [] });
		const again = await command(admin, 'scenario.import', { scenario: first });
		expect(again.ok).toBe(true);
		expect(await exported()).toEqual(first);
	});

	it('lists every problem of a bad file with its path, and changes nothing', async () => {
		const before = await exported();
		const bad = structuredClone(original);
		bad.units[3].parentId = 'khong-co';
		bad.trucks[0].routeId = 'r-khong-co';
		bad.milestones[0].at = '3/10/2024 6g30';
		bad.slogans[1].id = bad.slogans[0].id;
		delete bad.event.theme;
		const result = await command(admin, 'scenario.import', { scenario: bad });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.code).toBe('invalid');
		const paths = result.problems!.map((p) => p.path);
		expect(paths).toContain('event.theme');
		expect(paths).toContain('milestones[0].at');
		for (const problem of result.problems!) expect(problem.message.length).toBeGreaterThan(5);
		expect(await exported()).toEqual(before);

		// references are checked once the shapes are right, all of them reported together
		const badRefs = structuredClone(original);
		badRefs.units[3].parentId = 'khong-co';
		badRefs.trucks[0].routeId = 'r-khong-co';
		badRefs.slogans[1].id = badRefs.slogans[0].id;
		const refs = await command(admin, 'scenario.import', { scenario: badRefs });
		expect(refs.ok).toBe(false);
		if (refs.ok) return;
		expect(refs.problems!.map((p) => p.path)).toEqual(
			expect.arrayContaining(['units[3].parentId', 'trucks[0].routeId', 'slogans[1].id'])
		);
		expect(refs.problems!.find((p) => p.path === 'trucks[0].routeId')!.message).toContain(
			'Không có lộ trình'
		);
		expect(await exported()).toEqual(before);
	});

	it('refuses a file that is not JSON from the upload form, and changes nothing', async () => {
		const before = await exported();
		const form = new FormData();
		form.set('commandId', crypto.randomUUID());
		form.set(
			'file',
			new File(['{ "format": "khai-mac/scenario@1", '], 'hong.json', { type: 'application/json' })
		);
		const response = await fetch(`${server.url}/admin/scenario?/import`, {
			method: 'POST',
			headers: { cookie, origin: server.url, accept: 'application/json', 'x-sveltekit-action': 'true' },
			body: form
		});
		const body = await response.json();
		expect(body.type).toBe('failure');
		expect(body.status).toBe(400);
		expect(body.data).toContain('Tệp không phải JSON hợp lệ');
		expect(await exported()).toEqual(before);
	});

	it('refuses an import by anyone but an admin', async () => {
		const coordinator = await connect(server.url, await login(server.url, 'ttvh'));
		expect(await command(coordinator, 'scenario.import', { scenario: original })).toMatchObject({
			ok: false,
			code: 'forbidden'
		});
		coordinator.close();
	});

	it('loads another plan (a city-level one) with no code change', async () => {
		const dir = fs.mkdtempSync(path.join(server.dir, 'city-'));
		const dbPath = path.join(dir, 'city.sqlite');
		const result = cli(dbPath, ['import', 'data/scenarios/hcm-2020.json', '--accounts']);
		expect(result.status, result.stderr).toBe(0);
		const out = cli(dbPath, ['export']);
		const city = JSON.parse(out.stdout);
		expect(city.event.theme).toBe('Chuyển đổi số thúc đẩy Học tập suốt đời');
		expect(city.units.length).toBeGreaterThan(3);
	});

	it('the command line imports a plan that names a shipped report table', () => {
		const file = path.join(server.dir, 'named-table.json');
		fs.writeFileSync(file, JSON.stringify({ ...original, reportTable: 'htsd-2023', accounts: [] }));
		const dbPath = path.join(fs.mkdtempSync(path.join(server.dir, 'named-')), 'named.sqlite');
		expect(cli(dbPath, ['validate', file]).status).toBe(0);
		const result = cli(dbPath, ['import', file]);
		expect(result.status, result.stderr).toBe(0);
		const table = JSON.parse(cli(dbPath, ['export']).stdout).reportTable;
		expect(table).toEqual(
			reportTableSchema.parse(JSON.parse(fs.readFileSync('data/report-tables/htsd-2023.json', 'utf8')))
		);

		fs.writeFileSync(file, JSON.stringify({ ...original, reportTable: '../scenarios/quan7-2024' }));
		const refused = cli(dbPath, ['validate', file]);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('reportTable: "../scenarios/quan7-2024" không phải tên mẫu');
	});

	it('the command line rehearses a plan on a given day, or today, and refuses a day that is not one', () => {
		const dbPath = path.join(fs.mkdtempSync(path.join(server.dir, 'rehearsal-')), 'rehearsal.sqlite');
		const on = cli(dbPath, ['import', 'data/scenarios/hcm-2020.json', '--rehearse', '2026-12-03']);
		expect(on.status, on.stderr).toBe(0);
		expect(on.stdout).toContain('để diễn tập từ ngày 2026-12-03');
		const event = () => JSON.parse(cli(dbPath, ['export']).stdout).event;
		expect(event()).toMatchObject({
			startDate: '2026-12-03',
			rehearsal: { originalStartDate: '2020-09-30' }
		});

		const today = cli(dbPath, ['import', 'data/scenarios/hcm-2020.json', '--rehearse', 'today']);
		expect(today.status, today.stderr).toBe(0);
		expect(event().startDate).toBe(vietnamToday());

		const wrong = cli(dbPath, ['import', 'data/scenarios/hcm-2020.json', '--rehearse', '3/12']);
		expect(wrong.status).toBe(1);
		expect(wrong.stderr).toContain('rehearseOn: Ngày diễn tập phải theo dạng YYYY-MM-DD');
		expect(event().startDate).toBe(vietnamToday());
	});

	it('a rehearsal says so on the printed report and in the exported plan, until the plan is imported as it is', async () => {
		const rehearsal = await command(admin, 'scenario.import', {
			scenario: original,
			rehearseOn: '2026-12-03'
		});
		expect(rehearsal.ok).toBe(true);
		const printed = async () => (await fetch(`${server.url}/reports/print`, { headers: { cookie } })).text();
		expect(await printed()).toContain('DIỄN TẬP, không phải báo cáo chính thức.');
		expect(await exported()).toMatchObject({
			event: { startDate: '2026-12-03', rehearsal: { originalStartDate: '2024-10-01' } }
		});

		expect((await command(admin, 'scenario.import', { scenario: original })).ok).toBe(true);
		expect(await printed()).not.toContain('DIỄN TẬP');
		expect(((await exported()) as typeof original).event.rehearsal).toBeUndefined();
	});

	it('the command line validates and prints every problem', () => {
		const file = path.join(server.dir, 'bad.json');
		fs.writeFileSync(file, JSON.stringify({ format: 'khai-mac/scenario@1', event: {}, units: [] }));
		const result = cli(path.join(server.dir, 'unused.sqlite'), ['validate', file]);
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('event.name');
		expect(result.stderr).toContain('chưa có gì thay đổi');
	});
});

describe('the format documentation', () => {
	it('docs/scenario.schema.json is the schema the app checks with', () => {
		const generated = cli(path.join(server.dir, 'unused.sqlite'), ['json-schema']);
		expect(generated.status).toBe(0);
		expect(JSON.parse(generated.stdout)).toEqual(
			JSON.parse(fs.readFileSync('docs/scenario.schema.json', 'utf8'))
		);
	});
});
