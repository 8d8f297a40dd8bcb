/**
 * The realtime module: socket.io on the app's own HTTP server. The handshake is
 * authenticated from the session cookie or the display-link cookie; each socket joins the
 * rooms its actor may read; commands go through the one command path; a reconnecting
 * client asks for what it missed after its last seq.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { Server, type Socket } from 'socket.io';
import type {
	ClientToServerEvents,
	ClockAnswer,
	LiveEvent,
	ServerToClientEvents,
	SyncResult
} from '$lib/types';
import type { TruckView } from '$lib/trucks/types';
import { translate, type Lang } from '$lib/i18n';
import { authorize, displayActor, roomsFor, userActor, type Actor } from '../access';
import { dayClock, dayNow } from '../day-clock';
import { withoutCrew } from '../trucks/truck-view';
import { fleet } from '../trucks/live-fleet';
import { reportPositions } from '../trucks/watcher';
import { readTrack } from '../trucks/track';
import { sessionCookie, validateSessionToken } from '../auth/session';
import { executeCommand } from '../commands/execute';
import { config } from '../config';
import { db } from '../db';
import { displayCookie } from '../displays/cookie';
import { findDisplayLinkByToken } from '../displays/store';
import { subscribe } from '../events/bus';
import { lastSeq, missedEvents } from '../events/log';
import { packFrame } from '$lib/trucks/position-frame.js';
import { ReadDesk } from './read-desk';
import { Strikes } from './strikes';
import { Door, linkSignIn, sessionSignIn } from './door';
import { FanOut } from './fan-out';
import { levelScopes, ScopedFrames } from './scoped-frames';
import { unitTree } from '../scenario/tree';
import { clientAddress } from '../client-address';
import { langOfHeader } from '../lang';

interface SocketData {
	actor: Actor;
	rooms: string[];
	/** where it came from (behind a proxy: as ADDRESS_HEADER says) */
	address: string;
	/** the sign-in it rides on: `session:<id>` or `link:<id>` */
	signIn: string;
	/** the language of its answers' words, from the page's cookie when it connected */
	lang: Lang;
}

export type RealtimeServer = Server<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const key = Symbol.for('khai-mac.io');
type Holder = { [key]?: { io: RealtimeServer; stop: () => void } };

/** Who is connecting: `auth.as` says which credential the page wants to use. */
function authenticate(socket: RealtimeSocket): { actor: Actor; room: string } | { error: string } {
	const cookies = parseCookies(socket.handshake.headers.cookie ?? '');
	const wanted = (socket.handshake.auth as { as?: unknown } | undefined)?.as;
	if (wanted === 'display') {
		const token = cookies[displayCookie];
		const link = token ? findDisplayLinkByToken(db(), token) : undefined;
		if (!token || !link) return { error: 'unauthenticated' };
		if (link.revokedAt) return { error: 'revoked' };
		door.learnLink(token, linkSignIn(link.id));
		return { actor: displayActor(link), room: linkSignIn(link.id) };
	}
	const token = cookies[sessionCookie];
	const { session, user } = token ? validateSessionToken(db(), token) : { session: null, user: null };
	if (!session) return { error: 'unauthenticated' };
	return {
		actor: userActor(user),
		room: sessionSignIn(session.id)
	};
}

/**
 * Browsers send Origin with the WebSocket handshake: only this site's pages may open a
 * socket with the user's cookie (clients without Origin, like tools and tests, pass on to
 * the cookie check).
 */
function sameOrigin(req: IncomingMessage): boolean {
	const origin = req.headers.origin;
	if (!origin) return true;
	if (process.env.ORIGIN) return origin === process.env.ORIGIN;
	const hostHeader = (process.env.HOST_HEADER ?? 'host').toLowerCase();
	try {
		return new URL(origin).host === req.headers[hostHeader];
	} catch {
		return false;
	}
}

/** catch-ups: a reconnecting page asks once, a page at a time */
const catchUpDesk = new ReadDesk({ burst: 10, refillMs: 2000 });
/** tracks: a replay asks page after page (20,000 points each) */
const trackDesk = new ReadDesk({ burst: 20, refillMs: 100 });
/** every truck's view: the ops room asks every 5 s and when it comes back live */
const fleetDesk = new ReadDesk({ burst: 5, refillMs: 1000 });
/** the server's time: asked once a connection */
const clockDesk = new ReadDesk({ burst: 5, refillMs: 2000 });
const strikes = new Strikes(config.coolDownSeconds);
/** live connections of a sign-in and of an address */
const door = new Door(strikes);

function syncFrom(afterSeq: number, rooms: string[]): SyncResult {
	const missed = missedEvents(db(), afterSeq, rooms, config.resyncPage, config.resyncLimit);
	if (!missed) return { kind: 'snapshot', seq: lastSeq(db()) };
	const { events, more } = missed;
	return { kind: 'events', events, seq: events.at(-1)?.seq ?? Math.max(afterSeq, 0), more };
}

