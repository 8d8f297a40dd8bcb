/** What the display-links domain tells the screens, and its lines in the live feed. */
import type { FeedLines } from '../feed-line';
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
	'display_link.created': (d) => `Tạo liên kết màn hình "${d.name}"`,
	'display_link.revoked': (d) => `Thu hồi liên kết màn hình "${d.name}"`,
	'display_link.configured': (d) => `Đổi bố trí màn hình “${d.name}”`
};
