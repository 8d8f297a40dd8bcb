/**
 * The browser's live connection: one typed socket, the last applied seq, the server clock
 * offset and the connection state. Events are applied once and in order; after a
 * reconnect the server sends what was missed, or says to reload when too far behind.
 * Listeners must be idempotent by the ids in the event (a snapshot reload may overlap).
 */
import { io, type Socket } from 'socket.io-client';
import { createSubscriber } from 'svelte/reactivity';
import { invalidateAll } from '$app/navigation';
import { dayTime } from '$lib/time/day-clock';
import { CatchUp } from './catch-up';
import type { Fix, PositionFrame } from '$lib/trucks/types';
import { unpackFrame } from '$lib/trucks/position-frame.js';
import type {
	ClientToServerEvents,
	Command,
	CommandResult,
	DayClock,
	LiveEvent,
	LiveStart,
	PositionsAck,
	ServerToClientEvents,
	SessionEndReason
} from '$lib/types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

class Ticker {
	#subscribe = createSubscriber((update) => {
		const id = setInterval(update, 250);
		return () => clearInterval(id);
	});

	/** Date.now(), re-read by whoever reads it four times a second */
	get now(): number {
		this.#subscribe();
		return Date.now();
	}
}

/** The clock offset measured over the socket, kept for pages opened offline from the tablet. */
const savedOffset = {
	key: 'khai-mac-clock-offset',
	load(): number | null {
		try {
			const saved = JSON.parse(localStorage.getItem(this.key) ?? 'null') as {
				offset: number;
				at: number;
			} | null;
			return saved && Date.now() - saved.at < 24 * 3600_000 ? saved.offset : null;
		} catch {
			return null;
		}
	},
	save(offset: number): void {
		try {
			localStorage.setItem(this.key, JSON.stringify({ offset, at: Date.now() }));
		} catch {
			// private mode: the page's own time is used
		}
	}
};

export class LiveConnection {
	status = $state<LiveStatus>('connecting');
	lastUpdate = $state<number | null>(null);
	seq = $state(0);
	/** server time minus this device's time, in ms */
	offset = $state(0);
	day = $state<DayClock>({ anchorReal: 0, anchorDay: 0, speed: 1 });
	ended = $state<SessionEndReason | null>(null);
	/** when the connection was last lost (null while live): a wall screen says how old its picture is */
	lostAt = $state<number | null>(null);
	/** the account this connection is signed in as, as the server says (null: a display, or not yet known) */
	userId = $state<number | null>(null);

	#ticker = new Ticker();
	#socket: LiveSocket | null = null;
	// plain Set: listeners are wiring, not state anything renders
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#listeners = new Set<(event: LiveEvent) => void>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#liveListeners = new Set<() => void>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#frameListeners = new Set<(frame: PositionFrame) => void>();
	#catchUp = new CatchUp(0, (event) => this.#apply(event));

	/** The server's time now, ticking. */
	get serverNow(): number {
		return this.#ticker.now + this.offset;
	}

	/** The time of the day (compressed in a demo), ticking. */
	get dayNow(): number {
		return dayTime(this.day, this.serverNow);
	}

