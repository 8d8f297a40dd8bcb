/**
 * The authorization matrix: who may run each command and each read, for their own unit (or
 * truck) and for another's. The table is the specification; the policy must match it cell by
 * cell, and a command or a read without a row here fails the test.
 */
import { describe, expect, it } from 'vitest';
import { commandSchemas, type CommandType } from '../../src/lib/commands';
import { authorize, policy, roomsFor, type Action, type Actor } from '../../src/lib/server/access';
import { commandDefs } from '../../src/lib/server/commands/registry';

const principals = [
	'admin',
	'coordinator',
	'leader',
	'ward_staff',
	'unit_staff',
	'truck_crew',
	'gate_staff',
	'display',
	'system'
] as const;
type Principal = (typeof principals)[number];

/** y: for any unit; o: for its own unit or truck only; .: never. One letter per principal, in order. */
//                      A C L W U T G D S
const commands: Record<CommandType, string> = {
	'notice.post': '     y y . . . . . . .',
	'display_link.create': 'y y . . . . . . .',
	'display_link.revoke': 'y y . . . . . . .',
	'display_link.configure': 'y y . . . . . . .',
	'user.create': '     y . . . . . . . y',
	'user.update': '     y . . . . . . . y',
	'user.reset_password': 'y . . . . . . . y',
	'scenario.import': ' y . . . . . . . y',
	'truck.depart': '    y y . . . o . . .',
	'truck.arrive': '    y y . . . o . . .',
	'truck.incident': '  y y . . . o . . .',
	'truck.resume': '    y y . . . o . . .',
	'truck.finish': '    y y . . . o . . .',
	'route.save': '      y y . . . . . . .',
	'truck.assign_route': 'y y . . . . . . .',
	'truck.assign_crew': 'y y . . . . . . .',
	'parade.set_start': 'y y . . . . . . .',
	'crew.message': '    y y . . . . . . .',
	'alert.acknowledge': 'y y . . . . . . .',
	'truck.auto_status': '. . . . . . . . y',
	'truck.reached': '   . . . . . . . . y',
	'alert.raise': '     . . . . . . . . y',
	'alert.clear': '     . . . . . . . . y',
	'checklist.tick': '  y y . o . . . . .',
	'checklist.untick': 'y y . o . . . . .',
	'checklist.review_photo': 'y y . . . . . . .',
	'checklist.save_item': 'y y . . . . . . .',
	'checklist.add_to_units': 'y y . . . . . . .',
	'checklist.remove_item': 'y y . . . . . . .',
	'checklist.set_deadline': 'y y . . . . . . .',
	'ceremony.save_setup': 'y y . . . . . . y',
	'ceremony.save_group': 'y y . . . . . . y',
	'ceremony.remove_group': 'y y . . . . . . y',
	'ceremony.import_invitees': 'y y . . . . . . y',
	'gate.check_in': '   y y . . . . y . .',
	'gate.count': '      y y . . . . y . .',
	'gate.undo': '       y y . . . . y . .',
	'report.save_draft': 'y y . o o . . . .',
	'report.submit': '   y y . o o . . . .',
	'report.sign_off': ' y y . . . . . . .',
	'report.set_target': 'y y . . . . . . .',
	'demo.new_day': '    . . . . . . . . y'
};

/** Every read: pages, exports, photo URLs (read.unit / read.report) and the socket rooms they grant. */
//                                A C L W U T G D S
const reads: Record<Extract<Action, `read.${string}`>, string> = {
	'read.ops': '     y y y . . . . . .',
	'read.display': ' y y y . . . . y .',
	'read.admin': '   y . . . . . . . .',
	'read.unit': '    y y y o o o . y .',
	'read.truck': '   y y y . . o . y .',
	'read.gate': '    y y y . . . y . .',
	'read.staff': '   . . . y y y y . .',
	'read.report': '  y y y o o . . y .',
	'read.reports': ' y y y . . . . y .'
};

const own = { unitId: 'phuong-a', truckId: 'xe-a' };
const other = { unitId: 'phuong-b', truckId: 'xe-b' };

function actor(p: Principal): Actor {
	if (p === 'display') return { kind: 'display', linkId: 'l', name: 'Màn hình' };
	if (p === 'system') return { kind: 'system', label: 'Hệ thống' };
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
		expect(authorize(a, action, other), `${name} × ${p} × other`).toBe(cell === 'y');
	}
}

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
			const allowed = cells(reads['read.ops'])[p] !== '.';
			expect(rooms.includes('ops'), `${p} ops room`).toBe(allowed);
			expect(rooms.includes('display'), `${p} display room`).toBe(cells(reads['read.display'])[p] !== '.');
			expect(rooms.includes(`unit:${own.unitId}`), `${p} own unit room`).toBe(
				p !== 'display' && p !== 'system' && cells(reads['read.unit'])[p] === 'o'
					? true
					: ['admin', 'coordinator', 'leader'].includes(p)
			);
			expect(rooms.includes(`report:${own.unitId}`), `${p} own report room`).toBe(
				['admin', 'coordinator', 'leader', 'ward_staff', 'unit_staff'].includes(p)
			);
			expect(
				rooms.some((r) => r.endsWith(other.unitId)),
				`${p} another unit's rooms`
			).toBe(false);
		}
	});
});
