/**
 * Catching up with the log after every (re)connection, each event once and in order. While the
 * missed events are being fetched, live events wait in a buffer; they are applied only after
 * the gap before them is filled. A catch-up that fails (no answer in time: a slow link, a
 * server restarting) applies nothing of the buffer: the next one starts again from the last
 * event applied, so an event after a gap is never applied before the gap. The server answers a
 * page at a time (asked again until no more) and may say it is busy (asked again when it says).
 *
 * Plain TypeScript (no runes, no socket): the live store and the tests run this same code.
 */
import type { LiveEvent, SyncResult } from '$lib/types';

/** live: caught up; snapshot: too far behind, the page data was reloaded; failed: no answer
 * (reconnect and try again); superseded: a newer catch-up owns the connection now */
export type CatchUpOutcome = 'live' | 'snapshot' | 'failed' | 'superseded';

export class CatchUp {
	#seq: number;
	#apply: (event: LiveEvent) => void;
	#catching = false;
	#buffer: LiveEvent[] = [];
	#attempts = 0;

	/** `seq`: the last event the page's data already holds; `apply`: one new event, in order */
	constructor(seq: number, apply: (event: LiveEvent) => void) {
		this.#seq = seq;
		this.#apply = apply;
	}

	/** The last event applied. */
	get seq(): number {
		return this.#seq;
	}

	/** A live event from the socket: applied now, or after the catch-up under way. */
	receive(event: LiveEvent): void {
		if (this.#catching) this.#buffer.push(event);
		else this.#take(event);
	}

	/**
	 * Asks for what came after the last event applied and applies it, then what arrived
	 * meanwhile. `reload` runs when the answer is a snapshot (the page reloads its data at `seq`).
	 */
	async run(
		ask: (afterSeq: number) => Promise<SyncResult>,
		reload: (seq: number) => Promise<void>
	): Promise<CatchUpOutcome> {
		const mine = ++this.#attempts;
		this.#catching = true;
		for (;;) {
			let result: SyncResult;
			try {
				result = await ask(this.#seq);
			} catch {
				if (mine !== this.#attempts) return 'superseded';
				// what arrived after the gap is asked for again by the next catch-up, from this.#seq
				this.#buffer = [];
				return 'failed';
			}
			// a newer connection's catch-up owns the buffer now: applying this late answer, or ending
			// the buffering under it, would let live events overtake what it brings
			if (mine !== this.#attempts) return 'superseded';
			if (result.kind === 'busy') {
				// the server serves catch-ups in turn: wait as told, still buffering
				await new Promise((resolve) => setTimeout(resolve, result.retryInMs));
				if (mine !== this.#attempts) return 'superseded';
				continue;
			}
			if (result.kind === 'snapshot') {
				this.#seq = Math.max(this.#seq, result.seq);
				await reload(result.seq);
				if (mine !== this.#attempts) return 'superseded';
			} else {
				for (const event of result.events) this.#take(event);
				this.#seq = Math.max(this.#seq, result.seq);
				if (result.more) continue;
			}
			this.#catching = false;
			for (const event of this.#buffer.splice(0)) this.#take(event);
			return result.kind === 'snapshot' ? 'snapshot' : 'live';
		}
	}

	#take(event: LiveEvent): void {
		if (event.seq <= this.#seq) return;
		this.#seq = event.seq;
		this.#apply(event);
	}
}
