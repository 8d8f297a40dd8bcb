/** One line of the live feed for each kind of event, in the reader's language: each domain says its own. */
import { ceremonyFeed } from './ceremony/events';
import { checklistFeed } from './checklists/events';
import { displayFeed } from './displays/events';
import type { FeedLines } from './feed-line';
import type { Lang } from './i18n';
import { noticeFeed } from './notices/events';
import { reportFeed } from './reports/events';
import { scenarioFeed } from './scenario/events';
import { simulatorFeed } from './simulator/events';
import { truckFeed } from './trucks/events';
import type { EventDataMap, EventType, LiveEvent } from './types';
import { userFeed } from './users/events';

const feedLines: FeedLines<EventDataMap> = {
	...noticeFeed,
	...displayFeed,
	...userFeed,
	...scenarioFeed,
	...truckFeed,
	...checklistFeed,
	...ceremonyFeed,
	...reportFeed,
	...simulatorFeed
};

function line<T extends EventType>(type: T, data: EventDataMap[T], lang: Lang): string {
	return feedLines[type](data, lang);
}

export function describeEvent(event: LiveEvent, lang: Lang): string {
	// a log written by an older version may hold a type this one no longer knows
	return Object.hasOwn(feedLines, event.type) ? line(event.type, event.data, lang) : event.type;
}
