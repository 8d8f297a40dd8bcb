/** The table as a file in the official layout: `?format=xlsx|csv`, which table as in sheet.server.ts. */
import { error, type RequestHandler } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { exportFileName, reportCsv, reportWorkbook } from '$lib/server/reports/export';
import { requestedSheet } from '../sheet.server';

export const GET: RequestHandler = async ({ url, locals }) => {
	const sheet = requestedSheet(locals.actor, url.searchParams, locals.lang);
	if (!sheet) error(404, { message: translate(locals.lang, 'reports.noTemplate') });
	const format = url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const headers = {
		'content-disposition': `attachment; filename="${exportFileName(sheet, format)}"`,
		'cache-control': 'no-store'
	};
	if (format === 'csv')
		return new Response(reportCsv(sheet), {
			headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' }
		});
	return new Response(new Uint8Array(await reportWorkbook(sheet)), {
		headers: {
			...headers,
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
		}
	});
};
