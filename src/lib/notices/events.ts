/** What the notices domain tells the screens, and its lines in the live feed. */
import type { FeedLines } from '../feed-line';
import { translate } from '../i18n';

export interface NoticeData {
	id: string;
	body: string;
	urgent: boolean;
	/** null: every unit */
	targetUnitIds: string[] | null;
	author: string;
}

export interface NoticeEvents {
	'notice.posted': NoticeData;
}

export const noticeFeed: FeedLines<NoticeEvents> = {
	'notice.posted': (d, lang) =>
		translate(lang, d.urgent ? 'notice.feedUrgent' : 'notice.feed', { body: d.body })
};
