/**
 * How fast one client may send commands: a token bucket per socket and one per actor (an
 * account or a display link, over all its sockets and forms). A bucket holds `burst` commands
 * and refills `perSecond`; a command takes one token from each of its buckets, or from none,
 * and a large one more once it has been read (one per 8 KB it carries): a burst of forty-kilobyte
 * drafts is not three hundred commands' worth of work let in at once.
 */
import type { Actor } from '../access';
import { config } from '../config';
import { TokenBuckets } from '../token-buckets';

/** Where a command came from: its socket (none for a form), whether the demo simulator sent it. */
export interface Origin {
	clientId?: string | null;
	demo?: boolean;
}

/** a command's size (characters of its JSON) that costs one token; a tick or an ordinary draft is far less */
export const sizePerToken = 8 * 1024;

/** The server's own actors are not limited: the command line, the fleet watcher, the demo simulator. */
function keysOf(actor: Actor, ctx: Origin): string[] {
	if (actor.kind === 'system' || ctx.demo) return [];
	const own = actor.kind === 'user' ? `user:${actor.userId}` : `display:${actor.linkId}`;
	return ctx.clientId ? [own, `socket:${ctx.clientId}`] : [own];
}

/**
 * The limits in force. An actor may spend twice a socket's: a coordinator on a laptop and a
 * phone, or one display link on several screens, each get a socket's worth.
 */
export class CommandLimits {
	#sockets: TokenBuckets;
	#actors: TokenBuckets;

	constructor(burst: number, perSecond: number) {
		this.#sockets = new TokenBuckets(burst, perSecond);
		this.#actors = new TokenBuckets(burst * 2, perSecond * 2);
	}

	get enabled(): boolean {
		return this.#sockets.perSecond > 0 && this.#sockets.burst > 0;
	}

	/**
	 * Takes a token for a command from each of its buckets: 0 when it may go, else the
	 * milliseconds until it may (nothing taken then).
	 */
	admit(actor: Actor, ctx: Origin, now: number): number {
		if (!this.enabled) return 0;
		const keys = keysOf(actor, ctx);
		const wait = Math.max(0, ...keys.map((key) => this.#bucketOf(key).waitFor(key, now)));
		if (wait === 0) for (const key of keys) this.#bucketOf(key).take(key, now);
		return wait;
	}

	/**
	 * Charges a command already admitted for its size: a token for every `sizePerToken` past the
	 * first, taken without refusing it (the buckets may go below empty: the next commands wait).
	 */
	chargeForSize(actor: Actor, ctx: Origin, size: number, now: number): void {
		const extra = Math.ceil(size / sizePerToken) - 1;
		if (!this.enabled || extra <= 0) return;
		for (const key of keysOf(actor, ctx)) this.#bucketOf(key).take(key, now, extra);
	}

	#bucketOf(key: string): TokenBuckets {
		return key.startsWith('socket:') ? this.#sockets : this.#actors;
	}

	/** Every bucket full again. */
	clear(): void {
		this.#sockets.clear();
		this.#actors.clear();
	}
}

export const commandLimits = new CommandLimits(config.commandBurst, config.commandRate);
