import { fail } from '@sveltejs/kit';
import { describeEvent } from '$lib/feed';
import { translate } from '$lib/i18n';
import { authorize, type Actor } from '$lib/server/access';
import { ceremonyShown, ownCeremony } from '$lib/server/ceremony/own';
import { ceremonyCounts, ceremonyPicture, listCeremonies, listGroups } from '$lib/server/ceremony/store';
import { maxListBytes, readInviteeFile } from '$lib/server/ceremony/invitee-file';
import { db } from '$lib/server/db';
import { eventAt } from '$lib/server/events/log';
import { readImportForm } from '$lib/server/http/file-form';
import { commandAction, requireActor, runFormCommand } from '$lib/server/guard';
import { levelView } from '$lib/server/level-view';
import { milestonesOf } from '$lib/server/scenario/store';
import { getUnit } from '$lib/server/scenario/units';
import { unitTree } from '$lib/server/scenario/tree';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const reader = requireActor(event, 'read.ops');
	// the reader's level's own ceremony, or one below it asked for from the overview
	const place = ceremonyShown(db(), reader, event.url.searchParams.get('ceremony'));
	const actor = requireActor(event, 'read.ops', { unitId: place.unitId });
	const canSetup = authorize(actor, 'ceremony.setup', { unitId: place.unitId });
	const level = levelView(actor);
	return {
		...ceremonyPicture(db(), place.id, canSetup),
		/** the ceremony every form of the page acts on (none yet: the setup adds the level's) */
		ceremonyId: place.id ?? '',
		/** the level the ceremony is of: its unit's name (null: the top's) */
		levelName: levelName(place.unitId),
		/** whether it is another level's, shown from the overview (its forms act on it) */
		other: place.id !== ownCeremony(db(), actor).id,
		milestones: milestonesOf(db(), level.within),
		canSetup,
		levels: levelsBelow(actor, place.id)
	};
};

function levelName(unitId: string | null): string | null {
	return unitId && unitId !== unitTree(db()).root ? (getUnit(db(), unitId)?.name ?? unitId) : null;
}

/**
 * The other ceremonies in the reader's scope (the levels' below theirs), read-only with their
 * arrivals: the city's ops sees how each district's gate is filling.
 */
function levelsBelow(actor: Actor, shown: string | undefined) {
	const mine = levelView(actor).mine;
	const counts = ceremonyCounts(db());
	return listCeremonies(db())
		.filter((c) => c.id !== shown && c.unitId && c.unitId !== unitTree(db()).root && mine(c.unitId))
		.map((c) => ({
			id: c.id,
			title: c.setup.title,
			place: c.setup.place,
			startsAt: Date.parse(c.setup.startsAt),
			level: levelName(c.unitId),
			...(counts.get(c.id) ?? { arrived: 0, expected: 0 })
		}));
}

export const actions: Actions = {
	saveSetup: commandAction('ceremony.save_setup'),
	saveGroup: commandAction('ceremony.save_group'),
	removeGroup: commandAction('ceremony.remove_group'),
	importInvitees: async (event) => {
		const lang = event.locals.lang;
		const actor = event.locals.actor;
		// may they set up a ceremony at all (before a large file is read); then the one the form names
		if (!actor || !authorize(actor, 'ceremony.setup', { unitId: ownCeremony(db(), actor).unitId }))
			return fail(403, { message: translate(lang, 'ceremony.import.forbidden'), problems: [] });
		const form = await readImportForm(event.request, {
			maxFileBytes: maxListBytes,
			tooLarge: translate(lang, 'ceremony.import.tooLarge'),
			noFile: translate(lang, 'ceremony.import.noFile'),
			lang
		});
		if ('failure' in form) return form.failure;
		const { file, fields } = form;
		const asked = fields.get('ceremonyId');
		const place = ceremonyShown(db(), actor, typeof asked === 'string' ? asked : null);
		if (!place.id || !authorize(actor, 'ceremony.setup', { unitId: place.unitId }))
			return fail(403, { message: translate(lang, 'ceremony.import.forbidden'), problems: [] });
		const list = await readInviteeFile(file.name, file.bytes, listGroups(db(), place.id), lang);
		if (list.problems.length)
			return fail(400, {
				message: translate(lang, 'ceremony.import.problems', { count: list.problems.length }),
				problems: list.problems.map((p) => ({
					path: p.column
						? translate(lang, 'ceremony.import.rowColumn', { row: p.row, column: p.column })
						: translate(lang, 'ceremony.import.row', { row: p.row }),
					message: p.message
				}))
			});
		const answer = await runFormCommand(event, 'ceremony.import_invitees', fields, {
			invitees: list.rows,
			ceremonyId: place.id
		});
		if (!('ok' in answer)) return answer;
		// how many were added, updated, left as they were (and removed): said beside the button
		const done = eventAt(db(), answer.seq);
		return { ...answer, said: done ? describeEvent(done, lang) : undefined };
	}
};
