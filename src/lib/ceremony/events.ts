/** What the ceremony domain tells the screens (check-ins at the gates, setup), and its feed lines. */
import { translate, type Lang } from '$lib/i18n';
import { formatHour } from '$lib/time/format';
import type { FeedLines } from '../feed-line';
import type { CheckinView } from './types';

/** What a setup command changed, as facts: each screen words them in its reader's language. */
export type CeremonyChange =
	| { what: 'setup'; title: string; startsAt: number }
	| { what: 'group'; name: string; expected: number; added: boolean }
	| { what: 'group_removed'; name: string }
	| {
			what: 'invitees';
			mode: 'replace' | 'append';
			/** the rows imported */
			count: number;
			/** how the list changed (events logged before these were counted have only `count`) */
			added?: number;
			updated?: number;
			unchanged?: number;
			removed?: number;
	  };

export interface CeremonyEvents {
	/** a person or a headcount came in (the check-in carries its group and count) */
	'ceremony.checked_in': { checkin: CheckinView };
	'ceremony.checkin_undone': { checkin: CheckinView };
	/** setup, groups or the invitee list changed: clients reload (`summary`: Vietnamese words logged before the facts) */
	'ceremony.changed': ({ change: CeremonyChange } | { summary: string }) & {
		/** the ceremony changed (absent in events logged before each level had its own: the top's) */
		ceremonyId?: string;
	};
}

function changeLine(change: CeremonyChange, lang: Lang): string {
	switch (change.what) {
		case 'setup':
			return translate(lang, 'ceremony.feed.setup', {
				title: change.title,
				time: formatHour(change.startsAt, lang)
			});
		case 'group':
			return translate(lang, change.added ? 'ceremony.feed.groupAdded' : 'ceremony.feed.groupEdited', {
				name: change.name,
				expected: change.expected
			});
		case 'group_removed':
			return translate(lang, 'ceremony.feed.groupRemoved', { name: change.name });
		case 'invitees':
			if (change.added !== undefined)
				return translate(
					lang,
					change.mode === 'replace' ? 'ceremony.feed.listReplacedCounts' : 'ceremony.feed.listAppendedCounts',
					{
						added: change.added,
						updated: change.updated ?? 0,
						unchanged: change.unchanged ?? 0,
						removed: change.removed ?? 0
					}
				);
			return translate(
				lang,
				change.mode === 'replace' ? 'ceremony.feed.listReplaced' : 'ceremony.feed.listAppended',
				{ count: change.count }
			);
	}
}

export const ceremonyFeed: FeedLines<CeremonyEvents> = {
	'ceremony.checked_in': ({ checkin: c }, lang) =>
		c.inviteeName
			? translate(lang, 'ceremony.feed.checkedIn', { name: c.inviteeName, gate: c.gate })
			: translate(lang, 'ceremony.feed.counted', { count: c.count, gate: c.gate }),
	'ceremony.checkin_undone': ({ checkin: c }, lang) =>
		translate(lang, 'ceremony.feed.undone', {
			who: c.inviteeName ?? translate(lang, 'ceremony.people', { count: c.count }),
			gate: c.gate
		}),
	'ceremony.changed': (d, lang) => ('change' in d ? changeLine(d.change, lang) : d.summary)
};
