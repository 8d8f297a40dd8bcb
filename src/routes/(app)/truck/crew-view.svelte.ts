/** The crew phone's picture of its own truck, kept current by live events. */
import { live } from '$lib/client/live.svelte';
import type { CheckpointView, RouteView, TruckStatus, TruckView } from '$lib/trucks/types';
import type { LiveEvent } from '$lib/types';

export interface CrewMessageView {
	id: string;
	body: string;
	author: string;
	at: number;
}

export class CrewView {
	status = $state<TruckStatus>('idle');
	incidentNote = $state<string | null>(null);
	reached = $state<Record<string, number>>({});
	/** the server's answer (the ops room's): the crew phone does not work it out a second way */
	nextCheckpointId = $state<string | null>(null);
	messages = $state<CrewMessageView[]>([]);
	readonly truckId: string;
	readonly checkpoints: CheckpointView[];

	constructor(
		truck: Pick<TruckView, 'id' | 'status' | 'incidentNote' | 'nextCheckpointId'>,
		route: RouteView | null,
		messages: CrewMessageView[]
	) {
		this.truckId = truck.id;
		this.status = truck.status;
		this.incidentNote = truck.incidentNote;
		this.nextCheckpointId = truck.nextCheckpointId;
		this.checkpoints = route?.checkpoints ?? [];
		this.reached = Object.fromEntries(
			this.checkpoints.filter((c) => c.reachedAt !== null).map((c) => [c.id, c.reachedAt!])
		);
		this.messages = messages;
	}

	/**
	 * The next checkpoint as the server sees it: the first not reached that is still ahead on the
	 * route (a start the truck was already past is not next, though never reached).
	 */
	get next(): CheckpointView | null {
		return this.checkpoints.find((c) => c.id === this.nextCheckpointId) ?? null;
	}

	/** Asks the server for this truck's view again: the next checkpoint moves as the truck does. */
	async refresh(): Promise<void> {
		const socket = live.socket;
		if (!socket?.connected) return;
		try {
			const trucks = await socket.timeout(10_000).emitWithAck('fleet');
			const own = trucks?.find((t: TruckView) => t.id === this.truckId);
			if (own) this.nextCheckpointId = own.nextCheckpointId;
		} catch {
			// keep the last answer; the connection badge says why
		}
	}

	apply(event: LiveEvent): void {
		if (event.type === 'truck.status_changed') {
			const d = event.data;
			if (d.truckId !== this.truckId) return;
			this.status = d.status;
			this.incidentNote = d.incidentNote;
		} else if (event.type === 'truck.checkpoint_reached') {
			const d = event.data;
			if (d.truckId !== this.truckId) return;
			this.reached = { ...this.reached, [d.checkpointId]: d.at };
			void this.refresh();
		} else if (event.type === 'crew.message_sent') {
			const d = event.data;
			if ((d.truckId === null || d.truckId === this.truckId) && !this.messages.some((m) => m.id === d.id)) {
				this.messages = [{ id: d.id, body: d.body, author: d.author, at: event.at }, ...this.messages].slice(
					0,
					30
				);
			}
		}
	}
}
