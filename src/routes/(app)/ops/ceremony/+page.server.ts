import { fail } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { ceremonyPicture, listGroups } from '$lib/server/ceremony/store';
import { maxListBytes, readInviteeFile } from '$lib/server/ceremony/invitee-file';
import { db } from '$lib/server/db';
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
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { message: 'Chọn tệp danh sách (.xlsx hoặc .csv).', problems: [] });
		if (file.size > maxListBytes) return fail(400, { message: 'Tệp quá lớn (tối đa 5 MB).', problems: [] });
		const list = await readInviteeFile(file.name, Buffer.from(await file.arrayBuffer()), listGroups(db()));
		if (list.problems.length)
			return fail(400, {
				message: `Tệp có ${list.problems.length} chỗ cần sửa; chưa nạp người nào. Sửa rồi nạp lại cả tệp.`,
				problems: list.problems.map((p) => ({
					path: `Dòng ${p.row}${p.column ? `, cột ${p.column}` : ''}`,
					message: p.message
				}))
			});
		return runFormCommand(event, 'ceremony.import_invitees', form, { invitees: list.rows });
	}
};
