/**
 * The reader's level's signed table as a report package (.zip: the .xlsx and the machine-readable
 * file with its hash), to send to the deployment of the level above. 404 until that table is
 * signed off.
 */
import { error, type RequestHandler } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { authorize, scopeOf } from '$lib/server/access';
import { db } from '$lib/server/db';
import { writeReportPackage } from '$lib/server/reports/package/write';

export const GET: RequestHandler = async ({ locals }) => {
	const { actor, lang } = locals;
	if (!actor) error(401, { message: translate(lang, 'reports.signIn'), code: 'unauthenticated' });
	if (!authorize(actor, 'read.reports'))
		error(403, { message: translate(lang, 'reports.forbidden'), code: 'forbidden' });
	const written = await writeReportPackage(db(), scopeOf(actor));
	if (!written) error(404, { message: translate(lang, 'packages.export.notSigned') });
	return new Response(new Uint8Array(written.bytes), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${written.fileName}"`,
			'cache-control': 'no-store'
		}
	});
};