/**
 * Every handler answers, whatever comes in: a thrown error is logged and answered with a
 * refusal, never left to reject unhandled (which would stop the process).
 */
function guarded<A extends unknown[]>(
	name: string,
	handler: (...args: A) => unknown,
	fallback: unknown
): (...args: A) => void {
	return (...args: A) => {
		const ack = args.at(-1);
		const fail = (error: unknown) => {
			console.error(`[realtime] ${name} failed`, error);
			if (typeof ack === 'function') ack(fallback);
		};
		try {
			const result = handler(...args);
			if (result instanceof Promise) result.catch(fail);
		} catch (error) {
			fail(error);
		}
	};
}

function onConnection(socket: RealtimeSocket): void {
	const { actor, rooms } = socket.data;
	const ip = socket.data.address;
	const failed = { ok: false, code: 'internal', message: translate(socket.data.lang, 'realtime.failed') };
	/** after a busy, rate_limited or forbidden answer: one too many in a row lets the connection go */
	const refused = () => {
		if (strikes.strike(socket.id, socket.data.signIn, Date.now())) socket.disconnect(true);
	};

	const answerSync = guarded(
		'sync',
		(afterSeq: number, ack: (result: SyncResult) => void) => {
			if (!Number.isSafeInteger(afterSeq) || afterSeq < 0)
				return ack({ kind: 'snapshot', seq: lastSeq(db()) });
			ack(syncFrom(afterSeq, rooms));
		},
		null
	);
	socket.on('sync', (afterSeq: number, ack: (result: SyncResult) => void) => {
		if (typeof ack !== 'function') return;
		catchUpDesk.ask(
			socket.data.signIn,
			() => answerSync(afterSeq, ack),
			(retryInMs) => {
				ack({ kind: 'busy', retryInMs });
				refused();
			}
		);
	});
	socket.on(
		'command',
		guarded(
			'command',
			async (command, ack) => {
				if (typeof ack !== 'function') return;
				const result = await executeCommand(actor, command, {
					clientId: socket.id,
					ip,
					lang: socket.data.lang
				});
				ack(result);
				if (!result.ok && (result.code === 'rate_limited' || result.code === 'forbidden')) refused();
			},
			failed
		)
	);
	socket.on(
		'positions',
		guarded(
			'positions',
			async (batch, ack) => {
				if (typeof ack !== 'function') return;
				ack(await reportPositions(actor, batch, socket.data.lang));
			},
			failed
		)
	);
	/**
	 * A read answered in its turn at `desk`; asked too often, null: the page keeps what it has
	 * (the fleet's picture until its next ask, the clock offset learned from its load).
	 */
	const atDesk =
		<T>(desk: ReadDesk, name: string, read: () => T) =>
		(ack: (answer: T | null) => void) => {
			if (typeof ack !== 'function') return;
			// a read that throws is logged and answered null too (guarded answers the last argument)
			const answer = guarded(name, (done: typeof ack) => done(read()), null);
			desk.ask(
				socket.data.signIn,
				() => answer(ack),
				() => {
					ack(null);
					refused();
				}
			);
		};
	socket.on(
		'fleet',
		atDesk(fleetDesk, 'fleet', (): TruckView[] => {
			const seen = fleet()
				.views(dayNow(db()))
				.filter((t) => authorize(actor, 'read.truck', { truckId: t.id, unitId: t.unitId }));
			// crews' names and phones are for the ops room (a wall screen, a crew phone: not)
			return authorize(actor, 'read.ops') ? seen : seen.map(withoutCrew);
		})
	);
	socket.on(
		'track',
		guarded(
			'track',
			(query, ack) => {
				if (typeof ack !== 'function') return;
				const answer = guarded('track', () => ack(readTrack(actor, query, socket.data.lang)), failed);
				trackDesk.ask(socket.data.signIn, answer, (retryInMs) => {
					ack({ ok: false, message: translate(socket.data.lang, 'realtime.busy'), retryInMs });
					refused();
				});
			},
			failed
		)
	);
	socket.on(
		'clock',
		atDesk(clockDesk, 'clock', (): ClockAnswer => ({
			serverNow: Date.now(),
			day: dayClock(db()),
			userId: actor.kind === 'user' ? actor.userId : null
		}))
	);
}

/** events' writes: a few ms a turn of the event loop, 25 sockets a step (fan-out.ts) */
const fanOutPace = { turnMs: 4, step: 25 };

const scopedFrames = new ScopedFrames();

/** The sockets in any of `rooms`, each once. */
function socketsIn(io: RealtimeServer, rooms: string[]): string[] {
	const sockets = new Set<string>();
	for (const room of rooms) for (const id of io.sockets.adapter.rooms.get(room) ?? []) sockets.add(id);
	return [...sockets];
}

