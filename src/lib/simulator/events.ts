/** What the demo simulator tells the screens, and its line in the live feed. */
import type { FeedLines } from '../feed-line';
import { translate } from '../i18n';

export interface SimulatorEvents {
	'demo.day_restarted': { anchorReal: number };
}

export const simulatorFeed: FeedLines<SimulatorEvents> = {
	'demo.day_restarted': (_, lang) => translate(lang, 'feed.demoRestarted')
};
