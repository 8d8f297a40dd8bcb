/**
 * The authorization matrix: who may run each command and each read, for their own unit (or
 * truck), for another unit of their level, and for a unit outside it. The table is the
 * specification; the policy must match it cell by cell, and a command or a read without a row
 * here fails the test.
 *
 * The tree is the demo's Quận 7 placed under a city beside another district, so Quận 7 is a
 * level of its own: its coordinator (bound to the TTVH-TT, an office of Quận 7), its leader and a
 * wall screen made for it act and see on Quận 7's subtree only (the last three columns). Quận 7
 * holds a ceremony of its own beside the city's: a gate bound to a unit of Quận 7 stands at
 * Quận 7's ceremony (c), and a target's unit stands for the ceremony its unit attends.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { commandSchemas, type CommandType } from '../../../src/lib/commands';
import { authorize, policy, roomsFor, type Action, type Actor } from '../../../src/lib/server/access';
import { commandDefs } from '../../../src/lib/server/commands/registry';
import { givenTheDemoScenario, nestedInACity, vn, withQuan7Ceremony } from '../support/given';

const principals = [
	'admin',
	'coordinator',
	'leader',
	'ward_staff',
	'unit_staff',
	'truck_crew',
	'gate_staff',
	'display',
	'system',
	'coordinator@quan7',
	'leader@quan7',
	'display@quan7'
] as const;
type Principal = (typeof principals)[number];

/**
 * y: for any unit; s: for the units of its own level only; o: for its own unit or truck only;
 * c: at the ceremony its unit attends only (the nearest at or above it: Quận 7's, not the city's);
 * .: never. One letter per principal, in order.
 */
//                                 A C L W U T G D S C7 L7 D7
const commands: Record<CommandType, string> = {
	'notice.post': 'y y . . . . . . . s . .',
	'display_link.create': 'y y . . . . . . . s . .',
	'display_link.revoke': 'y y . . . . . . . s . .',
	'display_link.configure': 'y y . . . . . . . s . .',
	'user.create': 'y . . . . . . . y . . .',
	'user.update': 'y . . . . . . . y . . .',
	'user.reset_password': 'y . . . . . . . y . . .',
	'scenario.import': 'y . . . . . . . y . . .',
	'truck.depart': 'y y . . . o . . . s . .',
	'truck.arrive': 'y y . . . o . . . s . .',
	'truck.incident': 'y y . . . o . . . s . .',
	'truck.resume': 'y y . . . o . . . s . .',
	'truck.finish': 'y y . . . o . . . s . .',
	'route.save': 'y y . . . . . . . s . .',
	'truck.assign_route': 'y y . . . . . . . s . .',
	'truck.assign_crew': 'y y . . . . . . . s . .',
	'parade.set_start': 'y y . . . . . . . s . .',
	'crew.message': 'y y . . . . . . . s . .',
	'alert.acknowledge': 'y y . . . . . . . s . .',
	'truck.auto_status': '. . . . . . . . y . . .',
	'truck.reached': '. . . . . . . . y . . .',
	'truck.gathered': '. . . . . . . . y . . .',
	'alert.raise': '. . . . . . . . y . . .',
	'alert.clear': '. . . . . . . . y . . .',
	'checklist.tick': 'y y . o . . . . . s . .',
	'checklist.untick': 'y y . o . . . . . s . .',
	'checklist.review_photo': 'y y . . . . . . . s . .',
	'checklist.save_item': 'y y . . . . . . . s . .',
	'checklist.add_to_units': 'y y . . . . . . . s . .',
	'checklist.remove_item': 'y y . . . . . . . s . .',
	'checklist.set_deadline': 'y y . . . . . . . s . .',
	'ceremony.save_setup': 'y y . . . . . . y s . .',
	'ceremony.save_group': 'y y . . . . . . y s . .',
	'ceremony.remove_group': 'y y . . . . . . y s . .',
	'ceremony.import_invitees': 'y y . . . . . . y s . .',
	'gate.check_in': 'y y . . . . c . . s . .',
	'gate.count': 'y y . . . . c . . s . .',
	'gate.undo': 'y y . . . . c . . s . .',
	'report.save_draft': 'y y . o o . . . . s . .',
	'report.submit': 'y y . o o . . . . s . .',
	'report.sign_off': 'y y . . . . . . . s . .',
	'report.set_target': 'y y . . . . . . . s . .',
	'report.import_package': 'y y . . . . . . y s . .',
	'demo.new_day': '. . . . . . . . y . . .'
};

/** Every read: pages, exports, photo URLs (read.unit / read.report) and the socket rooms they grant. */
//                                A C L W U T G D S
const reads: Record<Extract<Action, `read.${string}`>, string> = {
	'read.ops': 'y y y . . . . . . s s .',
	'read.display': 'y y y . . . . y . s s s',
	'read.admin': 'y . . . . . . . . . . .',
	'read.unit': 'y y y o o o . y . s s s',
	'read.truck': 'y y y . . o . y . s s s',
	'read.gate': 'y y y . . . c . . s s .',
	'read.staff': '. . . y y y y . . . . .',
	'read.report': 'y y y o o . . y . s s s',
	'read.reports': 'y y y . . . . y . s s s'
};

