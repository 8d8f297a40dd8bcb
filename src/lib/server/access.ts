/**
 * Authorization: the one function every command and every read goes through.
 * The policy is a table (action × role → scope), so it can be read, reviewed and tested
 * cell by cell.
 */
import type { Role } from '$lib/types';
import { ceremonyAttended } from './ceremony/levels';
import { db } from './db';
import { unitTree } from './scenario/tree';
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
	/** a wall screen opened by a display link: reads its unit's subtree (null: the whole event), writes nothing */
	| { kind: 'display'; linkId: string; name: string; unitId: string | null }
	/** the command line (scenario import) */
	| { kind: 'system'; label: string };

/**
 * own_unit / own_truck: only where the target belongs to the actor's unit or truck;
 * subtree: where the target is the actor's unit or beneath it (see scopeOf), anything for an
 * actor of the whole event; own_ceremony: only at the ceremony the actor's unit attends (the
 * nearest at or above it: see ceremony/levels.ts), the target being that ceremony's unit
 */
type Scope = 'any' | 'subtree' | 'own_unit' | 'own_truck' | 'own_ceremony';
type Principal = Role | 'display' | 'system';

export const policy = {
	// reads
	'read.ops': { admin: 'any', coordinator: 'subtree', leader: 'subtree' },
	'read.display': { admin: 'any', coordinator: 'subtree', leader: 'subtree', display: 'subtree' },
	'read.admin': { admin: 'any' },
	'read.unit': {
		admin: 'any',
		coordinator: 'subtree',
		leader: 'subtree',
		display: 'subtree',
		ward_staff: 'own_unit',
		truck_crew: 'own_unit',
		unit_staff: 'own_unit'
	},
	'read.truck': {
		admin: 'any',
		coordinator: 'subtree',
		leader: 'subtree',
		display: 'subtree',
		truck_crew: 'own_truck'
	},
	'read.gate': { admin: 'any', coordinator: 'subtree', leader: 'subtree', gate_staff: 'own_ceremony' },
	/** what goes to every unit in the street (a notice to all) */
	'read.staff': { ward_staff: 'any', truck_crew: 'any', gate_staff: 'any', unit_staff: 'any' },
	/** one unit's report (figures, drafts, photos): its own staff, and the organizer's readers */
	'read.report': {
		admin: 'any',
		coordinator: 'subtree',
		leader: 'subtree',
		display: 'subtree',
		ward_staff: 'own_unit',
		unit_staff: 'own_unit'
	},
	/** the rolled-up reporting table of every unit */
	'read.reports': { admin: 'any', coordinator: 'subtree', leader: 'subtree', display: 'subtree' },
	// commands
	'notice.post': { admin: 'any', coordinator: 'subtree' },
	'display_link.manage': { admin: 'any', coordinator: 'subtree' },
	'user.manage': { admin: 'any', system: 'any' },
	'scenario.import': { admin: 'any', system: 'any' },
	'scenario.export': { admin: 'any', coordinator: 'subtree', system: 'any' },
	/** the crew's buttons for a truck; the coordinator may press them for a crew on the phone */
	'truck.report': { truck_crew: 'own_truck', coordinator: 'subtree', admin: 'any' },
	/** positions: only from the truck's own crew phone */
	'truck.position': { truck_crew: 'own_truck' },
	'parade.plan': { admin: 'any', coordinator: 'subtree' },
	'crew.message': { admin: 'any', coordinator: 'subtree' },
	'alert.acknowledge': { admin: 'any', coordinator: 'subtree' },
	/** ticking a ward's banner checklist (with photos); the coordinator may do it for a ward */
	'checklist.tick': { ward_staff: 'own_unit', coordinator: 'subtree', admin: 'any' },
	'checklist.review': { coordinator: 'subtree', admin: 'any' },
	'checklist.edit': { coordinator: 'subtree', admin: 'any' },
	/** a unit's figures for the reporting table; the coordinator may enter them for a unit */
	'report.submit': { ward_staff: 'own_unit', unit_staff: 'own_unit', coordinator: 'subtree', admin: 'any' },
	/** freezing and signing off the rolled-up table, setting targets */
	'report.manage': { coordinator: 'subtree', admin: 'any' },
	/** a lower level's signed table, sent as a package from its own deployment, taken as its unit's report */
	'report.import_package': { coordinator: 'subtree', admin: 'any', system: 'any' },
	/** photos sent for a unit: a ward's checklist or a unit's report */
	'photo.upload': { ward_staff: 'own_unit', unit_staff: 'own_unit', coordinator: 'subtree', admin: 'any' },
	'ceremony.setup': { coordinator: 'subtree', admin: 'any', system: 'any' },
	/** checking people in at a gate; the coordinator may stand in at a gate */
	'gate.check_in': { gate_staff: 'own_ceremony', coordinator: 'subtree', admin: 'any' },
	/** what the server finds in the positions: arrivals, alerts, status */
	'fleet.system': { system: 'any' },
	'demo.run': { system: 'any' }
} as const satisfies Record<string, Partial<Record<Principal, Scope>>>;

