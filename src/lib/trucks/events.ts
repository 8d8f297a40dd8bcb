/** What the trucks domain tells the screens (crews, the parade plan, alerts), and its feed lines. */
import { translate, type Lang } from '../i18n';
import type { FeedLines } from '../feed-line';
import { formatHour } from '../time/format';
import { alertWords, type AlertFacts } from './alerts';
import { truckStatusKey, type AlertKind, type TruckStatus } from './types';

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
	/** in Vietnamese, as raised (the log's words) */
	message: string;
	/** what was found, for each screen to word in its reader's language (none before they were kept) */
	facts?: AlertFacts | null;
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
	/** đã tập kết: the truck came to a gathering milestone's point */
	'truck.gathered': {
		truckId: string;
		truckName: string;
		milestoneId: string;
		/** the milestone's title */
		title: string;
		/** day time of its first fix there */
		at: number;
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

const delayText = (seconds: number, lang: Lang) =>
	Math.abs(seconds) < 60
		? translate(lang, 'trucks.delay.onTime')
		: translate(lang, seconds > 0 ? 'trucks.delay.late' : 'trucks.delay.early', {
				delay: translate(lang, 'time.minutes', { minutes: Math.round(Math.abs(seconds) / 60) })
			});

export const truckFeed: FeedLines<TruckEvents> = {
	'truck.status_changed': (d, lang) => {
		const words = { truck: d.truckName, status: translate(lang, truckStatusKey[d.status]).toLowerCase() };
		return d.incidentNote && d.status === 'incident'
			? translate(lang, 'trucks.feed.statusNote', { ...words, note: d.incidentNote })
			: translate(lang, 'trucks.feed.status', words);
	},
	'truck.checkpoint_reached': (d, lang) =>
		translate(lang, 'trucks.feed.reached', {
			truck: d.truckName,
			checkpoint: d.checkpointName,
			time: formatHour(d.at, lang),
			delay: delayText(d.delaySeconds, lang)
		}),
	'truck.gathered': (d, lang) =>
		translate(lang, 'trucks.feed.gathered', {
			truck: d.truckName,
			title: d.title,
			time: formatHour(d.at, lang)
		}),
	'route.saved': (d, lang) => translate(lang, 'trucks.feed.routeSaved', { name: d.name }),
	'truck.route_assigned': (d, lang) =>
		translate(lang, d.routeId ? 'trucks.feed.routeAssigned' : 'trucks.feed.routeRemoved', {
			truck: d.truckName
		}),
	'truck.crew_assigned': (d, lang) =>
		translate(lang, 'trucks.feed.crewAssigned', {
			truck: d.truckName,
			crew: d.displayName,
			username: d.username
		}),
	'parade.start_set': (d, lang) =>
		d.startAt
			? translate(lang, 'trucks.feed.startSet', { time: formatHour(d.startAt, lang) })
			: translate(lang, 'trucks.feed.startRemoved'),
	'crew.message_sent': (d, lang) =>
		translate(lang, d.truckId ? 'trucks.feed.messageOne' : 'trucks.feed.messageAll', { body: d.body }),
	'alert.raised': (d, lang) => alertWords(d, lang),
	'alert.acknowledged': (d, lang) => translate(lang, 'trucks.feed.alertAcknowledged', { by: d.by }),
	'alert.cleared': (_, lang) => translate(lang, 'trucks.feed.alertCleared')
};