function endSessions(io: RealtimeServer, event: LiveEvent): void {
	if (event.type === 'scenario.imported') {
		// accounts may be bound anew: their sockets come back through the handshake, re-checked
		// (admins, who import, and display links, which hold no account, stay)
		setTimeout(() => {
			for (const socket of io.sockets.sockets.values()) {
				const actor = socket.data.actor;
				if (actor?.kind === 'user' && actor.role !== 'admin') socket.disconnect(true);
			}
		}, 1000);
		return;
	}
	if (event.type === 'display_link.revoked') {
		const { id } = event.data;
		io.in(linkSignIn(id)).emit('session:ended', 'revoked');
		io.in(linkSignIn(id)).disconnectSockets(true);
	}
	const changedUser =
		event.type === 'user.updated' || event.type === 'user.password_reset'
			? event.data.id
			: event.type === 'truck.crew_assigned'
				? event.data.userId
				: null;
	if (changedUser !== null) {
		const id = changedUser;
		io.in(`user:${id}`).emit('session:ended', 'disabled');
		io.in(`user:${id}`).disconnectSockets(true);
	}
}

export function attachRealtime(httpServer: HttpServer): RealtimeServer {
	const holder = globalThis as Holder;
	holder[key]?.stop(); // a dev hot reload: replace the handlers, keep one server
	const io: RealtimeServer =
		holder[key]?.io ??
		new Server(httpServer, {
			serveClient: false,
			maxHttpBufferSize: 2e6,
			// a connection that has not signed in by then is closed (socket.io's default: 45 s)
			connectTimeout: 10_000,
			allowRequest: (req, callback) => {
				if (!sameOrigin(req)) return callback(null, false);
				const turnedAway = door.turnAway(req, Date.now());
				if (turnedAway === null) return callback(null, true);
				door.answerLater(() => callback(turnedAway, false));
			}
		});
	io.removeAllListeners('connection');
	// @ts-expect-error socket.io keeps middlewares in `_fns`; cleared so a hot reload does not stack them
	io._fns = [];
	io.use((socket, next) => {
		const result = authenticate(socket);
		if ('error' in result)
			return next(Object.assign(new Error(result.error), { data: { code: result.error } }));
		const address = clientAddress(socket.handshake.headers, socket.handshake.address);
		// a connection already gone (opened and closed in one request) is never `connected`, so its
		// socket never says `disconnect`: it takes no place
		if (socket.conn.readyState !== 'open') return next(new Error('closed'));
		// asked on past its limits and let go: not straight back; or all its places are taken
		const entered = door.enter(result.room, address, Date.now());
		if ('refusal' in entered)
			return next(Object.assign(new Error(entered.refusal.code), { data: entered.refusal }));
		const giveBack = entered.giveBack;
		// given back whichever comes first: the socket leaves, or its connection closes before the
		// socket was ever connected
		socket.once('disconnect', giveBack);
		socket.conn.once('close', giveBack);
		const actor = result.actor;
		socket.data.address = address;
		socket.data.signIn = result.room;
		socket.data.lang = langOfHeader(socket.handshake.headers.cookie);
		socket.data.actor = actor;
		socket.data.rooms = roomsFor(actor);
		socket.join([
			...socket.data.rooms,
			result.room,
			...(actor.kind === 'user' ? [`user:${actor.userId}`] : [])
		]);
		next();
	});
	io.on('connection', onConnection);
	const fanOut = new FanOut(fanOutPace);
	const unsubscribe = [
		subscribe('committed', (event, audience) => {
			fanOut.send(socketsIn(io, audience), (to) => io.to(to).emit('event', event));
			endSessions(io, event);
		}),
		subscribe('positions', (frame) => {
			const packed = packFrame(frame);
			fanOut.send(socketsIn(io, ['ops', 'display']), (to) => io.to(to).emit('positions', packed));
			// each level's screens: their own trucks only, numbered as their pages list them
			const tree = unitTree(db());
			const trucks = fleet().trucks();
			for (const scope of levelScopes(io.sockets.adapter.rooms.keys())) {
				const scoped = scopedFrames.frameFor(frame, trucks, tree.subtreeOf(scope));
				if (!scoped) continue;
				const packedScoped = packFrame(scoped);
				fanOut.send(socketsIn(io, [`ops@${scope}`, `display@${scope}`]), (to) =>
					io.to(to).emit('positions', packedScoped)
				);
			}
		}),
		subscribe('clock', (clock) =>
			fanOut.send([...io.sockets.sockets.keys()], (to) => io.to(to).emit('clock:changed', clock))
		)
	];
	holder[key] = {
		io,
		stop: () => {
			unsubscribe.forEach((stop) => stop());
			fanOut.stop();
		}
	};
	return io;
}

function realtime(): RealtimeServer | undefined {
	return (globalThis as Holder)[key]?.io;
}

/** How many live connections there are (for /healthz). */
export function liveConnections(): number {
	return realtime()?.engine.clientsCount ?? 0;
}

/** Ends the live connections of a session that logged out. */
export function endSessionSockets(sessionId: string): void {
	const io = realtime();
	io?.in(sessionSignIn(sessionId)).emit('session:ended', 'logged_out');
	io?.in(sessionSignIn(sessionId)).disconnectSockets(true);
}
