/**
 * Random form posts to every form action and random requests to the machine routes, as each
 * role: never a 5xx, and nothing written from a refused one (no event logged by a command it
 * named). FUZZ_CASES sets the number of cases (200 here).
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../helpers/client';
import { removeServer, startServer, type TestServer } from '../helpers/server';

const cases = Number(process.env.FUZZ_CASES ?? 200);
const roles = ['admin', 'ttvh', 'lanhdao', 'phuong-tan-kieng', 'thcs-tan-kieng', 'xe-tan-kieng', 'cong-1'];
const actions = [
	'/admin/users?/create',
	'/admin/users?/update',
	'/admin/users?/resetPassword',
	'/admin/scenario?/import',
	'/ops/checklists?/review',
	'/ops/checklists?/saveItem',
	'/ops/checklists?/addToUnits',
	'/ops/checklists?/removeItem',
	'/ops/checklists?/setDeadline',
	'/ops?/postNotice',
	'/ops?/createDisplayLink',
	'/ops?/configureDisplayLink',
	'/ops?/revokeDisplayLink',
	'/ops/trucks?/message',
	'/ops/trucks?/acknowledge',
	'/ops/ceremony?/saveSetup',
	'/ops/ceremony?/saveGroup',
	'/ops/ceremony?/removeGroup',
	'/ops/ceremony?/importInvitees',
	'/ops/routes?/saveRoute',
	'/ops/routes?/assignRoute',
	'/ops/routes?/assignCrew',
	'/ops/routes?/setStart',
	'/reports/overview?/signOff',
	'/reports/overview?/setTarget',
	'/reports?/submit',
	'/reports?/importPackage',
	'/lang',
	'/login'
];
const fields = [
	'commandId',
	'name',
	'body',
	'unitId',
	'linkId',
	'mode',
	'panel',
	'panels',
	'seconds',
	'theme',
	'itemId',
	'photoId',
	'verdict',
	'reason',
	'id',
	'expected',
	'title',
	'place',
	'startsAt',
	'rowId',
	'count',
	'people',
	'note',
	'cell.tin-bai.count',
	'section.trien-khai',
	'upload',
	'role',
	'username',
	'password',
	'userId',
	'file',
	'route',
	'truckId',
	'deadline',
	'urgent',
	'target',
	'unitIds',
	// the names the forms use for the commands' nested fields and lists
	'targetUnitIds',
	'unitKind',
	'under',
	'idPrefix',
	'item.id',
	'item.unitId',
	'item.kind',
	'item.quantity',
	'item.position',
	'item.deadline',
	'group.id',
	'group.expected',
	'layout.mode',
	'layout.panels',
	'layout.seconds',
	'target.count',
	'uploads'
];
const value = fc.oneof(
	fc.string({ maxLength: 300 }),
	fc.constantFrom(
		'',
		'-1',
		'1e9',
		'NaN',
		'null',
		'{}',
		'[]',
		'2024-10-03T07:45',
		'<b>x</b>',
		'phuong-tan-kieng',
		'00000000-0000-4000-8000-000000000000'
	),
	fc.uuid()
);
const routes = fc.oneof(
	fc
		.record({
			path: fc.constantFrom(
				'/reports/export',
				'/reports/package',
				'/reports/print',
				'/reports',
				'/display',
				'/ward',
				'/gate',
				'/truck'
			),
			query: fc.string({ maxLength: 60 })
		})
		.map(({ path, query }) => ({
			method: 'GET',
			url: `${path}?${new URLSearchParams({ unit: query, format: query, table: query, below: query, mode: query })}`
		})),
	fc.string({ maxLength: 80 }).map((id) => ({
		method: 'GET',
		url: `/photos/${encodeURIComponent(id)}?size=${encodeURIComponent(id)}`
	})),
	fc
		.record({
			id: fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })),
			range: fc.string({ maxLength: 40 }),
			unit: fc.string({ maxLength: 30 })
		})
		.map(({ id, range, unit }) => ({
			method: 'PUT',
			url: `/photos/uploads/${encodeURIComponent(id)}?unit=${encodeURIComponent(unit)}`,
			range
		}))
);

let server: TestServer;
const cookies = new Map<string, string>();

function eventsSince(seq: number): number {
	const db = new Database(server.dbPath, { readonly: true });
	try {
		return (
			db.prepare('SELECT COUNT(*) AS n FROM events WHERE seq > ? AND actor_role <> ?').get(seq, 'system') as {
				n: number;
			}
		).n;
	} finally {
		db.close();
	}
}
const lastSeq = async () => ((await (await fetch(`${server.url}/healthz`)).json()) as { seq: number }).seq;

beforeAll(async () => {
	// every post judged, none throttled: a long run sends thousands from each account
	server = await startServer({ env: { KHAIMAC_COMMAND_RATE: '0' } });
	for (const name of roles) cookies.set(name, await login(server.url, name));
});
afterAll(async () => removeServer(server));

describe('fuzzing forms and machine routes', () => {
	it(`answers ${cases} random form posts from every role without a server error`, async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...roles),
				fc.constantFrom(...actions),
				fc.array(fc.tuple(fc.constantFrom(...fields), value), { maxLength: 12 }),
				async (role, action, entries) => {
					const form = new FormData();
					for (const [k, v] of entries) form.append(k, v);
					const before = await lastSeq();
					const response = await fetch(`${server.url}${action}`, {
						method: 'POST',
						headers: {
							cookie: cookies.get(role)!,
							origin: server.url,
							accept: 'application/json',
							'x-sveltekit-action': 'true'
						},
						body: form,
						redirect: 'manual'
					});
					expect(response.status, `${role} ${action}`).toBeLessThan(500);
					const answer = (await response.json().catch(() => null)) as { type?: string } | null;
					// a refused post writes nothing (what background jobs write is not counted)
					if (answer?.type === 'failure') expect(eventsSince(before)).toBe(0);
				}
			),
			{ numRuns: cases, seed: Number(process.env.FUZZ_SEED ?? 11102024) }
		);
	}, 120_000);

	it(`answers ${cases} random requests to exports, photos and uploads without a server error`, async () => {
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...roles, 'nobody'), routes, async (role, req) => {
				const headers: Record<string, string> = { origin: server.url };
				if (role !== 'nobody') headers.cookie = cookies.get(role)!;
				if ('range' in req) headers['content-range'] = req.range as string;
				const response = await fetch(`${server.url}${req.url}`, {
					method: req.method,
					headers,
					body: req.method === 'PUT' ? new Uint8Array(16) : undefined,
					redirect: 'manual'
				});
				await response.arrayBuffer();
				expect(response.status, `${role} ${req.method} ${req.url}`).toBeLessThan(500);
			}),
			{ numRuns: cases, seed: Number(process.env.FUZZ_SEED ?? 11102024) }
		);
		expect(server.log()).not.toMatch(/\[command\] .* failed/);
	}, 120_000);
});
