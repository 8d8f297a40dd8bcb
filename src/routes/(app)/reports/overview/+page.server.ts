import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { text } from '$lib/server/forms/fields';
import { requireActor, runFormCommand } from '$lib/server/guard';
import { reportPicture } from '$lib/server/reports/picture';
import { readCell } from '$lib/reports/cells';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.reports');
	const picture = reportPicture(db());
	if (!picture)
		error(404, { message: 'Kịch bản chưa có mẫu báo cáo. Quản trị cần nạp kịch bản có mẫu báo cáo.' });
	return { picture, canManage: authorize(actor, 'report.manage') };
};

/** A target as typed: empty is none; a bad one is sent as is, for the command to refuse clearly. */
function target(form: FormData, name: string): number | undefined {
	const read = readCell(text(form, name));
	return read.ok ? read.value : Number.NaN;
}

export const actions: Actions = {
	signOff: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'report.sign_off', { note: text(form, 'note') });
	},
	setTarget: async (event) => {
		const form = await event.request.formData();
		const count = target(form, 'count');
		const people = target(form, 'people');
		return runFormCommand(event, form.get('commandId'), 'report.set_target', {
			rowId: text(form, 'rowId'),
			target: count === undefined && people === undefined ? null : { count, people }
		});
	}
};
