/** The crew phone's picture of its own truck, kept current by live events. */
import type { CheckpointView, RouteView, TruckStatus } from '$lib/trucks/types';
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
	messages = $state<CrewMessageView[]>([]);
	readonly truckId: string;
	readonly checkpoints: CheckpointView[];

	constructor(
		truck: { id: string; status: TruckStatus; incidentNote: string | null },
		route: RouteView | null,
		messages: CrewMessageView[]
	) {
		this.truckId = truck.id;
		this.status = truck.status;
		this.incidentNote = truck.incidentNote;
		this.checkpoints = route?.checkpoints ?? [];
		this.reached = Object.fromEntries(
			this.checkpoints.filter((c) => c.reachedAt !== null).map((c) => [c.id, c.reachedAt!])
		);
		this.messages = messages;
	}

	/** the first checkpoint not reached yet */
	get next(): CheckpointView | null {
		return this.checkpoints.find((c) => !(c.id in this.reached)) ?? null;
	}

	apply(event: LiveEvent): void {
		if (event.type === 'truck.status_changed') {
			const d = event.data;
			if (d.truckId !== this.truckId) return;
			this.status = d.status;
			this.incidentNote = d.incidentNote;
		} else if (event.type === 'truck.checkpoint_reached') {
			const d = event.data;
			if (d.truckId === this.truckId) this.reached = { ...this.reached, [d.checkpointId]: d.at };
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
