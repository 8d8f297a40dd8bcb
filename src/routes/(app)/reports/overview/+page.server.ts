import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { reportPicture } from '$lib/server/reports/picture';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.reports');
	// null: the plan has no report table, and the page says so
	return { picture: reportPicture(db()), canManage: authorize(actor, 'report.manage') };
};

export const actions: Actions = {
	signOff: commandAction('report.sign_off'),
	setTarget: commandAction('report.set_target')
};
