/**
 * Types shared by server and browser: roles, commands and their answers, live events,
 * and the typed socket.io event maps used on both ends.
 */
import type { Fix, TruckView } from './trucks/types';
import type { PackedFrame } from './trucks/position-frame.js';
import type { DayClock } from './time/day-clock';
import type { CeremonyEvents } from './ceremony/events';
export type { DayClock } from './time/day-clock';
import type { ChecklistEvents } from './checklists/events';
import type { DisplayEvents } from './displays/events';
import type { NoticeEvents } from './notices/events';
import type { ReportEvents } from './reports/events';
import type { ScenarioEvents } from './scenario/events';
import type { SimulatorEvents } from './simulator/events';
import type { TruckEvents } from './trucks/events';
import type { UserEvents } from './users/events';
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
	/** the same place as the page shows it to a person ("Dòng 2 “…”, cột “Người”"), when known */
	where?: string;
}

/** A change asked for by a client. `id` is made by the client so a retry takes effect once. */
export interface Command<T extends string = string, P = unknown> {
	id: string;
	type: T;
	payload: P;
}

export type CommandResult =
	| { ok: true; seq: number }
	| {
			ok: false;
			code: ErrorCode;
			message: string;
			problems?: Problem[];
			/** rate_limited: send again after this long (the command was not taken; same id is fine) */
			retryInMs?: number;
	  };

/**
 * What each event type carries. Each domain declares its own events beside its feed lines
 * (`$lib/<domain>/events.ts`); this only lists the domains.
 */
export type EventDataMap = NoticeEvents &
	DisplayEvents &
	UserEvents &
	ScenarioEvents &
	TruckEvents &
	ChecklistEvents &
	CeremonyEvents &
	ReportEvents &
	SimulatorEvents;

export type EventType = keyof EventDataMap;

/** An event of the log as the screens get it: a union over the types, so `type` narrows `data`. */
export type LiveEvent<T extends EventType = EventType> = {
	[K in T]: { seq: number; type: K; at: number; actor: string; demo: boolean; data: EventDataMap[K] };
}[T];

/** the server's time and day clock, and who the socket is signed in as */
export interface ClockAnswer {
	serverNow: number;
	day: DayClock;
	userId: number | null;
}

export type SyncResult =
	/** the next missed events (a page of them: `more` says ask again from `seq`) */
	| { kind: 'events'; events: LiveEvent[]; seq: number; more: boolean }
	/** too far behind: reload the page data, then continue from `seq` */
	| { kind: 'snapshot'; seq: number }
	/** this connection already has a catch-up under way or asked too often: ask again later */
	| { kind: 'busy'; retryInMs: number };

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
	/** a position frame, packed (see trucks/position-frame.ts) */
	positions: (frame: PackedFrame) => void;
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

/** A page of a track; `retryInMs`: the server is busy with this sign-in's reads, ask again then. */
export type TrackAnswer =
	{ ok: true; points: TrackPoint[] } | { ok: false; message: string; retryInMs?: number };

export interface ClientToServerEvents {
	sync: (afterSeq: number, ack: (result: SyncResult) => void) => void;
	command: (command: Command, ack: (result: CommandResult) => void) => void;
	/** the server's time and day clock, and who this socket is signed in as */
	/** null: asked too often, keep what you have */
	clock: (ack: (answer: ClockAnswer | null) => void) => void;
	/** a crew phone's positions, batched; answered after they are on disk */
	positions: (batch: { truckId: string; fixes: Fix[] }, ack: (result: PositionsAck) => void) => void;
	/** every truck's current view (after a reconnect, positions are not replayed) */
	/** null: asked too often, keep the picture you have */
	fleet: (ack: (trucks: TruckView[] | null) => void) => void;
	/** recorded positions for a trail or a replay */
	track: (
		query: { truckId: string | null; from: number; to: number },
		ack: (result: TrackAnswer) => void
	) => void;
}
