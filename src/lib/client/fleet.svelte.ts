/**
 * The ops room's live picture of the fleet: truck views refreshed from the server, moved by
 * the one-a-second position frames, changed by status and alert events.
 */
import { live } from '$lib/client/live.svelte';
import { truckStatuses, type PositionFrame, type TruckView } from '$lib/trucks/types';
import type { AlertData } from '$lib/trucks/events';
import type { GatheringView } from '$lib/trucks/gatherings';
import type { LiveEvent } from '$lib/types';

export interface AlertView extends AlertData {
	acknowledgedAt: number | null;
	acknowledgedBy: string | null;
	clearedAt: number | null;
}

export class FleetState {
	trucks = $state<TruckView[]>([]);
	alerts = $state<AlertView[]>([]);
	/** the gathering points of the reader's level, with who has come (đã tập kết) */
	gatherings = $state<GatheringView[]>([]);

	constructor(trucks: TruckView[], alerts: AlertView[], gatherings: GatheringView[] = []) {
		this.trucks = trucks;
		this.alerts = alerts;
		this.gatherings = gatherings;
	}

	get openAlerts(): AlertView[] {
		return this.alerts.filter((a) => a.clearedAt === null);
	}

	byId(id: string | null): TruckView | undefined {
		return id ? this.trucks.find((t) => t.id === id) : undefined;
	}

	/** ETA and delay are computed on the server: ask for fresh views. */
	async refresh(): Promise<void> {
		const socket = live.socket;
		if (!socket?.connected) return;
		try {
			const trucks = await socket.timeout(10_000).emitWithAck('fleet');
			if (Array.isArray(trucks)) this.trucks = trucks;
		} catch {
			// keep the last picture; the connection badge says why
		}
	}

	applyFrame(frame: PositionFrame): void {
		for (const [index, lat, lng, speed, progress, status] of frame.p) {
			const truck = this.trucks[index];
			if (!truck) continue;
			truck.position = {
				at: frame.t,
				lat: lat / 1e5,
				lng: lng / 1e5,
				speed,
				accuracy: truck.position?.accuracy ?? null
			};
			truck.receivedAt = frame.t;
			if (progress >= 0) truck.progress = progress / 1000;
			truck.status = truckStatuses[status] ?? truck.status;
		}
	}

	apply(event: LiveEvent): void {
		if (event.type === 'truck.status_changed') {
			const d = event.data;
			const truck = this.byId(d.truckId);
			if (truck) {
				truck.status = d.status;
				truck.incidentNote = d.incidentNote;
			}
		} else if (event.type === 'truck.gathered') {
			const d = event.data;
			const gathering = this.gatherings.find((g) => g.id === d.milestoneId);
			// a truck of another level is not counted here (nor sent here)
			if (gathering?.expected.includes(d.truckId)) gathering.gathered[d.truckId] = d.at;
		} else if (event.type === 'alert.raised') {
			const d = event.data;
			if (!this.alerts.some((a) => a.id === d.id)) {
				this.alerts.unshift({ ...d, acknowledgedAt: null, acknowledgedBy: null, clearedAt: null });
				if (this.alerts.length > 200) this.alerts.length = 200;
			}
		} else if (event.type === 'alert.acknowledged') {
			const d = event.data;
			const alert = this.alerts.find((a) => a.id === d.id);
			if (alert) {
				alert.acknowledgedAt = event.at;
				alert.acknowledgedBy = d.by;
			}
		} else if (event.type === 'alert.cleared') {
			const { id } = event.data;
			const alert = this.alerts.find((a) => a.id === id);
			if (alert) alert.clearedAt = event.at;
		}
	}
}
