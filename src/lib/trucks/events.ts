/** What the trucks domain tells the screens (crews, the parade plan, alerts), and its feed lines. */
import type { FeedLines } from '../feed-line';
import { formatHour } from '../time/format';
import { truckStatusLabel, type AlertKind, type TruckStatus } from './types';

export interface TruckStatusData {
	truckId: string;
	truckName: string;
	status: TruckStatus;
	incidentNote: string | null;
	/** crew: pressed on the phone; auto: found in the positions; coordinator */
	by: 'crew' | 'auto' | 'coordinator';
}

export interface AlertData {
	id: string;
	truckId: string;
	truckName: string;
	kind: AlertKind;
	checkpointId: string | null;
	message: string;
	/** day time */
	raisedAt: number;
}

export interface TruckEvents {
	'truck.status_changed': TruckStatusData;
	'truck.checkpoint_reached': {
		truckId: string;
		truckName: string;
		checkpointId: string;
		checkpointName: string;
		/** day time of arrival */
		at: number;
		delaySeconds: number;
		manual: boolean;
	};
	'route.saved': { routeId: string; name: string };
	'truck.route_assigned': { truckId: string; truckName: string; routeId: string | null };
	'parade.start_set': { startAt: number | null };
	'truck.crew_assigned': {
		truckId: string;
		truckName: string;
		userId: number;
		username: string;
		displayName: string;
	};
	'crew.message_sent': { id: string; truckId: string | null; body: string; author: string };
	'alert.raised': AlertData;
	'alert.acknowledged': { id: string; by: string };
	'alert.cleared': { id: string };
}

/**
 * Whether an event belongs in the fleet's feed ("Diễn biến đoàn xe"): a truck's or an alert's.
 * One rule for the feed the ops page loads and for the events it then receives live.
 */
export const isFleetEventType = (type: string): boolean =>
	type.startsWith('truck.') || type.startsWith('alert.');

const delayText = (seconds: number) =>
	Math.abs(seconds) < 60
		? 'đúng giờ'
		: seconds > 0
			? `trễ ${Math.round(seconds / 60)} phút`
			: `sớm ${Math.round(-seconds / 60)} phút`;

export const truckFeed: FeedLines<TruckEvents> = {
	'truck.status_changed': (d) => {
		const note = d.incidentNote && d.status === 'incident' ? ` — ${d.incidentNote}` : '';
		return `${d.truckName}: ${truckStatusLabel[d.status].toLowerCase()}${note}`;
	},
	'truck.checkpoint_reached': (d) =>
		`${d.truckName} đến ${d.checkpointName} lúc ${formatHour(d.at)} (${delayText(d.delaySeconds)})`,
	'route.saved': (d) => `Cập nhật lộ trình "${d.name}"`,
	'truck.route_assigned': (d) =>
		d.routeId ? `Giao lộ trình cho ${d.truckName}` : `Bỏ lộ trình của ${d.truckName}`,
	'truck.crew_assigned': (d) => `Giao ${d.truckName} cho tổ ${d.displayName} (${d.username})`,
	'parade.start_set': (d) =>
		d.startAt ? `Giờ xuất phát chung: ${formatHour(d.startAt)}` : 'Bỏ giờ xuất phát chung',
	'crew.message_sent': (d) => `Tin nhắn tới ${d.truckId ? 'một tổ xe' : 'mọi tổ xe'}: ${d.body}`,
	'alert.raised': (d) => d.message,
	'alert.acknowledged': (d) => `Đã xác nhận cảnh báo (${d.by})`,
	'alert.cleared': () => 'Cảnh báo đã hết'
};
