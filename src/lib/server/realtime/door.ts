/**
 * Who may open a live connection. A sign-in cooling down (strikes.ts) or with all its places
 * taken, and an address with all its places taken, are refused in socket.io's middleware with a
 * code the app's pages understand: but only after the WebSocket upgrade, the connection's packets
 * and a read of the session. An attacker let go comes straight back, hundreds of times a second,
 * and those refusals were most of the server's work under flood (bench:abuse, profiled). So each
 * refusal is told with its code once every `retellMs`, and in between given at the door:
 * engine.io's allowRequest, before the upgrade, a 403 that says the same code and reads nothing
 * from the database. The 403 comes a second late (`answerLater`): an attacker's loop that comes
 * straight back then comes back once a second, not hundreds of times (each try is a connection
 * accepted, a request parsed and closed: most of what a flood cost once the refusals were cheap).
 * The door only turns away what the middleware would: it knows a session by
 * its cookie's hash and a display link by a token seen before. A browser holding both cookies is
 * turned away when either is (the handshake does not say which it will use).
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseCookies } from 'cookie';
import { hashToken, sessionCookie } from '../auth/session';
import { config } from '../config';
import { displayCookie } from '../displays/cookie';
import { Places, type PlaceKey } from '../places';
import { TokenBuckets } from '../token-buckets';
import { clientAddress } from '../client-address';
import type { Strikes } from './strikes';

export type Refusal = { code: 'too_many_requests'; retryInMs: number } | { code: 'too_many_connections' };

/** The sign-in a connection rides on, as rooms, strikes and places key it. */
export const sessionSignIn = (sessionId: string) => `session:${sessionId}`;
export const linkSignIn = (linkId: string) => `link:${linkId}`;

/** a refusal is told with its code this often per sign-in or address; turned away in between */
const retellMs = 10_000;
/** display links remembered by token; past this many, forgotten and learned again */
const linksRemembered = 10_000;
/** how long a turned-away handshake waits for its 403 */
const turnedAwayAfterMs = 1000;
/** handshakes waiting at once (each an open socket); past this many, answered at once */
const waitingAtMost = 512;

export class Door {
	#places = new Places();
	#told = new TokenBuckets(1, 1000 / retellMs);
	#linkByToken = new Map<string, string>();
	#waiting = 0;
	readonly #strikes: Strikes;

	constructor(strikes: Strikes) {
		this.#strikes = strikes;
	}

	#addressPlace(address: string): PlaceKey {
		return { key: `address:${address}`, max: config.socketsPerAddress };
	}

	/** The places a connection of `signIn` from `address` takes. */
	#placesOf(signIn: string, address: string): PlaceKey[] {
		const perSignIn = signIn.startsWith(linkSignIn(''))
			? config.socketsPerDisplayLink
			: config.socketsPerLogin;
		return [{ key: signIn, max: perSignIn }, this.#addressPlace(address)];
	}

	/** Why a connection of `signIn` (none: not known yet) from `address` may not open now, and under which key. */
	#refusal(signIn: string | null, address: string, now: number): { key: string; refusal: Refusal } | null {
		const cooling = signIn ? this.#strikes.coolingFor(signIn, now) : 0;
		if (signIn && cooling > 0)
			return { key: signIn, refusal: { code: 'too_many_requests', retryInMs: cooling } };
		const places = signIn ? this.#placesOf(signIn, address) : [this.#addressPlace(address)];
		const full = places.find((place) => this.#places.isFull(place));
		return full ? { key: full.key, refusal: { code: 'too_many_connections' } } : null;
	}

	/**
	 * engine.io's allowRequest, before a socket exists: the code to turn the request away with, or
	 * null to let it on to be authenticated. A refusal not told for a while is let on (and counted
	 * as told): the middleware tells it with its code.
	 */
	turnAway(req: IncomingMessage, now: number): Refusal['code'] | null {
		const cookies = parseCookies(req.headers.cookie ?? '');
		const session = cookies[sessionCookie];
		const link = cookies[displayCookie];
		const signIns = [
			session ? sessionSignIn(hashToken(session)) : null,
			link ? this.#linkByToken.get(link) : null
		].filter((signIn): signIn is string => !!signIn);
		const address = clientAddress(req.headers, req.socket.remoteAddress ?? '');
		for (const signIn of signIns.length ? signIns : [null]) {
			const found = this.#refusal(signIn, address, now);
			if (!found) continue;
			if (this.#told.waitFor(found.key, now) > 0) return found.refusal.code;
			this.#told.take(found.key, now);
		}
		return null;
	}

	/**
	 * Gives a turned-away handshake its answer a while later. A page turned away waits longer than
	 * that before it tries again (socket.io's backoff, or the retry time it was told).
	 */
	answerLater(answer: () => void): void {
		if (this.#waiting >= waitingAtMost) return answer();
		this.#waiting++;
		setTimeout(() => {
			this.#waiting--;
			answer();
		}, turnedAwayAfterMs).unref();
	}

	/** A display link's token seen authenticated: the door knows its sign-in from now on. */
	learnLink(token: string, signIn: string): void {
		if (this.#linkByToken.size >= linksRemembered) this.#linkByToken.clear();
		this.#linkByToken.set(token, signIn);
	}

	/**
	 * In the middleware, for an authenticated sign-in: a place under the sign-in and the address
	 * (the give-back, which gives once, whichever end calls it first), or why not.
	 */
	enter(signIn: string, address: string, now: number): { giveBack: () => void } | { refusal: Refusal } {
		const found = this.#refusal(signIn, address, now);
		if (found) return { refusal: found.refusal };
		const giveBack = this.#places.hold(this.#placesOf(signIn, address));
		return giveBack ? { giveBack } : { refusal: { code: 'too_many_connections' } };
	}
}
