/**
 * The report as a file: `?format=xlsx|csv|docx`, which table as in sheet.server.ts. The .docx is
 * the document to sign and send up; building one with hundreds of photos takes seconds, so each
 * reader builds one at a time and the server one at a time, in a process of its own (document-file.ts).
 */
import { error, type RequestHandler } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { documentFile, DocumentsBusy } from '$lib/server/reports/document-file';
import { exportFileName, reportCsv, reportWorkbook } from '$lib/server/reports/export';
import { requestedSheet } from '../sheet.server';

const types = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	csv: 'text/csv; charset=utf-8'
} as const;
type Format = keyof typeof types;
const isFormat = (format: string | null): format is Format => !!format && format in types;

export const GET: RequestHandler = async ({ url, locals }) => {
	const sheet = requestedSheet(locals.actor, url.searchParams, locals.lang);
	if (!sheet) error(404, { message: translate(locals.lang, 'reports.noTemplate') });
	const asked = url.searchParams.get('format');
	const format: Format = isFormat(asked) ? asked : 'xlsx';
	let body: Uint8Array<ArrayBuffer> | string;
	if (format === 'csv') body = reportCsv(sheet);
	else if (format === 'xlsx') body = new Uint8Array(await reportWorkbook(sheet));
	else {
		try {
			// requestedSheet let only a signed-in reader this far
			const reader = locals.actor?.kind === 'user' ? `user:${locals.actor.userId}` : 'other';
			const file = await documentFile(sheet, reader);
			// the bytes as they are, not copied again: a city's document is tens of MB
			body = new Uint8Array(file.buffer as ArrayBuffer, file.byteOffset, file.byteLength);
		} catch (e) {
			if (e instanceof DocumentsBusy)
				error(429, { message: translate(locals.lang, 'reports.export.docxBusy'), code: 'busy' });
			console.error('[reports] the report document could not be built:', e);
			error(503, { message: translate(locals.lang, 'reports.export.docxFailed'), code: 'unavailable' });
		}
	}
	return new Response(body, {
		headers: {
			'content-type': types[format],
			'content-disposition': `attachment; filename="${exportFileName(sheet, format)}"`,
			'cache-control': 'no-store'
		}
	});
};
