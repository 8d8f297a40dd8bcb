import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { exportScenario } from '$lib/server/scenario/store';
import type { RequestHandler } from './$types';

/** The current scenario as a file (accounts are not exported: they hold passwords). */
export const GET: RequestHandler = ({ locals }) => {
	if (!locals.actor) error(401, { message: translate(locals.lang, 'admin.export.signIn') });
	if (!authorize(locals.actor, 'scenario.export'))
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