export type Action = keyof typeof policy;

/**
 * What an action is done to. For a subtree scope, no unit means the actor's own level (a page
 * of theirs, a notice to all of theirs); a truck must come with its unit.
 */
export interface Target {
	unitId?: string | null;
	truckId?: string | null;
	/** several units at once (a notice to chosen units): each must be in scope */
	unitIds?: readonly string[];
}

function principal(actor: Actor): Principal {
	return actor.kind === 'user' ? actor.role : actor.kind;
}

/** the principals whose binding to a unit makes a scope, not an own-unit limit */
const scopedPrincipals: ReadonlySet<Principal> = new Set(['coordinator', 'leader', 'display']);

/**
 * The unit whose subtree the actor acts and sees on; null: the whole event. A person's is the
 * level their unit belongs to (the TTVH-TT's coordinator runs Quận 7's day: see
 * UnitTree.levelOf); a wall screen's is the unit its link was made for. The top of the tree is
 * the whole event.
 */
export function scopeOf(actor: Actor): string | null {
	if (!scopedPrincipals.has(principal(actor)) || actor.kind === 'system') return null;
	if (!actor.unitId) return null;
	const tree = unitTree(db());
	const scope = actor.kind === 'display' ? actor.unitId : tree.levelOf(actor.unitId);
	return scope === tree.root ? null : scope;
}

/** Whether each unit of the target is the scope's own or beneath it. */
function covers(actor: Actor, target: Target): boolean {
	const within = scopeOf(actor);
	if (!within) return true;
	// a truck is judged by its unit: one given without it is refused, not guessed
	if (target.truckId && !target.unitId) return false;
	const units = target.unitIds ?? [target.unitId ?? within];
	if (!units.length) return false;
	const tree = unitTree(db());
	return units.every((unitId) => tree.lineOf(unitId).includes(within));
}

export function authorize(actor: Actor, action: Action, target: Target = {}): boolean {
	const scope = (policy[action] as Partial<Record<Principal, Scope>>)[principal(actor)];
	if (!scope) return false;
	if (scope === 'any') return true;
	if (scope === 'subtree') return covers(actor, target);
	if (actor.kind !== 'user') return false;
	if (scope === 'own_unit') return !!actor.unitId && target.unitId === actor.unitId;
	if (scope === 'own_ceremony') {
		const attended = (unitId: string | null) => ceremonyAttended(db(), unitId).level;
		return attended(actor.unitId) === attended(target.unitId ?? actor.unitId);
	}
	return !!actor.truckId && target.truckId === actor.truckId;
}

/** Whether a unit's things are the actor's to see: for filtering a page's lists to its scope. */
export function inScope(actor: Actor): (unitId: string | null | undefined) => boolean {
	const within = scopeOf(actor);
	if (!within) return () => true;
	const subtree = unitTree(db()).subtreeOf(within);
	return (unitId) => !!unitId && subtree.has(unitId);
}

/** The actor of a signed-in user. */
export function userActor(user: StoredUser): Actor {
	const { id, username, displayName, role, unitId, truckId, demo } = user;
	return { kind: 'user', userId: id, username, displayName, role, unitId, truckId, demo };
}

