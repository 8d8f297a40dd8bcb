import { describe, expect, it } from 'vitest';
import { authorize, policy, roomsFor, type Actor } from '../../src/lib/server/access';

const user = (
	role: Extract<Actor, { kind: 'user' }>['role'],
	unitId: string | null = null,
	truckId: string | null = null
): Actor => ({
	kind: 'user',
	userId: 1,
	username: 'u',
	displayName: 'U',
	role,
	unitId,
	truckId
});

describe('authorize', () => {
	it('lets ward staff read only their own unit', () => {
		const staff = user('ward_staff', 'tan-kieng');
		expect(authorize(staff, 'read.unit', { unitId: 'tan-kieng' })).toBe(true);
		expect(authorize(staff, 'read.unit', { unitId: 'phu-my' })).toBe(false);
		expect(authorize(user('ward_staff', null), 'read.unit', { unitId: null })).toBe(false);
	});

	it('lets a truck crew read only its own truck', () => {
		const crew = user('truck_crew', 'tan-kieng', 'xe-tan-kieng');
		expect(authorize(crew, 'read.truck', { truckId: 'xe-tan-kieng' })).toBe(true);
		expect(authorize(crew, 'read.truck', { truckId: 'xe-phu-my' })).toBe(false);
	});

	it('gives a display link reading only', () => {
		const display: Actor = { kind: 'display', linkId: 'l', name: 'Hội trường', unitId: null };
		const writes = Object.keys(policy).filter((a) => !a.startsWith('read.')) as (keyof typeof policy)[];
		for (const action of writes) expect(authorize(display, action), action).toBe(false);
		expect(authorize(display, 'read.display')).toBe(true);
	});

	it('lets no leader write anything', () => {
		const writes = Object.keys(policy).filter((a) => !a.startsWith('read.')) as (keyof typeof policy)[];
		for (const action of writes) expect(authorize(user('leader'), action), action).toBe(false);
	});
});

describe('roomsFor', () => {
	it('lets each actor into the rooms its reads allow, and no others', () => {
		expect(roomsFor(user('ward_staff', 'phuong-a')).sort()).toEqual([
			'report:phuong-a',
			'staff',
			'unit:phuong-a'
		]);
		expect(roomsFor(user('unit_staff', 'truong-a')).sort()).toEqual([
			'report:truong-a',
			'staff',
			'unit:truong-a'
		]);
		expect(roomsFor(user('truck_crew', 'phuong-a', 'xe-a')).sort()).toEqual([
			'staff',
			'truck:xe-a',
			'unit:phuong-a'
		]);
		// a gate hears its own ceremony's room (ceremony:<id>): with no ceremony set up, none
		expect(roomsFor(user('gate_staff')).sort()).toEqual(['staff']);
		expect(roomsFor({ kind: 'display', linkId: 'l', name: 'x', unitId: null })).toEqual([
			'display',
			'link:l'
		]);
		expect(roomsFor(user('leader'))).not.toContain('admin');
		expect(roomsFor(user('admin'))).toContain('admin');
	});
});
