/**
 * The first few of a kind in a window, then one count for the rest: a flood of the same refusal
 * leaves at most `keep` + 1 lines a window in the audit table and the server's log, however
 * long it goes on.
 */
interface Window<T> {
	since: number;
	kept: number;
	over: number;
	last: T;
}

export class Sampler<T> {
	#windows = new Map<string, Window<T>>();
	#timer: ReturnType<typeof setInterval> | null = null;

	constructor(
		private readonly options: {
			keep: number;
			windowMs: number;
			/** one item as it came (`times` 1), or the last of a window's surplus with their count */
			write: (item: T, times: number) => void;
		}
	) {}

	add(key: string, item: T, now = Date.now()): void {
		let window = this.#windows.get(key);
		if (window && now - window.since >= this.options.windowMs) {
			this.#close(key, window);
			window = undefined;
		}
		if (!window) {
			window = { since: now, kept: 0, over: 0, last: item };
			this.#windows.set(key, window);
			this.#watch();
		}
		if (window.kept < this.options.keep) {
			window.kept++;
			this.options.write(item, 1);
		} else {
			window.over++;
			window.last = item;
		}
	}

	/** Writes the count of every window that has ended by `now`. */
	flush(now = Date.now()): void {
		for (const [key, window] of this.#windows)
			if (now - window.since >= this.options.windowMs) this.#close(key, window);
		if (this.#windows.size === 0) this.#stop();
	}

	/** Forgets every window, unwritten counts included. */
	clear(): void {
		this.#windows.clear();
		this.#stop();
	}

	#close(key: string, window: Window<T>): void {
		this.#windows.delete(key);
		if (window.over > 0) this.options.write(window.last, window.over);
	}

	/** While a window is open, its count is written soon after it ends, even if the flood stopped. */
	#watch(): void {
		if (this.#timer) return;
		this.#timer = setInterval(() => this.flush(), this.options.windowMs / 6);
		this.#timer.unref?.();
	}

	#stop(): void {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}
}