/** The actor of a wall screen, from its display link. */
export function displayActor(link: { id: string; name: string; unitId: string | null }): Actor {
	return { kind: 'display', linkId: link.id, name: link.name, unitId: link.unitId };
}

/** How the actor is named in the log and the feed. */
export function actorLabel(actor: Actor): string {
	if (actor.kind === 'user') return `${actor.displayName} (${actor.username})`;
	if (actor.kind === 'display') return `Màn hình ${actor.name}`;
	return actor.label;
}

/** the room of one ceremony's gates: its check-ins and changes go there too */
export const ceremonyRoom = (ceremonyId: string) => `ceremony:${ceremonyId}`;

/** the rooms a level's readers share: each has a copy per scope (`ops@quan-7`) */
const levelRooms = ['ops', 'display', 'gate'] as const;
/** the rooms of every scope at once: what the whole event hears (`ops@*`) */
const everyScope = '*';

/**
 * The realtime rooms an actor's sockets join, each granted by the same authorize() as
 * every other read. An event is sent to the rooms of its audience; a socket sees an event
 * only through a room it was let into here. An actor of the whole event joins `ops`; one scoped
 * to a unit joins `ops@<unit>` (what happens in its subtree) and `ops@*` (what concerns every
 * level), and so on for each level room.
 */
export function roomsFor(actor: Actor): string[] {
	const within = scopeOf(actor);
	const rooms: string[] = [];
	for (const room of ['admin', 'ops', 'display', 'staff', 'gate'] as const) {
		if (!authorize(actor, `read.${room}`)) continue;
		// a gate hears its own ceremony only, whichever level runs it
		if (room === 'gate' && actor.kind === 'user' && actor.role === 'gate_staff') {
			const { id } = ceremonyAttended(db(), actor.unitId);
			if (id) rooms.push(ceremonyRoom(id));
			continue;
		}
		if (within && (levelRooms as readonly string[]).includes(room))
			rooms.push(`${room}@${within}`, `${room}@${everyScope}`);
		else rooms.push(room);
	}
	// a wall screen also hears what is meant for its own link only (its layout)
	if (actor.kind === 'display') rooms.push(`link:${actor.linkId}`);
	if (actor.kind !== 'user') return rooms;
	if (actor.unitId && authorize(actor, 'read.unit', { unitId: actor.unitId }))
		rooms.push(`unit:${actor.unitId}`);
	if (actor.unitId && authorize(actor, 'read.report', { unitId: actor.unitId }))
		rooms.push(`report:${actor.unitId}`);
	if (actor.truckId && authorize(actor, 'read.truck', { truckId: actor.truckId, unitId: actor.unitId }))
		rooms.push(`truck:${actor.truckId}`);
	// staff in the street hear what is sent to any unit above theirs (a district's notice to all)
	if (actor.unitId && authorize(actor, 'read.staff'))
		for (const unitId of unitTree(db()).lineOf(actor.unitId)) rooms.push(`under:${unitId}`);
	return rooms;
}

/**
 * The rooms an event goes to: its audience, and for each level room in it the copies of the
 * scopes that may see it: every scope above the units it is about, or every scope for what
 * concerns the whole event. An event about nothing in particular goes to the whole event's
 * readers only.
 */
export function audienceOf(audience: readonly string[], about?: readonly string[] | 'event'): string[] {
	if (!about) return [...audience];
	const rooms = audience.filter((r) => (levelRooms as readonly string[]).includes(r));
	const tree = unitTree(db());
	// the top of the tree is the whole event's, whose readers are in the plain rooms already
	const scopes =
		about === 'event'
			? [everyScope]
			: [...new Set(about.flatMap((u) => tree.lineOf(u)))].filter((u) => u !== tree.root);
	return [...new Set([...audience, ...rooms.flatMap((r) => scopes.map((s) => `${r}@${s}`))])];
}

/** The rooms whose events a page of the actor's shows in its feed: `ops` or its scope's copies. */
export function feedRooms(actor: Actor, room: (typeof levelRooms)[number]): string[] {
	return roomsFor(actor).filter((r) => r === room || r.startsWith(`${room}@`));
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
