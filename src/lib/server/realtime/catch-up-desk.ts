/**
 * Where reconnecting clients' catch-ups (`sync`) wait their turn. A catch-up reads the log on
 * the main thread, so without limits one socket asking a hundred times at once stalls every
 * other client: here each socket has at most one catch-up waiting or running, a small bucket of
 * them refilling over time, and catch-ups run one per turn of the event loop, so commands and
 * other sockets' frames go between them. A socket asking beyond that is told to ask again later
 * (`busy`), which costs the server nothing.
 */
export interface CatchUpLimits {
	/** catch-ups a socket may ask for in a row */
	burst: number;
	/** one more every this many ms */
	refillMs: number;
}

interface Bucket {
	tokens: number;
	at: number;
}

export class CatchUpDesk {
	#limits: CatchUpLimits;
	#now: () => number;
	#buckets = new Map<string, Bucket>();
	#waiting = new Set<string>();
	#queue: { socketId: string; run: () => void }[] = [];
	#draining = false;

	constructor(limits: CatchUpLimits, now: () => number = Date.now) {
		this.#limits = limits;
		this.#now = now;
	}

	/**
	 * Runs `run` in its turn, or answers `busy(retryInMs)` now: the socket already has a catch-up
	 * waiting, or has asked too often.
	 */
	ask(socketId: string, run: () => void, busy: (retryInMs: number) => void): void {
		if (this.#waiting.has(socketId)) return busy(this.#limits.refillMs);
		const bucket = this.#refilled(socketId);
		if (bucket.tokens < 1) return busy(Math.ceil((1 - bucket.tokens) * this.#limits.refillMs));
		bucket.tokens -= 1;
		this.#waiting.add(socketId);
		this.#queue.push({ socketId, run });
		this.#drain();
	}

	/** A socket went away: its bucket is dropped (what it queued still runs and answers no one). */
	forget(socketId: string): void {
		this.#buckets.delete(socketId);
	}

	#refilled(socketId: string): Bucket {
		const now = this.#now();
		const bucket = this.#buckets.get(socketId) ?? { tokens: this.#limits.burst, at: now };
		bucket.tokens = Math.min(this.#limits.burst, bucket.tokens + (now - bucket.at) / this.#limits.refillMs);
		bucket.at = now;
		this.#buckets.set(socketId, bucket);
		return bucket;
	}

	#drain(): void {
		if (this.#draining) return;
		this.#draining = true;
		setImmediate(() => {
			this.#draining = false;
			const next = this.#queue.shift();
			if (!next) return;
			this.#waiting.delete(next.socketId);
			try {
				next.run();
			} finally {
				if (this.#queue.length) this.#drain();
			}
		});
	}
}
