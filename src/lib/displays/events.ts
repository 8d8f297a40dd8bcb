/** What the display-links domain tells the screens, and its lines in the live feed. */
import type { FeedLines } from '../feed-line';
import { translate } from '../i18n';
import type { DisplayLayout } from './layout';

export interface DisplayLinkData {
	id: string;
	name: string;
}

export interface DisplayEvents {
	'display_link.created': DisplayLinkData;
	'display_link.revoked': DisplayLinkData;
	'display_link.configured': DisplayLinkData & { layout: DisplayLayout };
}

export const displayFeed: FeedLines<DisplayEvents> = {
	'display_link.created': (d, lang) => translate(lang, 'display.feed.created', { name: d.name }),
	'display_link.revoked': (d, lang) => translate(lang, 'display.feed.revoked', { name: d.name }),
	'display_link.configured': (d, lang) => translate(lang, 'display.feed.configured', { name: d.name })
};
