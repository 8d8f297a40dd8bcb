/**
 * The outbox of a phone or tablet in the street: commands, their photos and positions are
 * written to IndexedDB first and sent when the connection allows, each command exactly once
 * (its id). A command's photos are uploaded before it; one the server refuses is set aside
 * for the page to ask for again, and the command goes on with the others. Closing the tab or
 * losing the network loses nothing; the page shows what waits.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Fix } from '$lib/trucks/types';
import type { CommandPayload, CommandType } from '$lib/commands';
import { say, type Said } from '$lib/i18n';
import type { Command, CommandResult } from '$lib/types';
import { settles, throttledFor } from './command-answer';
import { live } from './live.svelte';
import { uploadPhoto } from './photo-upload';

export interface QueuedCommand<T extends CommandType = CommandType> extends Command<T, CommandPayload<T>> {
	queuedAt: number;
	/** upload ids of the photos this command refers to */
	photos?: string[];
}

/** A queued command of this type (queue() stores each payload with its own type). */
export function isQueued<T extends CommandType>(
	command: QueuedCommand,
	type: T
): command is QueuedCommand<T> {
	return command.type === type;
}

interface QueuedPhoto {
	id: string;
	unitId: string;
	blob: Blob;
	sent: number;
	photoId: string | null;
	/** the server refused it: kept (with what it was for) until the user takes another one */
	refused?: Omit<RefusedPhoto, 'id'>;
}

interface OutboxSchema extends DBSchema {
	commands: { key: string; value: QueuedCommand };
	positions: { key: number; value: { truckId: string; fix: Fix } };
	photos: { key: string; value: QueuedPhoto };
}

export interface Refusal {
	type: string;
	message: string;
	payload?: unknown;
}

/** A photo the server refused (unreadable, too large), and the command it was sent with. */
export interface RefusedPhoto {
	id: string;
	type: CommandType;
	payload: unknown;
	message: string;
}

export interface NewPhoto {
	id: string;
	unitId: string;
	blob: Blob;
}

const positionBatch = 300;

export class Outbox {
	/** commands waiting to be sent, oldest first (without their photos) */
	queued = $state<QueuedCommand[]>([]);
	pendingPositions = $state(0);
	pendingPhotos = $state(0);
	/** the photo being sent now: bytes sent of its size */
	uploading = $state<{ id: string; sent: number; size: number } | null>(null);
	lastSync = $state<number | null>(null);
	/** the last command the server refused (it will not be retried) */
	refused = $state<Refusal | null>(null);
	/** photos the server refused, to be taken or chosen again (their commands went on without them) */
	refusedPhotos = $state<RefusedPhoto[]>([]);
	/** IndexedDB could not be opened: changes are not kept across reloads */
	unavailable = $state(false);
	/** the browser promised not to clear this storage when space runs low */
	persisted = $state<boolean | null>(null);
	/**
	 * why what waits is not being sent now (signed out, another account, throttled): the server's
	 * words, or ours to say in the reader's language
	 */
	held = $state<Said | string | null>(null);

	#db: Promise<IDBPDatabase<OutboxSchema>> | null = null;
	/** the account whose changes these are: never sent through another account's connection */
	#userId: number | null = null;
	#flushing = false;
	/**
	 * a flush was asked for while one ran (a tick queued meanwhile): run again as soon as it ends,
	 * not at the next timer 3 s later; the running one read its list of commands before the tick
	 */
	#again = false;
	/** when the server said "too fast": not before this time (ms) */
	#notBefore = 0;
	/** where lastSync is kept, so a reload offline still says when the device last got through */
	#syncKey: string | null = null;
	// resolvers waiting for answers, not state anything renders
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#results = new Map<string, (result: CommandResult) => void>();
	/** commands whose caller shows their refusal itself */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#saidByCaller = new Set<string>();

	get pendingCommands(): number {
		return this.queued.length;
	}

	get pending(): number {
		return this.pendingCommands + this.pendingPositions;
	}

