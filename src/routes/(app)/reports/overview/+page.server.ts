import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize, scopeOf } from '$lib/server/access';
import { unitTree } from '$lib/server/scenario/tree';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { reportPicture } from '$lib/server/reports/picture';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.reports');
	const picture = reportPicture(db(), scopeOf(actor));
	if (!picture) error(404, { message: translate(event.locals.lang, 'reports.overview.noTemplate') });
	// signing off and targets are the whole event's (report/commands.ts)
	return { picture, canManage: authorize(actor, 'report.manage', { unitId: unitTree(db()).root }) };
};

export const actions: Actions = {
	signOff: commandAction('report.sign_off'),
	setTarget: commandAction('report.set_target')
};
