/**
 * Token buckets by key: each holds `burst` tokens and refills `perSecond`; taking what a key has
 * not got is refused by the caller after asking `waitFor`. Commands take one token each (commands/
 * rate-limit.ts), uploads their bytes (http/upload-budget.ts). In memory: a restart forgives
 * everyone, which costs nothing worth keeping.
 */
interface Bucket {
	tokens: number;
	at: number;
}

export class TokenBuckets {
	#buckets = new Map<string, Bucket>();
	#sweptAt = 0;

	constructor(
		readonly burst: number,
		readonly perSecond: number
	) {}

	/** The bucket of `key` as of `now`, refilled for the time since it was last used. */
	#at(key: string, now: number): Bucket {
		const bucket = this.#buckets.get(key);
		if (!bucket) return { tokens: this.burst, at: now };
		// a clock set back refills nothing
		const refill = (Math.max(0, now - bucket.at) / 1000) * this.perSecond;
		return { tokens: Math.min(this.burst, bucket.tokens + refill), at: now };
	}

	/**
	 * Milliseconds until `key` has `cost` tokens (0: it has them now). Takes nothing. A cost over
	 * the burst waits for a full bucket.
	 */
	waitFor(key: string, now: number, cost = 1): number {
		const { tokens } = this.#at(key, now);
		const needed = Math.min(cost, this.burst);
		return tokens >= needed ? 0 : Math.ceil(((needed - tokens) / this.perSecond) * 1000);
	}

	take(key: string, now: number, cost = 1): void {
		const bucket = this.#at(key, now);
		this.#buckets.set(key, { tokens: bucket.tokens - cost, at: now });
		this.#sweep(now);
	}

	clear(): void {
		this.#buckets.clear();
	}

	/** Forgets full buckets once a minute, so a day of sockets that came and went weighs nothing. */
	#sweep(now: number): void {
		if (now - this.#sweptAt < 60_000) return;
		this.#sweptAt = now;
		for (const key of [...this.#buckets.keys()])
			if (this.#at(key, now).tokens >= this.burst) this.#buckets.delete(key);
	}
}
