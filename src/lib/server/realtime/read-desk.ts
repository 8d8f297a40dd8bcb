/**
 * Where a socket's expensive reads (a catch-up after a reconnection, a track for a replay) wait
 * their turn. They run on the main thread, so without limits one client asking a hundred times
 * at once stalls every other: here each sign-in (a browser's session, a display link) has at
 * most one read waiting or running, and a bucket of them refilling over time; reads run one per
 * turn of the event loop, so commands and position frames go between them. Asking beyond that
 * is answered `busy` with when to ask again, which costs the server nothing. Keyed by sign-in,
 * not socket: a new socket does not bring a new bucket.
 */
export interface DeskLimits {
	/** reads a sign-in may ask for in a row */
	burst: number;
	/** one more every this many ms */
	refillMs: number;
}

interface Bucket {
	tokens: number;
	at: number;
}

/** Buckets are swept of the full ones (nobody asked for a while) once there are this many. */
const sweepAbove = 1000;

export class ReadDesk {
	#limits: DeskLimits;
	#now: () => number;
	#buckets = new Map<string, Bucket>();
	#waiting = new Set<string>();
	#queue: { key: string; run: () => void }[] = [];
	#draining = false;

	constructor(limits: DeskLimits, now: () => number = Date.now) {
		this.#limits = limits;
		this.#now = now;
	}

	/**
	 * Runs `run` in its turn, or answers `busy(retryInMs)` now: the sign-in already has a read
	 * waiting, or has asked too often.
	 */
	ask(key: string, run: () => void, busy: (retryInMs: number) => void): void {
		if (this.#waiting.has(key)) return busy(this.#limits.refillMs);
		const bucket = this.#refilled(key);
		if (bucket.tokens < 1) return busy(Math.ceil((1 - bucket.tokens) * this.#limits.refillMs));
		bucket.tokens -= 1;
		this.#waiting.add(key);
		this.#queue.push({ key, run });
		this.#drain();
	}

	#refilled(key: string): Bucket {
		const now = this.#now();
		if (this.#buckets.size > sweepAbove) this.#sweep(now);
		const bucket = this.#buckets.get(key) ?? { tokens: this.#limits.burst, at: now };
		bucket.tokens = Math.min(this.#limits.burst, bucket.tokens + (now - bucket.at) / this.#limits.refillMs);
		bucket.at = now;
		this.#buckets.set(key, bucket);
		return bucket;
	}

	/** A full bucket is what a new one would be: dropped, so the map holds only recent askers. */
	#sweep(now: number): void {
		const { burst, refillMs } = this.#limits;
		for (const [key, b] of this.#buckets)
			if (b.tokens + (now - b.at) / refillMs >= burst && !this.#waiting.has(key)) this.#buckets.delete(key);
	}

	#drain(): void {
		if (this.#draining) return;
		this.#draining = true;
		setImmediate(() => {
			this.#draining = false;
			const next = this.#queue.shift();
			if (!next) return;
			this.#waiting.delete(next.key);
			try {
				next.run();
			} catch (error) {
				// the reads answer their own failures; this only keeps the queue going
				console.error('[realtime] a read failed', error);
			} finally {
				if (this.#queue.length) this.#drain();
			}
		});
	}
}
