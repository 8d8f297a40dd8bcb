/**
 * Authorization: the one function every command and every read goes through.
 * The policy is a table (action × role → scope), so it can be read, reviewed and tested
 * cell by cell.
 */
import type { Role } from '$lib/types';
import type { StoredUser } from './users/store';

export type Actor =
	| {
			kind: 'user';
			userId: number;
			username: string;
			displayName: string;
			role: Role;
			unitId: string | null;
			truckId: string | null;
			/** created by the demo simulator */
			demo?: boolean;
	  }
	/** a wall screen opened by a display link: reads the whole event, writes nothing */
	| { kind: 'display'; linkId: string; name: string }
	/** the command line (scenario import) */
	| { kind: 'system'; label: string };

/** own_unit / own_truck: only where the target belongs to the actor's unit or truck */
type Scope = 'any' | 'own_unit' | 'own_truck';
type Principal = Role | 'display' | 'system';

export const policy = {
	// reads
	'read.ops': { admin: 'any', coordinator: 'any', leader: 'any' },
	'read.display': { admin: 'any', coordinator: 'any', leader: 'any', display: 'any' },
	'read.admin': { admin: 'any' },
	'read.unit': {
		admin: 'any',
		coordinator: 'any',
		leader: 'any',
		display: 'any',
		ward_staff: 'own_unit',
		truck_crew: 'own_unit',
		unit_staff: 'own_unit'
	},
	'read.truck': { admin: 'any', coordinator: 'any', leader: 'any', display: 'any', truck_crew: 'own_truck' },
	'read.gate': { admin: 'any', coordinator: 'any', leader: 'any', gate_staff: 'any' },
	/** what goes to every unit in the street (a notice to all) */
	'read.staff': { ward_staff: 'any', truck_crew: 'any', gate_staff: 'any', unit_staff: 'any' },
	/** one unit's report (figures, drafts, photos): its own staff, and the organizer's readers */
	'read.report': {
		admin: 'any',
		coordinator: 'any',
		leader: 'any',
		display: 'any',
		ward_staff: 'own_unit',
		unit_staff: 'own_unit'
	},
	/** the rolled-up reporting table of every unit */
	'read.reports': { admin: 'any', coordinator: 'any', leader: 'any', display: 'any' },
	// commands
	'notice.post': { admin: 'any', coordinator: 'any' },
	'display_link.manage': { admin: 'any', coordinator: 'any' },
	'user.manage': { admin: 'any', system: 'any' },
	'scenario.import': { admin: 'any', system: 'any' },
	'scenario.export': { admin: 'any', coordinator: 'any', system: 'any' },
	/** the crew's buttons for a truck; the coordinator may press them for a crew on the phone */
	'truck.report': { truck_crew: 'own_truck', coordinator: 'any', admin: 'any' },
	/** positions: only from the truck's own crew phone */
	'truck.position': { truck_crew: 'own_truck' },
	'parade.plan': { admin: 'any', coordinator: 'any' },
	'crew.message': { admin: 'any', coordinator: 'any' },
	'alert.acknowledge': { admin: 'any', coordinator: 'any' },
	/** ticking a ward's banner checklist (with photos); the coordinator may do it for a ward */
	'checklist.tick': { ward_staff: 'own_unit', coordinator: 'any', admin: 'any' },
	'checklist.review': { coordinator: 'any', admin: 'any' },
	'checklist.edit': { coordinator: 'any', admin: 'any' },
	/** a unit's figures for the reporting table; the coordinator may enter them for a unit */
	'report.submit': { ward_staff: 'own_unit', unit_staff: 'own_unit', coordinator: 'any', admin: 'any' },
	/** freezing and signing off the rolled-up table, setting targets */
	'report.manage': { coordinator: 'any', admin: 'any' },
	/** photos sent for a unit: a ward's checklist or a unit's report */
	'photo.upload': { ward_staff: 'own_unit', unit_staff: 'own_unit', coordinator: 'any', admin: 'any' },
	'ceremony.setup': { coordinator: 'any', admin: 'any', system: 'any' },
	/** checking people in at a gate; the coordinator may stand in at a gate */
	'gate.check_in': { gate_staff: 'any', coordinator: 'any', admin: 'any' },
	/** what the server finds in the positions: arrivals, alerts, status */
	'fleet.system': { system: 'any' },
	'demo.run': { system: 'any' }
} as const satisfies Record<string, Partial<Record<Principal, Scope>>>;

export type Action = keyof typeof policy;

export interface Target {
	unitId?: string | null;
	truckId?: string | null;
}

function principal(actor: Actor): Principal {
	return actor.kind === 'user' ? actor.role : actor.kind;
}

export function authorize(actor: Actor, action: Action, target: Target = {}): boolean {
	const scope = (policy[action] as Partial<Record<Principal, Scope>>)[principal(actor)];
	if (!scope) return false;
	if (scope === 'any') return true;
	if (actor.kind !== 'user') return false;
	if (scope === 'own_unit') return !!actor.unitId && target.unitId === actor.unitId;
	return !!actor.truckId && target.truckId === actor.truckId;
}

/** The actor of a signed-in user. */
export function userActor(user: StoredUser): Actor {
	const { id, username, displayName, role, unitId, truckId, demo } = user;
	return { kind: 'user', userId: id, username, displayName, role, unitId, truckId, demo };
}

/** How the actor is named in the log and the feed. */
export function actorLabel(actor: Actor): string {
	if (actor.kind === 'user') return `${actor.displayName} (${actor.username})`;
	if (actor.kind === 'display') return `Màn hình ${actor.name}`;
	return actor.label;
}

/**
 * The realtime rooms an actor's sockets join, each granted by the same authorize() as
 * every other read. An event is sent to the rooms of its audience; a socket sees an event
 * only through a room it was let into here.
 */
export function roomsFor(actor: Actor): string[] {
	const rooms = (['admin', 'ops', 'display', 'staff', 'gate'] as const).filter((room) =>
		authorize(actor, `read.${room}`)
	) as string[];
	// a wall screen also hears what is meant for its own link only (its layout)
	if (actor.kind === 'display') rooms.push(`link:${actor.linkId}`);
	if (actor.kind !== 'user') return rooms;
	if (actor.unitId && authorize(actor, 'read.unit', { unitId: actor.unitId }))
		rooms.push(`unit:${actor.unitId}`);
	if (actor.unitId && authorize(actor, 'read.report', { unitId: actor.unitId }))
		rooms.push(`report:${actor.unitId}`);
	if (actor.truckId && authorize(actor, 'read.truck', { truckId: actor.truckId }))
		rooms.push(`truck:${actor.truckId}`);
	return rooms;
}

/** Every place a role lands after login. */
export const homeOf: Record<Role, string> = {
	admin: '/admin',
	coordinator: '/ops',
	leader: '/display',
	ward_staff: '/ward',
	truck_crew: '/truck',
	gate_staff: '/gate',
	unit_staff: '/reports'
};