	connect(as: 'user' | 'display', start: LiveStart): () => void {
		this.disconnect();
		this.seq = start.seq;
		this.#catchUp = new CatchUp(start.seq, (event) => this.#apply(event));
		// a page kept for offline use carries the time it was made: the offset measured last is truer
		this.offset = savedOffset.load() ?? start.serverNow - Date.now();
		this.day = start.day;
		this.ended = null;
		this.status = 'connecting';
		const socket: LiveSocket = io({ auth: { as }, reconnectionDelayMax: 5000 });
		this.#socket = socket;

		socket.on('connect', () => {
			void this.#syncClock(socket);
			void this.#resync(socket);
		});
		socket.on('disconnect', (reason) => {
			this.#lost(navigator.onLine ? 'reconnecting' : 'offline');
			// the server let everyone go (a new scenario changed who may see what): come back, re-checked
			if (reason === 'io server disconnect' && !this.ended) setTimeout(() => socket.connect(), 500);
		});
		socket.on('connect_error', (error) => {
			if (error.message === 'revoked' || error.message === 'unauthenticated') {
				this.ended = error.message === 'revoked' ? 'revoked' : 'logged_out';
				socket.disconnect();
				return;
			}
			this.#lost(navigator.onLine ? 'reconnecting' : 'offline');
			// refused by the server, not lost on the way (this sign-in has too many connections open):
			// socket.io does not retry that by itself; try again later, spread out
			if (!socket.active)
				setTimeout(() => this.#socket === socket && socket.connect(), 10_000 + Math.random() * 10_000);
		});
		socket.on('event', (event) => this.#catchUp.receive(event));
		socket.on('session:ended', (reason) => {
			this.ended = reason;
			socket.disconnect();
		});
		socket.on('clock:changed', (day) => (this.day = day));
		socket.on('positions', (packed) => {
			const frame = unpackFrame(packed);
			if (!frame) return; // a server of another version: the next fleet answer corrects the map
			this.lastUpdate = Date.now();
			for (const listener of this.#frameListeners) listener(frame);
		});

		const onOffline = () => this.#lost('offline');
		const onOnline = () => {
			this.status = socket.connected ? 'live' : 'reconnecting';
			if (socket.connected) this.lostAt = null;
		};
		window.addEventListener('offline', onOffline);
		window.addEventListener('online', onOnline);
		// a device that slept (a wall screen's power saving) wakes with a socket that only looks
		// alive: a jump in the clock means start over and catch up from the last seq
		// (wall screens only, and only while shown: a hidden tab's timers are slowed on purpose)
		let beat = Date.now();
		const watch = setInterval(() => {
			const now = Date.now();
			const woke = now - beat > 10_000 && document.visibilityState === 'visible';
			if (as === 'display' && woke && socket.connected) socket.disconnect().connect();
			beat = now;
		}, 2000);
		return () => {
			clearInterval(watch);
			window.removeEventListener('offline', onOffline);
			window.removeEventListener('online', onOnline);
			if (this.#socket === socket) this.disconnect();
		};
	}

	disconnect(): void {
		this.#socket?.disconnect();
		this.#socket = null;
	}

	onEvent(listener: (event: LiveEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	get connected(): boolean {
		return this.status === 'live';
	}

	/** One attempt at a command; null when no answer came (offline, timeout): try again later, same id. */
	async trySend(command: Command, timeoutMs = 10_000): Promise<CommandResult | null> {
		const socket = this.#socket;
		if (!socket?.connected) return null;
		try {
			return await socket.timeout(timeoutMs).emitWithAck('command', command);
		} catch {
			return null;
		}
	}

	/** One attempt at a batch of positions; null when no answer came. */
	async trySendPositions(
		batch: { truckId: string; fixes: Fix[] },
		timeoutMs = 15_000
	): Promise<PositionsAck | null> {
		const socket = this.#socket;
		if (!socket?.connected) return null;
		try {
			return await socket.timeout(timeoutMs).emitWithAck('positions', batch);
		} catch {
			return null;
		}
	}

	/** The live socket for requests that are not commands (fleet views, tracks, position frames). */
	get socket(): LiveSocket | null {
		return this.#socket;
	}

	/** The trucks' position frames (ops room and displays only). */
	onPositions(listener: (frame: PositionFrame) => void): () => void {
		this.#frameListeners.add(listener);
		return () => this.#frameListeners.delete(listener);
	}

	/** Calls back on every (re)connection, after the missed events were applied. */
	onLive(listener: () => void): () => void {
		this.#liveListeners.add(listener);
		return () => this.#liveListeners.delete(listener);
	}

	/** One new event, in order (the catch-up has checked it is new). */
	#apply(event: LiveEvent): void {
		this.seq = event.seq;
		this.lastUpdate = Date.now();
		for (const listener of this.#listeners) listener(event);
		// a new setup or a new demo day: every page starts from a fresh picture
		if (event.type === 'demo.day_restarted' || event.type === 'scenario.imported') void invalidateAll();
	}

	#lost(status: 'reconnecting' | 'offline'): void {
		this.status = status;
		this.lostAt ??= Date.now();
	}

	async #syncClock(socket: LiveSocket): Promise<void> {
		const sent = Date.now();
		try {
			const answer = await socket.timeout(10_000).emitWithAck('clock');
			if (!answer) return; // asked too often: keep the offset learned from the page load
			const { serverNow, day, userId } = answer;
			const received = Date.now();
			this.offset = serverNow - (sent + received) / 2;
			this.day = day;
			this.userId = userId;
			savedOffset.save(this.offset);
		} catch {
			// keep the offset learned from the page load
		}
	}

	async #resync(socket: LiveSocket): Promise<void> {
		const outcome = await this.#catchUp.run(
			(afterSeq) => socket.timeout(30_000).emitWithAck('sync', afterSeq),
			async (seq) => {
				this.seq = seq;
				await invalidateAll();
			}
		);
		if (outcome === 'failed') socket.disconnect().connect(); // no answer: start over
		if (outcome !== 'live' && outcome !== 'snapshot') return;
		this.status = 'live';
		this.lostAt = null;
		this.lastUpdate = Date.now();
		for (const listener of this.#liveListeners) listener();
	}
}

export const live = new LiveConnection();
