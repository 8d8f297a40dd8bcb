/**
 * Which table an export or the print view shows, and whether the reader may see it: the
 * rolled-up table (live, or `table=signed`) for the organizer's readers, or `unit=` for one
 * unit's own (its staff may take theirs; `below=1`, for the organizer's readers, adds the units under it).
 */
import { error } from '@sveltejs/kit';
import { translate, type Lang } from '$lib/i18n';
import { authorize, scopeOf, type Actor } from '$lib/server/access';
import { db } from '$lib/server/db';
import {
	onPaper,
	reportPicture,
	rolledUpSheet,
	sheetPhotos,
	unitSheet,
	type ReportSheet
} from '$lib/server/reports/picture';

/** @returns null when the plan has no report table (the print view says so; an export answers 404) */
export function requestedSheet(actor: Actor | null, params: URLSearchParams, lang: Lang): ReportSheet | null {
	if (!actor) error(401, { message: translate(lang, 'reports.signIn'), code: 'unauthenticated' });
	const unitId = params.get('unit');
	// a unit's own table for its staff; with the units below it, or rolled up, for the organizer's readers
	const below = params.get('below') === '1';
	const allowed =
		unitId && !below ? authorize(actor, 'read.report', { unitId }) : authorize(actor, 'read.reports');
	if (!allowed) error(403, { message: translate(lang, 'reports.forbidden'), code: 'forbidden' });
	// a level's readers: the level's own table, its units beneath it
	const picture = reportPicture(db(), scopeOf(actor));
	if (!picture) return null;
	const photos = sheetPhotos(db(), picture);
	const sheet = unitId
		? unitSheet(picture, unitId, below, photos)
		: rolledUpSheet(picture, params.get('table') === 'signed', photos);
	if (!sheet) error(404, { message: translate(lang, 'reports.noUnit') });
	// a rehearsal's table says so on paper too (the print view and the .xlsx)
	return onPaper(db(), sheet);
}