	/**
	 * Opens this browser's outbox of one account (`userId` when the page knows it); sends what
	 * waits whenever the socket is live and signed in as that account.
	 */
	open(name: string, userId: number | null = null): () => void {
		this.#userId = userId;
		this.#db = openDB<OutboxSchema>(`khai-mac-outbox-${name}`, 2, {
			upgrade(db, oldVersion) {
				if (oldVersion < 1) {
					db.createObjectStore('commands', { keyPath: 'id' });
					db.createObjectStore('positions', { autoIncrement: true });
				}
				if (oldVersion < 2) db.createObjectStore('photos', { keyPath: 'id' });
			}
		});
		this.#db.catch(() => (this.unavailable = true));
		this.#syncKey = `khai-mac-last-sync-${name}`;
		this.lastSync = Number(readStorage(this.#syncKey)) || null;
		void navigator.storage
			?.persist?.()
			.then((granted) => (this.persisted = granted))
			.catch(() => (this.persisted = false));
		void this.#count();
		const stopLive = live.onLive(() => void this.flush());
		const timer = setInterval(() => void this.flush(), 3000);
		return () => {
			stopLive();
			clearInterval(timer);
		};
	}

	/**
	 * Queues a command (and the photos it refers to, stored with it); resolves once it is kept
	 * on this device (rejects when it could not be), with the server's answer to come later.
	 * `saysRefusal`: the caller shows a refusal itself, so the outbox's banner does not say it twice.
	 */
	async queue<T extends CommandType>(
		type: T,
		payload: CommandPayload<T>,
		photos: NewPhoto[] = [],
		{ saysRefusal = false }: { saysRefusal?: boolean } = {}
	): Promise<{ id: string; answer: Promise<CommandResult> }> {
		const command: QueuedCommand<T> = {
			id: crypto.randomUUID(),
			type,
			payload,
			queuedAt: Date.now(),
			photos: photos.map((p) => p.id)
		};
		if (!this.#db) throw new Error('outbox not open');
		const db = await this.#db;
		const tx = db.transaction(['commands', 'photos'], 'readwrite');
		for (const photo of photos) await tx.objectStore('photos').put({ ...photo, sent: 0, photoId: null });
		await tx.objectStore('commands').put(command);
		await tx.done;
		this.queued = [...this.queued, command];
		this.pendingPhotos += photos.length;
		if (saysRefusal) this.#saidByCaller.add(command.id);
		const answer = new Promise<CommandResult>((resolve) => this.#results.set(command.id, resolve));
		void this.flush();
		return { id: command.id, answer };
	}

	/** What waits to be sent of one command type. */
	queuedOf<T extends CommandType>(type: T): QueuedCommand<T>[] {
		return this.queued.filter((c) => isQueued(c, type));
	}

	/** Queues a command and waits for the server's answer (maybe much later), to show it. */
	async send<T extends CommandType>(type: T, payload: CommandPayload<T>): Promise<CommandResult> {
		return (await this.queue(type, payload, [], { saysRefusal: true })).answer;
	}

	/** Forgets a refused photo (another one was taken, or the user let it go). */
	async forgetPhoto(id: string): Promise<void> {
		await (await this.#db)?.delete('photos', id);
		await this.#count();
	}

	/** A queued photo, for a preview while it waits. */
	async photo(id: string): Promise<Blob | undefined> {
		return (await (await this.#db)?.get('photos', id))?.blob;
	}

	async addFix(truckId: string, fix: Fix): Promise<void> {
		const db = await this.#db!;
		await db.add('positions', { truckId, fix });
		this.pendingPositions++;
	}

	async flush(): Promise<void> {
		if (this.#flushing) {
			this.#again = true;
			return;
		}
		if (!this.#db || !live.connected || Date.now() < this.#notBefore) return;
		if (this.#userId !== null && live.userId !== null && live.userId !== this.#userId) {
			this.held = say('outbox.otherAccount');
			return;
		}
		this.held = null;
		this.#flushing = true;
		try {
			const db = await this.#db;
			// commands first and in order: a press made offline happened before later positions matter
			const commands = (await db.getAll('commands')).sort((a, b) => a.queuedAt - b.queuedAt);
			for (const queued of commands) {
				const ready = await this.#sendPhotos(db, queued);
				if (ready === 'later') return;
				const { queuedAt: _queuedAt, photos = [], ...command } = ready;
				const result = await live.trySend(command);
				// no answer, a failure or "too fast": keep it (same id next time), the rest waits behind it
				if (!result || !settles(result)) {
					const wait = throttledFor(result);
					if (wait !== null && result && !result.ok) this.#holdFor(wait, result.message);
					return;
				}
				const tx = db.transaction(['commands', 'photos'], 'readwrite');
				await tx.objectStore('commands').delete(command.id);
				for (const id of photos) await tx.objectStore('photos').delete(id);
				await tx.done;
				const caller = this.#results.get(command.id);
				// the banner for a refusal nobody else shows (a caller that went with a reload, a tick)
				if (!result.ok && !(caller && this.#saidByCaller.has(command.id)))
					this.refused = { type: command.type, message: result.message, payload: command.payload };
				caller?.(result);
				this.#results.delete(command.id);
				this.#saidByCaller.delete(command.id);
				await this.#count();
			}
			for (;;) {
				const tx = db.transaction('positions');
				const keys = await tx.store.getAllKeys(undefined, positionBatch);
				const rows = await tx.store.getAll(undefined, positionBatch);
				if (keys.length === 0) break;
				const truckId = rows[0].truckId;
				const batch = keys.flatMap((key, i) =>
					rows[i].truckId === truckId ? [{ key, fix: rows[i].fix }] : []
				);
				const ack = await live.trySendPositions({ truckId, fixes: batch.map((b) => b.fix) });
				if (!ack) return;
				// refused fixes (bad time, other truck) are dropped too: sending them again cannot help
				await Promise.all(batch.map((b) => db.delete('positions', b.key)));
				if (!ack.ok) this.refused = { type: 'positions', message: ack.message };
				if (batch.length < positionBatch && keys.length === batch.length) break;
			}
			this.lastSync = Date.now();
			if (this.#syncKey) writeStorage(this.#syncKey, String(this.lastSync));
		} finally {
			this.#flushing = false;
			this.uploading = null;
			await this.#count();
			if (this.#again) {
				this.#again = false;
				void this.flush();
			}
		}
	}

	/** The server said "too fast": nothing is sent until `ms` from now, then everything waiting goes. */
	#holdFor(ms: number, message: string): void {
		this.held = message;
		this.#notBefore = Date.now() + ms;
		setTimeout(() => void this.flush(), ms);
	}

	/**
	 * Uploads a command's photos, one by one; resumes a photo that was cut off. Returns the
	 * command to send: without the photos the server refused (kept aside, kept so on disk).
	 */
	async #sendPhotos(
		db: IDBPDatabase<OutboxSchema>,
		command: QueuedCommand
	): Promise<QueuedCommand | 'later'> {
		const refused: string[] = [];
		for (const id of command.photos ?? []) {
			const photo = await db.get('photos', id);
			if (!photo || photo.photoId) continue;
			if (photo.refused) {
				refused.push(id); // set aside on an earlier try that got no answer
				continue;
			}
			this.uploading = { id, sent: photo.sent, size: photo.blob.size };
			const outcome = await uploadPhoto(photo, async (sent) => {
				this.uploading = { id, sent, size: photo.blob.size };
				await db.put('photos', { ...photo, sent });
			});
			if (outcome.kind === 'later') {
				await db.put('photos', { ...photo, sent: outcome.sent });
				// told when: sent again then (and nothing else meanwhile); otherwise at the next chance
				if (outcome.retryInMs !== undefined && outcome.message)
					this.#holdFor(outcome.retryInMs, outcome.message);
				else if (outcome.message) this.held = outcome.message;
				return 'later';
			}
			if (outcome.kind === 'refused') {
				const why = { type: command.type, payload: command.payload, message: outcome.message };
				await db.put('photos', { ...photo, refused: why });
				refused.push(id);
				continue;
			}
			await db.put('photos', { ...photo, sent: photo.blob.size, photoId: outcome.photoId });
		}
		if (refused.length === 0) return command;
		const rest = withoutPhotos(command, refused);
		await db.put('commands', rest);
		await this.#count();
		return rest;
	}

	async #count(): Promise<void> {
		if (!this.#db) return;
		try {
			const db = await this.#db;
			this.queued = (await db.getAll('commands')).sort((a, b) => a.queuedAt - b.queuedAt);
			this.pendingPositions = await db.count('positions');
			const photos = await db.getAll('photos');
			this.pendingPhotos = photos.filter((p) => !p.photoId && !p.refused).length;
			this.refusedPhotos = photos.flatMap((p) => (p.refused ? [{ id: p.id, ...p.refused }] : []));
		} catch {
			this.unavailable = true;
		}
	}
}

/** The command without these photos: its payload names its photos in `uploads`. */
function withoutPhotos(command: QueuedCommand, ids: string[]): QueuedCommand {
	const keep = (id: string) => !ids.includes(id);
	const payload = command.payload as { uploads?: unknown };
	return {
		...command,
		photos: command.photos?.filter(keep),
		payload: Array.isArray(payload.uploads) ? { ...payload, uploads: payload.uploads.filter(keep) } : payload
	} as QueuedCommand;
}

/** localStorage, which a private window or a full disk may refuse: the outbox works without it */
function readStorage(key: string): string | null {
	try {
		return localStorage.getItem(key);
	} catch {
		return null;
	}
}

function writeStorage(key: string, value: string): void {
	try {
		localStorage.setItem(key, value);
	} catch {
		// the time of the last sync is a courtesy; losing it loses no change
	}
}

export const outbox = new Outbox();
