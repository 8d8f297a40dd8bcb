/**
 * A connection that goes on asking after it was told to wait. Every limit here answers cheaply
 * (`busy` with when to ask again, `rate_limited`, `forbidden`), but each answer still costs the
 * server a message read, parsed and answered: a client flooding past its limits at thousands a
 * second still takes a share of the event loop. The app's pages wait as told and never send what
 * their role may not, so a connection that has earned many such answers in a row is not one of
 * them: it is let go, and its sign-in may not connect again for a while (KHAIMAC_COOL_DOWN_S).
 */
import { TokenBuckets } from '../token-buckets';

/** refusals a connection may earn at once, then a second (a page catching up after a dead spot earns a few) */
const allowance = { burst: 100, perSecond: 5 };
/** cooling sign-ins are swept of the expired once there are this many */
const sweepAbove = 1000;

export class Strikes {
	#refusals = new TokenBuckets(allowance.burst, allowance.perSecond);
	#coolingUntil = new Map<string, number>();
	readonly #coolMs: number;

	constructor(coolSeconds: number) {
		this.#coolMs = coolSeconds * 1000;
	}

	/**
	 * Counts a refusal against a connection; true when it has now earned too many: then let it go
	 * (its sign-in cools down from now).
	 */
	strike(socketId: string, signIn: string, now: number): boolean {
		if (this.#coolMs <= 0) return false;
		if (this.#refusals.waitFor(socketId, now) === 0) {
			this.#refusals.take(socketId, now);
			return false;
		}
		if (this.#coolingUntil.size > sweepAbove)
			for (const [key, until] of this.#coolingUntil) if (until <= now) this.#coolingUntil.delete(key);
		this.#coolingUntil.set(signIn, now + this.#coolMs);
		return true;
	}

	/** Milliseconds before the sign-in may connect again (0: it may now). */
	coolingFor(signIn: string, now: number): number {
		return Math.max(0, (this.#coolingUntil.get(signIn) ?? 0) - now);
	}
}
