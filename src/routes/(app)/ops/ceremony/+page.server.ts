import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { ceremonyPicture, listGroups } from '$lib/server/ceremony/store';
import { maxListBytes, readInviteeFile } from '$lib/server/ceremony/invitee-file';
import { db } from '$lib/server/db';
import { readImportForm } from '$lib/server/http/file-form';
import { commandAction, requireActor, runFormCommand } from '$lib/server/guard';
import { listMilestones } from '$lib/server/scenario/store';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const canSetup = authorize(actor, 'ceremony.setup');
	return {
		...ceremonyPicture(db(), canSetup),
		milestones: listMilestones(db()),
		canSetup
	};
};

export const actions: Actions = {
	saveSetup: commandAction('ceremony.save_setup'),
	saveGroup: commandAction('ceremony.save_group'),
	removeGroup: commandAction('ceremony.remove_group'),
	importInvitees: async (event) => {
		if (!event.locals.actor || !authorize(event.locals.actor, 'ceremony.setup'))
			return fail(403, { message: 'Bạn không có quyền nạp danh sách khách mời.', problems: [] });
		const form = await readImportForm(event.request, {
			maxFileBytes: maxListBytes,
			tooLarge: 'Tệp quá lớn (tối đa 5 MB).',
			noFile: 'Chọn tệp danh sách (.xlsx hoặc .csv).'
		});
		if ('failure' in form) return form.failure;
		const { file, fields } = form;
		const list = await readInviteeFile(file.name, file.bytes, listGroups(db()));
		if (list.problems.length)
			return fail(400, {
				message: `Tệp có ${list.problems.length} chỗ cần sửa; chưa nạp người nào. Sửa rồi nạp lại cả tệp.`,
				problems: list.problems.map((p) => ({
					path: `Dòng ${p.row}${p.column ? `, cột ${p.column}` : ''}`,
					message: p.message
				}))
			});
		return runFormCommand(event, 'ceremony.import_invitees', fields, { invitees: list.rows });
	}
};
