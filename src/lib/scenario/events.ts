/** What the scenario domain tells the screens, and its line in the live feed. */
import type { FeedLines } from '../feed-line';
import { translate } from '../i18n';
import { formatDate } from '../time/format';
import { dayStartMs } from '../time/input';

export interface ScenarioEvents {
	/** `rehearseOn`: imported to be rehearsed with its first day on that day */
	'scenario.imported': { eventId: string; name: string; counts: Record<string, number>; rehearseOn?: string };
}

export const scenarioFeed: FeedLines<ScenarioEvents> = {
	'scenario.imported': (d, lang) =>
		d.rehearseOn
			? translate(lang, 'admin.feed.scenarioRehearsed', {
					name: d.name,
					date: formatDate(dayStartMs(d.rehearseOn))
				})
			: translate(lang, 'admin.feed.scenarioImported', { name: d.name })
};
