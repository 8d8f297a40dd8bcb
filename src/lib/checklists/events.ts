/** What the banner-checklists domain tells the screens, and its feed lines. */
import { translate, type Lang } from '$lib/i18n';
import type { UnitKind } from '../scenario/schema';
import { countUnits } from '../units/kinds';
import type { FeedLines } from '../feed-line';
import { checklistKindKey, type ChecklistItemView, type ChecklistKind, type PhotoStatus } from './types';

/** An edit of the items, as facts: each screen words it in its reader's language. */
export type ItemsChange =
	| { what: 'added' | 'edited' | 'removed'; kind: ChecklistKind; place: string }
	/** one item for many units: the kinds of those units, which the line names them by */
	| { what: 'added_to_units'; kind: ChecklistKind; place: string; unitKinds: UnitKind[] }
	/** logged before units were chosen by kind or subtree: it reached every ward */
	| { what: 'added_to_wards'; kind: ChecklistKind; place: string }
	/** a new deadline for every item of one unit, or of every unit (unitName null) */
	| { what: 'deadline'; unitName: string | null };

export interface ChecklistEvents {
	/** an item's new state travels with each change, so a client just replaces it */
	'checklist.ticked': { item: ChecklistItemView; unitName: string };
	'checklist.unticked': { item: ChecklistItemView; unitName: string; reason: string };
	'checklist.photo_reviewed': {
		item: ChecklistItemView;
		unitName: string;
		photoId: string;
		verdict: Exclude<PhotoStatus, 'pending'>;
		reason: string;
	};
	/** items edited: clients reload them (a bulk edit would carry other wards' items) */
	'checklist.items_changed': { unitIds: string[]; count: number } & (
		| { change: ItemsChange }
		/** logged before the feed spoke English: the change already in Vietnamese words */
		| { summary: string }
	);
}

const kindOf = (kind: ChecklistKind, lang: Lang) => translate(lang, checklistKindKey[kind]);
const lowerKind = (item: ChecklistItemView, lang: Lang) => kindOf(item.kind, lang).toLowerCase();

function changeLine(change: ItemsChange, count: number, lang: Lang): string {
	if (change.what === 'deadline')
		return change.unitName === null
			? translate(lang, 'checklists.feed.deadlineOfAll', { count })
			: translate(lang, 'checklists.feed.deadlineOf', { count, unit: change.unitName });
	const kind = kindOf(change.kind, lang);
	if (change.what === 'added_to_units' || change.what === 'added_to_wards') {
		const unitKinds = change.what === 'added_to_units' ? change.unitKinds : ['ward' as const];
		const units = countUnits(lang, count, unitKinds);
		return translate(lang, 'checklists.feed.addedToUnits', { units, kind, place: change.place });
	}
	const key = {
		added: 'checklists.feed.added',
		edited: 'checklists.feed.edited',
		removed: 'checklists.feed.removed'
	} as const;
	return translate(lang, key[change.what], { count, kind, place: change.place });
}

export const checklistFeed: FeedLines<ChecklistEvents> = {
	'checklist.ticked': (d, lang) =>
		translate(lang, 'checklists.feed.ticked', {
			unit: d.unitName,
			kind: lowerKind(d.item, lang),
			place: d.item.place
		}),
	'checklist.unticked': (d, lang) =>
		translate(lang, 'checklists.feed.unticked', {
			unit: d.unitName,
			kind: lowerKind(d.item, lang),
			reason: d.reason
		}),
	'checklist.photo_reviewed': (d, lang) =>
		translate(lang, d.verdict === 'accepted' ? 'checklists.feed.accepted' : 'checklists.feed.rejected', {
			unit: d.unitName,
			kind: lowerKind(d.item, lang),
			reason: d.reason
		}),
	'checklist.items_changed': (d, lang) => ('change' in d ? changeLine(d.change, d.count, lang) : d.summary)
};
