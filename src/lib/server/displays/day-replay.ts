/**
 * What the wall display's replay of the day starts from: every board as it was before the day
 * (items not done, nobody in, nothing reported) and the day's events that move them, each with
 * the day's time it happened at. The trucks come from their recorded positions (replay-data).
 */
import { notStarted, type ChecklistItemView } from '$lib/checklists/types';
import type { EventType } from '$lib/types';
import { ceremonyOnScreen } from '../ceremony/store';
import { listItemViews } from '../checklists/store';
import type { Db } from '../db';
import { eventsForReplay, type ReplayEvent } from '../events/log';
import { reportPicture } from '../reports/picture';
import type { LevelView } from '../level-view';
import { listUnits } from '../scenario/units';

export const replayedTypes: EventType[] = [
	'checklist.ticked',
	'checklist.unticked',
	'checklist.photo_reviewed',
	'ceremony.checked_in',
	'ceremony.checkin_undone',
	'report.submitted',
	'report.signed_off',
	'notice.posted'
];

const before = (item: ChecklistItemView): ChecklistItemView => ({ ...item, ...notStarted, photos: [] });

/**
 * When it happened on the day: a check-in at its gate's time (a gate offline sends it later),
 * anything else when the server took it. The replay plays them in that order.
 */
function happenedAt(event: ReplayEvent): number {
	if (event.type === 'ceremony.checked_in') return event.data.checkin.at;
	return event.dayAt;
}

/** The replay of the reader's level: its units' boards, and the events its display room heard. */
export function dayReplayData(db: Db, level: LevelView) {
	// the ceremony of the reader's level (its check-ins come with the events)
	const ceremony = ceremonyOnScreen(db, level.ceremonyId);
	const reports = reportPicture(db, level.within);
	return {
		checklist: listItemViews(db)
			.filter((i) => level.mine(i.unitId))
			.map(before),
		units: listUnits(db)
			.filter((u) => level.mine(u.id))
			.map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		ceremony: { ...ceremony, checkins: [] },
		reports: reports && { ...reports, submissions: [], signoff: null, levelSignoffs: [] },
		events: eventsForReplay(db, replayedTypes, level.displayFeed)
			.map((e) => ({ ...e, dayAt: happenedAt(e) }))
			.sort((a, b) => a.dayAt - b.dayAt || a.seq - b.seq)
	};
}
