import { fail } from '@sveltejs/kit';
import { describeEvent } from '$lib/feed';
import { translate } from '$lib/i18n';
import { authorize } from '$lib/server/access';
import { unitTree } from '$lib/server/scenario/tree';
import { ceremonyPicture, listGroups } from '$lib/server/ceremony/store';
import { maxListBytes, readInviteeFile } from '$lib/server/ceremony/invitee-file';
import { db } from '$lib/server/db';
import { eventAt } from '$lib/server/events/log';
import { readImportForm } from '$lib/server/http/file-form';
import { commandAction, requireActor, runFormCommand } from '$lib/server/guard';
import { listRunOfShow } from '$lib/server/scenario/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	// the ceremony is the whole event's: a level's coordinator does not run it
	const theCeremony = { unitId: unitTree(db()).root };
	const actor = requireActor(event, 'read.ops', theCeremony);
	const canSetup = authorize(actor, 'ceremony.setup', theCeremony);
	return {
		...ceremonyPicture(db(), canSetup),
		milestones: listRunOfShow(db()),
		canSetup
	};
};

export const actions: Actions = {
	saveSetup: commandAction('ceremony.save_setup'),
	saveGroup: commandAction('ceremony.save_group'),
	removeGroup: commandAction('ceremony.remove_group'),
	importInvitees: async (event) => {
		const lang = event.locals.lang;
		if (
			!event.locals.actor ||
			!authorize(event.locals.actor, 'ceremony.setup', { unitId: unitTree(db()).root })
		)
			return fail(403, { message: translate(lang, 'ceremony.import.forbidden'), problems: [] });
		const form = await readImportForm(event.request, {
			maxFileBytes: maxListBytes,
			tooLarge: translate(lang, 'ceremony.import.tooLarge'),
			noFile: translate(lang, 'ceremony.import.noFile'),
			lang
		});
		if ('failure' in form) return form.failure;
		const { file, fields } = form;
		const list = await readInviteeFile(file.name, file.bytes, listGroups(db()), lang);
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
		const answer = await runFormCommand(event, 'ceremony.import_invitees', fields, { invitees: list.rows });
		if (!('ok' in answer)) return answer;
		// how many were added, updated, left as they were (and removed): said beside the button
		const done = eventAt(db(), answer.seq);
		return { ...answer, said: done ? describeEvent(done, lang) : undefined };
	}
};
