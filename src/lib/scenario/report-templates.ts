/**
 * A plan may name a shipped report table instead of pasting it: `"reportTable": "htsd-2023"`
 * for data/report-tables/htsd-2023.json. The name is put in place of the table before the file is
 * checked, so the template goes through the same schema as a pasted table, and an export writes
 * the table itself (an exported plan imports anywhere, whatever templates that server ships).
 */
import { translate, type Lang } from '$lib/i18n';
import type { Problem } from '$lib/types';
import { slugPattern } from '../command-fields';

/** The report tables a server ships, by name (the server's library reads them from disk). */
export interface ReportTemplates {
	names(): string[];
	/** the template's JSON as stored (throws when it cannot be read); only asked for one of `names()` */
	read(name: string): unknown;
}

/** No templates: a plan that names one is told which exist (none). */
export const noTemplates: ReportTemplates = { names: () => [], read: () => undefined };

/**
 * The file with its named report table put in place, or the problem with the name at
 * `reportTable` (and the file without it, so the schema does not say the same thing again).
 * A name is a plain slug: never a path, so nothing outside the templates' folder is read.
 */
export function withReportTemplate(
	raw: unknown,
	templates: ReportTemplates,
	lang: Lang
): { raw: unknown; problems: Problem[] } {
	if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { raw, problems: [] };
	const file = raw as Record<string, unknown>;
	const name = file.reportTable;
	if (typeof name !== 'string') return { raw, problems: [] };
	const refused = (message: string) => ({
		raw: { ...file, reportTable: undefined },
		problems: [{ path: 'reportTable', message }]
	});
	const known = templates.names().sort();
	const list = known.join(', ') || translate(lang, 'admin.check.noTemplates');
	if (!slugPattern.test(name))
		return refused(translate(lang, 'admin.check.templateName', { name, known: list }));
	if (!known.includes(name)) return refused(translate(lang, 'admin.check.noTemplate', { name, known: list }));
	let table: unknown;
	try {
		table = templates.read(name);
	} catch {
		return refused(translate(lang, 'admin.check.templateUnreadable', { name }));
	}
	return { raw: { ...file, reportTable: table }, problems: [] };
}
