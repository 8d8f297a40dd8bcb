import { error } from '@sveltejs/kit';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { reportPicture } from '$lib/server/reports/picture';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.reports');
	const picture = reportPicture(db());
	if (!picture)
		error(404, { message: 'Kịch bản chưa có mẫu báo cáo. Quản trị cần nạp kịch bản có mẫu báo cáo.' });
	return { picture, canManage: authorize(actor, 'report.manage') };
};

export const actions: Actions = {
	signOff: commandAction('report.sign_off'),
	setTarget: commandAction('report.set_target')
};
