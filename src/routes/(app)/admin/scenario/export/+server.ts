import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { exportScenario } from '$lib/server/scenario/store';
import { unitTree } from '$lib/server/scenario/tree';
import type { RequestHandler } from './$types';

/** The current scenario as a file (accounts are not exported: they hold passwords). */
export const GET: RequestHandler = ({ locals }) => {
	if (!locals.actor) error(401, { message: translate(locals.lang, 'admin.export.signIn') });
	// the whole plan: a coordinator of one level may not take the others'
	if (!authorize(locals.actor, 'scenario.export', { unitId: unitTree(db()).root }))
		error(403, { message: translate(locals.lang, 'admin.export.forbidden') });
	const scenario = exportScenario(db());
	if (!scenario) error(404, { message: translate(locals.lang, 'admin.export.none') });
	return new Response(JSON.stringify(scenario, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${scenario.event.id}.json"`
		}
	});
};
