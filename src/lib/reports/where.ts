/**
 * A problem's place in a report as the unit sees it printed ("Dòng 1 “Số lớp…”, cột “Người”"),
 * not as the command names it ("figures.lop-hoc.people"): what the page says to fix.
 */
import { translate, type Lang } from '$lib/i18n';
import type { ReportTemplate } from './types';

const short = (label: string) => (label.length > 60 ? `${label.slice(0, 59)}…` : label);

export function whereInReport(template: ReportTemplate, path: string, lang: Lang): string | undefined {
	const cell = /^figures\.([^.]+)(?:\.(count|people|note))?$/.exec(path);
	if (cell) {
		const row = template.rows.find((r) => r.id === cell[1]);
		const rowText = !row
			? translate(lang, 'reports.where.row', { label: cell[1] })
			: row.stt
				? translate(lang, 'reports.where.numberedRow', { stt: row.stt, label: short(row.label) })
				: translate(lang, 'reports.where.row', { label: short(row.label) });
		const column =
			cell[2] === 'count'
				? template.quantityColumns[0]
				: cell[2] === 'people'
					? template.quantityColumns[1]
					: cell[2] === 'note'
						? translate(lang, 'reports.table.note')
						: null;
		return column ? translate(lang, 'reports.where.column', { row: rowText, column }) : rowText;
	}
	const section = /^narrative\.(.+)$/.exec(path);
	if (section) {
		const found = template.form.sections.find((s) => s.id === section[1]);
		return found
			? translate(lang, 'reports.where.section', { title: short(found.title) })
			: translate(lang, 'reports.where.someSection');
	}
	const upload = /^uploads\[(\d+)\]$/.exec(path);
	if (upload) return translate(lang, 'reports.where.photo', { n: Number(upload[1]) + 1 });
	const target = /^target\.(count|people)$/.exec(path);
	if (target)
		return translate(lang, 'reports.where.target', {
			column: template.quantityColumns[target[1] === 'count' ? 0 : 1]
		});
	return undefined;
}
