/**
 * Work done a few at a time, taken in turn from each lane (a unit's photos): when a slot frees,
 * the lane served longest ago goes next, so one ward's backlog of forty photos holds another
 * ward's single photo back by at most the photos already in hand. A lane may have only so many
 * waiting; past that the work is refused at once (QueueFull) rather than left to wait its turn.
 */
export class QueueFull extends Error {}

interface Lane {
	waiting: (() => void)[];
	/** the turn at which this lane last got a slot (0: never) */
	served: number;
}

export class FairQueue {
	readonly #atOnce: number;
	readonly #maxWaiting: number;
	// kept when empty: a lane's last turn must outlive its backlog, or a ward whose photos
	// trickle in would count as new each time. Lanes are units, a few dozen at most.
	readonly #lanes = new Map<string, Lane>();
	#running = 0;
	#turn = 0;

	constructor(atOnce: number, maxWaitingPerLane: number) {
		this.#atOnce = atOnce;
		this.#maxWaiting = maxWaitingPerLane;
	}

	/** jobs waiting for a slot, all lanes together */
	get waiting(): number {
		let n = 0;
		for (const lane of this.#lanes.values()) n += lane.waiting.length;
		return n;
	}

	/** Whether `run` on this lane would start or wait now rather than throw QueueFull. */
	hasRoom(laneId: string): boolean {
		return this.#running < this.#atOnce || (this.#lanes.get(laneId)?.waiting.length ?? 0) < this.#maxWaiting;
	}

	async run<T>(laneId: string, work: () => Promise<T>): Promise<T> {
		const lane = this.#lanes.get(laneId) ?? { waiting: [], served: 0 };
		this.#lanes.set(laneId, lane);
		// someone waits only while every slot is taken, so a free slot means nobody is ahead
		if (this.#running < this.#atOnce) this.#start(lane);
		else if (lane.waiting.length >= this.#maxWaiting) throw new QueueFull();
		else await new Promise<void>((resolve) => lane.waiting.push(resolve));
		try {
			return await work();
		} finally {
			this.#running--;
			this.#next();
		}
	}

	#start(lane: Lane): void {
		this.#running++;
		lane.served = ++this.#turn;
	}

	#next(): void {
		let pick: Lane | null = null;
		for (const lane of this.#lanes.values())
			if (lane.waiting.length && (!pick || lane.served < pick.served)) pick = lane;
		if (!pick) return;
		this.#start(pick);
		pick.waiting.shift()!();
	}
}
