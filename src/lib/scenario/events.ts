/** What the scenario domain tells the screens, and its line in the live feed. */
import type { FeedLines } from '../feed-line';
import { translate } from '../i18n';

export interface ScenarioEvents {
	'scenario.imported': { eventId: string; name: string; counts: Record<string, number> };
}

export const scenarioFeed: FeedLines<ScenarioEvents> = {
	'scenario.imported': (d, lang) => translate(lang, 'admin.feed.scenarioImported', { name: d.name })
};
