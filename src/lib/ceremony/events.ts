/** What the ceremony domain tells the screens (check-ins at the gates, setup), and its feed lines. */
import type { FeedLines } from '../feed-line';
import type { CheckinView } from './types';

export interface CeremonyEvents {
	/** a person or a headcount came in (the check-in carries its group and count) */
	'ceremony.checked_in': { checkin: CheckinView };
	'ceremony.checkin_undone': { checkin: CheckinView };
	/** setup, groups or the invitee list changed: clients reload */
	'ceremony.changed': { summary: string };
}

export const ceremonyFeed: FeedLines<CeremonyEvents> = {
	'ceremony.checked_in': ({ checkin: c }) =>
		c.inviteeName ? `${c.inviteeName} đã vào (${c.gate})` : `Thêm ${c.count} người vào (${c.gate})`,
	'ceremony.checkin_undone': ({ checkin: c }) =>
		`Huỷ lượt vào: ${c.inviteeName ?? `${c.count} người`} (${c.gate})`,
	'ceremony.changed': (d) => d.summary
};
