/**
 * Types shared by server and browser: roles, commands and their answers, live events,
 * and the typed socket.io event maps used on both ends.
 */
import type { Role } from './scenario/schema';
import type { AlertKind, Fix, PositionFrame, TruckStatus, TruckView } from './trucks/types';
import type { ChecklistItemView, PhotoStatus } from './checklists/types';
import type { CheckinView } from './ceremony/types';
import type { DraftView, SignoffView, SubmissionView } from './reports/types';
import type { DisplayLayout } from './display/layout';
export type { Role } from './scenario/schema';

export type ErrorCode =
	| 'bad_request'
	| 'invalid'
	| 'unknown_command'
	| 'forbidden'
	| 'unauthenticated'
	| 'not_found'
	| 'conflict'
	| 'rate_limited'
	| 'internal';

export interface Problem {
	/** where in the input, e.g. "units[3].parentId" */
	path: string;
	message: string;
}

/** A change asked for by a client. `id` is made by the client so a retry takes effect once. */
export interface Command<T extends string = string, P = unknown> {
	id: string;
	type: T;
	payload: P;
}

export type CommandResult =
	{ ok: true; seq: number } | { ok: false; code: ErrorCode; message: string; problems?: Problem[] };

export interface NoticeData {
	id: string;
	body: string;
	urgent: boolean;
	/** null: every unit */
	targetUnitIds: string[] | null;
	author: string;
}

export interface DisplayLinkData {
	id: string;
	name: string;
}

export interface UserData {
	id: number;
	username: string;
	displayName: string;
	role: Role;
	unitId: string | null;
	truckId: string | null;
	disabled: boolean;
}

/** What each event type carries; later features add their own entries. */
export interface EventDataMap {
	'notice.posted': NoticeData;
	'display_link.created': DisplayLinkData;
	'display_link.revoked': DisplayLinkData;
	'display_link.configured': DisplayLinkData & { layout: DisplayLayout };
	'user.created': UserData;
	'user.updated': UserData;
	'user.password_reset': { id: number; username: string };
	'scenario.imported': { eventId: string; name: string; counts: Record<string, number> };
	'truck.status_changed': TruckStatusData;
	'truck.checkpoint_reached': {
		truckId: string;
		truckName: string;
		checkpointId: string;
		checkpointName: string;
		/** day time of arrival */
		at: number;
		delaySeconds: number;
		manual: boolean;
	};
	'route.saved': { routeId: string; name: string };
	'truck.route_assigned': { truckId: string; truckName: string; routeId: string | null };
	'parade.start_set': { startAt: number | null };
	'truck.crew_assigned': {
		truckId: string;
		truckName: string;
		userId: number;
		username: string;
		displayName: string;
	};
	'crew.message_sent': { id: string; truckId: string | null; body: string; author: string };
	'alert.raised': AlertData;
	'alert.acknowledged': { id: string; by: string };
	'alert.cleared': { id: string };
	'demo.day_restarted': { anchorReal: number };
	/** an item's new state travels with each change, so a client just replaces it */
	'checklist.ticked': { item: ChecklistItemView; unitName: string };
	'checklist.unticked': { item: ChecklistItemView; unitName: string; reason: string };
	'checklist.photo_reviewed': {
		item: ChecklistItemView;
		unitName: string;
		photoId: string;
		verdict: Exclude<PhotoStatus, 'pending'>;
		reason: string;
	};
	/** a person or a headcount came in (the check-in carries its group and count) */
	'ceremony.checked_in': { checkin: CheckinView };
	'ceremony.checkin_undone': { checkin: CheckinView };
	/** setup, groups or the invitee list changed: clients reload */
	'ceremony.changed': { summary: string };
	/** a unit's draft as typed: only to that unit's own screens */
	'report.draft_saved': { draft: DraftView };
	'report.submitted': { submission: SubmissionView; unitName: string };
	'report.signed_off': { signoff: SignoffView };
	/** the template's targets changed: clients reload */
	'report.template_changed': { summary: string };
	/** items edited: clients reload them (a bulk edit would carry other wards' items) */
	'checklist.items_changed': { unitIds: string[]; count: number; summary: string };
}

export interface TruckStatusData {
	truckId: string;
	truckName: string;
	status: TruckStatus;
	incidentNote: string | null;
	/** crew: pressed on the phone; auto: found in the positions; coordinator */
	by: 'crew' | 'auto' | 'coordinator';
}

export interface AlertData {
	id: string;
	truckId: string;
	truckName: string;
	kind: AlertKind;
	checkpointId: string | null;
	message: string;
	/** day time */
	raisedAt: number;
}

export type EventType = keyof EventDataMap;

export interface LiveEvent<T extends EventType = EventType> {
	seq: number;
	type: T;
	at: number;
	actor: string;
	demo: boolean;
	data: EventDataMap[T];
}

export type SyncResult =
	| { kind: 'events'; events: LiveEvent[]; seq: number }
	/** too far behind: reload the page data, then continue from `seq` */
	| { kind: 'snapshot'; seq: number };

/**
 * The clock of the day. In real use dayTime = serverTime. In a demo the simulator runs the
 * scenario's day compressed: dayTime = anchorDay + (serverTime - anchorReal) * speed.
 */
export interface DayClock {
	anchorReal: number;
	anchorDay: number;
	speed: number;
}

/** What a page's load gives the live connection to start from. */
export interface LiveStart {
	seq: number;
	serverNow: number;
	day: DayClock;
}

export type SessionEndReason = 'revoked' | 'logged_out' | 'disabled';

export interface ServerToClientEvents {
	event: (event: LiveEvent) => void;
	'session:ended': (reason: SessionEndReason) => void;
	'clock:changed': (clock: DayClock) => void;
	positions: (frame: PositionFrame) => void;
}

export type PositionsAck =
	| { ok: true; accepted: number; refused: { index: number; reason: string }[] }
	| { ok: false; code: ErrorCode; message: string };

export interface TrackPoint {
	truckId: string;
	at: number;
	lat: number;
	lng: number;
	speed: number | null;
}

export interface ClientToServerEvents {
	sync: (afterSeq: number, ack: (result: SyncResult) => void) => void;
	command: (command: Command, ack: (result: CommandResult) => void) => void;
	/** the server's time and day clock, and who this socket is signed in as */
	clock: (ack: (answer: { serverNow: number; day: DayClock; userId: number | null }) => void) => void;
	/** a crew phone's positions, batched; answered after they are on disk */
	positions: (batch: { truckId: string; fixes: Fix[] }, ack: (result: PositionsAck) => void) => void;
	/** every truck's current view (after a reconnect, positions are not replayed) */
	fleet: (ack: (trucks: TruckView[]) => void) => void;
	/** recorded positions for a trail or a replay */
	track: (
		query: { truckId: string | null; from: number; to: number },
		ack: (result: { ok: true; points: TrackPoint[] } | { ok: false; message: string }) => void
	) => void;
}
