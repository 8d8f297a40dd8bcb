/** What the notices domain tells the screens, and its lines in the live feed. */
import type { FeedLines } from '../feed-line';

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
	'notice.posted': (d) => `${d.urgent ? 'Thông báo khẩn' : 'Thông báo'}: ${d.body}`
};
