/**
 * How many live connections one sign-in (a browser's session, a display link) and one address
 * may hold. A page needs one; a browser with a few tabs a few. Without a limit one stolen
 * cookie opened 10,000 sockets and grew the server by 120 MB.
 */
export interface ConnectionKey {
	key: string;
	max: number;
}

export class ConnectionCounts {
	#open = new Map<string, number>();

	/** Takes a place under every key, or none: the first key that is full is returned. */
	take(keys: ConnectionKey[]): ConnectionKey | null {
		const full = keys.find(({ key, max }) => max > 0 && (this.#open.get(key) ?? 0) >= max);
		if (full) return full;
		for (const { key } of keys) this.#open.set(key, (this.#open.get(key) ?? 0) + 1);
		return null;
	}

	/** Gives back the places a closed connection held. */
	give(keys: ConnectionKey[]): void {
		for (const { key } of keys) {
			const left = (this.#open.get(key) ?? 1) - 1;
			if (left > 0) this.#open.set(key, left);
			else this.#open.delete(key);
		}
	}
}
