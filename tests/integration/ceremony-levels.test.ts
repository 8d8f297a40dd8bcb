/**
 * A ceremony per level on the built server with real sockets: the city's plan
 * (data/scenarios/hcm-quan7-2024.json) with Quận 7 holding a ceremony of its own beside the city's.
 * Quận 7's gate (cong-1, bound to Quận 7's culture centre) checks in Quận 7's guests and is
 * refused a city guest with where that guest is invited; Quận 7's ops room hears its own
 * check-ins and not the city's; the city's hears both.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../src/lib/types';
import { planLiveAt } from '../harness/scenarios.js';
import { collect, command, connect, login, waitFor, type TestSocket } from '../helpers/client';
import { demoPassword, queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
let quan7: TestSocket;
let city: TestSocket;
let quan7Gate: TestSocket;
let cityGate: TestSocket;
let quan7Heard: LiveEvent[];
let cityHeard: LiveEvent[];

/** The nested plan, Quận 7 holding its own ceremony (the plan's seed has it attend the city's). */
function withQuan7Ceremony(dir: string): string {
	const plan = JSON.parse(fs.readFileSync('data/scenarios/hcm-quan7-2024.json', 'utf8'));
	plan.ceremonies = [
		{
			id: 'le-quan7',
			unitId: 'ttvh-tt',
			title: 'Lễ khai mạc Tuần lễ cấp quận',
			place: 'Trung tâm Văn hóa - Thể thao Quận 7',
			startsAt: '2024-10-03T09:00:00+07:00',
			groups: [{ id: 'q7-lanh-dao', name: 'Lãnh đạo quận', expected: 5 }]
		}
	];
	plan.accounts.push({
		username: 'cong-tp',
		displayName: 'Cổng Nhà hát',
		role: 'gate_staff',
		unitId: 'tphcm',
		password: demoPassword
	});
	const file = path.join(dir, 'hcm-quan7-le-quan7.json');
	fs.writeFileSync(file, JSON.stringify(plan));
	return file;
}

beforeAll(async () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-ceremony-levels-'));
	const plan = planLiveAt(withQuan7Ceremony(dir), dir, '2024-10-03T07:45:00+07:00');
	server = await startServer({ scenario: plan, dir });
	quan7 = await connect(server.url, await login(server.url, 'ttvh'));
	city = await connect(server.url, await login(server.url, 'sogddt'));
	quan7Gate = await connect(server.url, await login(server.url, 'cong-1'));
	cityGate = await connect(server.url, await login(server.url, 'cong-tp'));
	quan7Heard = collect(quan7);
	cityHeard = collect(city);
	expect(
		await command(city, 'ceremony.import_invitees', {
			mode: 'replace',
			invitees: [{ name: 'Lê Văn Thành', groupId: 'lanh-dao-thanh-pho' }]
		})
	).toMatchObject({ ok: true });
	expect(
		await command(quan7, 'ceremony.import_invitees', {
			mode: 'replace',
			invitees: [{ name: 'Nguyễn Thị Lan', groupId: 'q7-lanh-dao' }]
		})
	).toMatchObject({ ok: true });
});

afterAll(async () => {
	for (const socket of [quan7, city, quan7Gate, cityGate]) socket?.close();
	await removeServer(server);
});

const codeOf = (name: string) =>
	queryDb<{ code: string }>(
		path.join(server.dir, 'test.sqlite'),
		'SELECT code FROM invitees WHERE name = ?',
		name
	)[0].code;
const checkedIn = (events: LiveEvent[]) =>
	events.flatMap((e) =>
		e.type === 'ceremony.checked_in'
			? [(e.data as { checkin: { inviteeName: string } }).checkin.inviteeName]
			: []
	);

describe('gates of two levels in one deployment', () => {
	it("refuses a city guest at Quận 7's gate, saying where the guest is invited", async () => {
		const answer = await command(quan7Gate, 'gate.check_in', { code: codeOf('Lê Văn Thành') });
		expect(answer).toMatchObject({ ok: false, code: 'conflict' });
		expect(answer.ok ? '' : answer.message).toContain('Nhà hát Bến Thành');
	});

	it("refuses Quận 7's gate the city's ceremony even when it names it", async () => {
		expect(
			await command(quan7Gate, 'gate.count', { ceremonyId: 'khai-mac', groupId: 'hoc-sinh', count: 10 })
		).toMatchObject({ ok: false, code: 'forbidden' });
	});

	it("lets Quận 7's ops room hear its own check-ins, not the city's; the city hears both", async () => {
		expect(await command(quan7Gate, 'gate.check_in', { code: codeOf('Nguyễn Thị Lan') })).toMatchObject({
			ok: true
		});
		expect(await command(cityGate, 'gate.check_in', { code: codeOf('Lê Văn Thành') })).toMatchObject({
			ok: true
		});

		await waitFor(() => checkedIn(cityHeard).length === 2);
		await waitFor(() => checkedIn(quan7Heard).includes('Nguyễn Thị Lan'));
		// the city's check-in came after Quận 7's: had it been sent to Quận 7, it would be here by now
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(checkedIn(quan7Heard)).toEqual(['Nguyễn Thị Lan']);
		expect(checkedIn(cityHeard).sort()).toEqual(['Lê Văn Thành', 'Nguyễn Thị Lan']);
	});

	it("loads each level's ceremony page with its own list, and the city's with Quận 7's below it", async () => {
		const page = async (user: string) =>
			(
				await fetch(`${server.url}/ops/ceremony`, { headers: { cookie: await login(server.url, user) } })
			).text();
		const ours = await page('ttvh');
		expect(ours).toContain('Trung tâm Văn hóa - Thể thao Quận 7');
		expect(ours).not.toContain('Lê Văn Thành');
		const theirs = await page('sogddt');
		expect(theirs).toContain('Nhà hát Bến Thành');
		expect(theirs).toContain('data-testid="level-ceremonies"');
		expect(theirs).not.toContain('Nguyễn Thị Lan');
	});
});
