/**
 * Live events go out to their audience a few sockets at a time, a few milliseconds a turn of the
 * event loop. Each socket's write is a system call (50–180 µs on the 2-core bench machine): one
 * event for the day's 2,000 sockets held the loop 80–105 ms in one piece, and a gate's command
 * waited behind it (bench:abuse, profiled: `writev` on top of every long stretch, quiet or under
 * flood). Between turns the loop answers what came in meanwhile. Sends leave in the order they
 * were asked for, each to all of its sockets before the next starts: every socket still gets
 * events in seq order (a page drops an event whose seq it has passed, so order is what it relies
 * on). A small audience with nothing queued ahead is sent to at once, as before.
 */
interface Send {
	sockets: string[];
	/** how many of `sockets` have been sent to */
	done: number;
	deliver: (to: string[]) => void;
}

export interface FanOutPace {
	/** how long one turn may write, in ms */
	turnMs: number;
	/** how many sockets are handed to one `deliver` */
	step: number;
}

export class FanOut {
	#queue: Send[] = [];
	#turn: NodeJS.Immediate | null = null;
	readonly #pace: FanOutPace;

	constructor(pace: FanOutPace) {
		this.#pace = pace;
	}

	/** Calls `deliver` with `sockets`, a step at a time, after every send asked for before. */
	send(sockets: string[], deliver: (to: string[]) => void): void {
		if (!sockets.length) return;
		this.#queue.push({ sockets, done: 0, deliver });
		// nothing ahead and no turn waiting: start now, in the caller's turn
		if (this.#queue.length === 1 && !this.#turn) this.#next();
	}

	/** Sends still going out. */
	get pending(): number {
		return this.#queue.length;
	}

	stop(): void {
		if (this.#turn) clearImmediate(this.#turn);
		this.#turn = null;
		this.#queue = [];
	}

	#next(): void {
		this.#turn = null;
		const started = performance.now();
		while (this.#queue.length && performance.now() - started < this.#pace.turnMs) {
			const head = this.#queue[0];
			const to = head.sockets.slice(head.done, head.done + this.#pace.step);
			head.done += to.length;
			if (head.done >= head.sockets.length) this.#queue.shift();
			try {
				head.deliver(to);
			} catch (error) {
				// one send that fails must not hold back the ones behind it
				console.error('[realtime] sending an event failed', error);
			}
		}
		if (this.#queue.length) this.#turn = setImmediate(() => this.#next());
	}
}
