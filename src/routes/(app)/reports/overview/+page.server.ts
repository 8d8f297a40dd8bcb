import { authorize, scopeOf } from '$lib/server/access';
import { db } from '$lib/server/db';
import { commandAction, requireActor } from '$lib/server/guard';
import { reportPicture } from '$lib/server/reports/picture';
import { unitTree } from '$lib/server/scenario/tree';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.reports');
	return {
		// the reader's level's table; null: the plan has no report table, and the page says so
		picture: reportPicture(db(), scopeOf(actor)),
		// each level signs off its own table; the targets are the whole event's (report/commands.ts)
		canSignOff: authorize(actor, 'report.manage'),
		canSetTargets: authorize(actor, 'report.manage', { unitId: unitTree(db()).root })
	};
};

export const actions: Actions = {
	signOff: commandAction('report.sign_off'),
	setTarget: commandAction('report.set_target')
};
