/**
 * Places held at once under keys, each with its most: the live connections of one sign-in and
 * of one address (realtime: without a limit one stolen cookie opened 10,000 sockets and grew the
 * server by 120 MB), the files of one account being read (http/upload-budget.ts).
 */
export interface PlaceKey {
	key: string;
	max: number;
}

export class Places {
	#held = new Map<string, number>();

	/** Whether every place under `key` is taken. */
	isFull({ key, max }: PlaceKey): boolean {
		return max > 0 && (this.#held.get(key) ?? 0) >= max;
	}

	/**
	 * Takes a place under every key, or none when one is full (null). Answers the give-back, which
	 * may be called from several ends (whichever comes first): only the first gives back.
	 */
	hold(keys: PlaceKey[]): (() => void) | null {
		if (keys.some((place) => this.isFull(place))) return null;
		for (const { key } of keys) this.#held.set(key, (this.#held.get(key) ?? 0) + 1);
		let given = false;
		return () => {
			if (given) return;
			given = true;
			for (const { key } of keys) {
				const left = (this.#held.get(key) ?? 1) - 1;
				if (left > 0) this.#held.set(key, left);
				else this.#held.delete(key);
			}
		};
	}
}