/** the ward staff's, crew's and unit staff's own unit and truck (in Quận 7) */
const own = { unitId: 'phuong-tan-kieng', truckId: 'xe-tan-kieng' };
/** another ward of Quận 7 */
const below = { unitId: 'phuong-phu-my', truckId: 'xe-phu-my' };
/** a ward of the other district */
const outside = { unitId: 'phuong-khac', truckId: 'xe-khac' };

function actor(p: Principal): Actor {
	if (p === 'display') return { kind: 'display', linkId: 'l', name: 'Màn hình', unitId: null };
	if (p === 'display@quan7') return { kind: 'display', linkId: 'q7', name: 'Quận 7', unitId: 'quan7' };
	if (p === 'system') return { kind: 'system', label: 'Hệ thống' };
	const level = { userId: 1, username: p, displayName: p, truckId: null };
	if (p === 'coordinator@quan7') return { kind: 'user', ...level, role: 'coordinator', unitId: 'ttvh-tt' };
	if (p === 'leader@quan7') return { kind: 'user', ...level, role: 'leader', unitId: 'quan7' };
	// the whole event's coordinator and leader are bound to the top of the tree
	if (p === 'coordinator' || p === 'leader') return { kind: 'user', ...level, role: p, unitId: 'thanh-pho' };
	return { kind: 'user', userId: 1, username: p, displayName: p, role: p, ...own };
}

function cells(row: string): Record<Principal, string> {
	const letters = row.trim().split(/\s+/);
	expect(letters).toHaveLength(principals.length);
	return Object.fromEntries(principals.map((p, i) => [p, letters[i]])) as Record<Principal, string>;
}

function check(name: string, action: Action, row: string) {
	for (const [p, cell] of Object.entries(cells(row)) as [Principal, string][]) {
		const a = actor(p);
		expect(authorize(a, action, own), `${name} × ${p} × own`).toBe(cell !== '.');
		expect(authorize(a, action, below), `${name} × ${p} × below`).toBe(['y', 's', 'c'].includes(cell));
		expect(authorize(a, action, outside), `${name} × ${p} × outside`).toBe(cell === 'y');
	}
}

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-03T06:30:00'), withQuan7Ceremony(nestedInACity()));
});

describe('the authorization matrix', () => {
	it('has a row for every command, and no row for a command that does not exist', () => {
		expect(Object.keys(commands).sort()).toEqual(Object.keys(commandSchemas).sort());
		expect([...commandDefs.keys()].sort()).toEqual(Object.keys(commandSchemas).sort());
	});

	it('has a row for every read the policy knows', () => {
		const policyReads = Object.keys(policy).filter((a) => a.startsWith('read.'));
		expect(Object.keys(reads).sort()).toEqual(policyReads.sort());
	});

	for (const type of Object.keys(commands) as CommandType[])
		it(`command ${type}`, () => check(type, commandDefs.get(type)!.action, commands[type]));

	for (const [action, row] of Object.entries(reads) as [Action, string][])
		it(`read ${action}`, () => check(action, action, row));

	it('grants each socket room exactly by the reads above', () => {
		for (const p of principals) {
			const rooms = roomsFor(actor(p));
			const whole = (read: Action) => cells(reads[read as keyof typeof reads])[p] === 'y';
			expect(rooms.includes('ops'), `${p} ops room`).toBe(whole('read.ops'));
			expect(rooms.includes('display'), `${p} display room`).toBe(whole('read.display'));
			// its own unit's rooms: the street's staff bound to it, and the admin
			expect(rooms.includes(`unit:${own.unitId}`), `${p} own unit room`).toBe(
				['admin', 'ward_staff', 'unit_staff', 'truck_crew'].includes(p)
			);
			expect(rooms.includes(`report:${own.unitId}`), `${p} own report room`).toBe(
				['admin', 'ward_staff', 'unit_staff'].includes(p)
			);
			expect(
				rooms.some((r) => r.endsWith(below.unitId) || r.endsWith(outside.unitId)),
				`${p} another unit's rooms`
			).toBe(false);
		}
	});

	it("puts a level's readers in their level's copies of the rooms, not the whole event's", () => {
		expect(roomsFor(actor('coordinator@quan7'))).toEqual(
			expect.arrayContaining(['ops@quan7', 'ops@*', 'display@quan7', 'display@*'])
		);
		expect(roomsFor(actor('display@quan7'))).toEqual(['display@quan7', 'display@*', 'link:q7']);
		for (const p of ['coordinator@quan7', 'leader@quan7', 'display@quan7'] as const)
			expect(
				roomsFor(actor(p)).filter((r) => ['ops', 'display', 'gate'].includes(r)),
				p
			).toEqual([]);
	});
});
