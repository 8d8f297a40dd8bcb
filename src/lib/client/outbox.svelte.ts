/**
 * The outbox of a phone or tablet in the street: commands and positions are written to
 * IndexedDB first and sent when the connection allows, each command exactly once (its id).
 * Closing the tab or losing the network loses nothing; the page shows what waits.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Fix } from '$lib/trucks/types';
import type { Command, CommandResult } from '$lib/types';
import { live } from './live.svelte';

interface OutboxSchema extends DBSchema {
	commands: { key: string; value: Command & { queuedAt: number } };
	positions: { key: number; value: { truckId: string; fix: Fix } };
}

export interface Refusal {
	type: string;
	message: string;
}

const positionBatch = 300;

export class Outbox {
	pendingCommands = $state(0);
	pendingPositions = $state(0);
	lastSync = $state<number | null>(null);
	/** the last command the server refused (it will not be retried) */
	refused = $state<Refusal | null>(null);
	/** IndexedDB could not be opened: changes are not kept across reloads */
	unavailable = $state(false);

	#db: Promise<IDBPDatabase<OutboxSchema>> | null = null;
	#flushing = false;
	// resolvers waiting for answers, not state anything renders
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#results = new Map<string, (result: CommandResult) => void>();

	get pending(): number {
		return this.pendingCommands + this.pendingPositions;
	}

	/** Opens the outbox of this browser for one account; sends what waits whenever the socket is live. */
	open(name: string): () => void {
		this.#db = openDB<OutboxSchema>(`khai-mac-outbox-${name}`, 1, {
			upgrade(db) {
				db.createObjectStore('commands', { keyPath: 'id' });
				db.createObjectStore('positions', { autoIncrement: true });
			}
		});
		this.#db.catch(() => (this.unavailable = true));
		void navigator.storage?.persist?.();
		void this.#count();
		const stopLive = live.onLive(() => void this.flush());
		const timer = setInterval(() => void this.flush(), 3000);
		return () => {
			stopLive();
			clearInterval(timer);
		};
	}

	/** Queues a command; resolves with the server's answer when it comes (maybe much later). */
	async send(type: string, payload: unknown): Promise<CommandResult> {
		const command = { id: crypto.randomUUID(), type, payload, queuedAt: Date.now() };
		const db = await this.#db!;
		await db.put('commands', command);
		this.pendingCommands++;
		const answer = new Promise<CommandResult>((resolve) => this.#results.set(command.id, resolve));
		void this.flush();
		return answer;
	}

	async addFix(truckId: string, fix: Fix): Promise<void> {
		const db = await this.#db!;
		await db.add('positions', { truckId, fix });
		this.pendingPositions++;
	}

	async flush(): Promise<void> {
		if (this.#flushing || !this.#db || !live.connected) return;
		this.#flushing = true;
		try {
			const db = await this.#db;
			// commands first and in order: a press made offline happened before later positions matter
			const commands = (await db.getAll('commands')).sort((a, b) => a.queuedAt - b.queuedAt);
			for (const { queuedAt: _queuedAt, ...command } of commands) {
				const result = await live.trySend(command);
				if (!result) return; // no answer: keep it, same id next time
				if (!result.ok && result.code === 'internal') return;
				await db.delete('commands', command.id);
				if (!result.ok) this.refused = { type: command.type, message: result.message };
				this.#results.get(command.id)?.(result);
				this.#results.delete(command.id);
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
		} finally {
			this.#flushing = false;
			await this.#count();
		}
	}

	async #count(): Promise<void> {
		if (!this.#db) return;
		try {
			const db = await this.#db;
			this.pendingCommands = await db.count('commands');
			this.pendingPositions = await db.count('positions');
		} catch {
			this.unavailable = true;
		}
	}
}

export const outbox = new Outbox();
