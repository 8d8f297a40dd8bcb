/**
 * A problem's place in a report as the unit sees it printed ("Dòng 1 “Số lớp…”, cột “Người”"),
 * not as the command names it ("figures.lop-hoc.people"): what the page says to fix.
 */
import type { ReportTemplate } from './types';

const short = (label: string) => (label.length > 60 ? `${label.slice(0, 59)}…` : label);

export function whereInReport(template: ReportTemplate, path: string): string | undefined {
	const cell = /^figures\.([^.]+)(?:\.(count|people|note))?$/.exec(path);
	if (cell) {
		const row = template.rows.find((r) => r.id === cell[1]);
		const rowText = row ? `Dòng ${row.stt ? `${row.stt} ` : ''}“${short(row.label)}”` : `Dòng “${cell[1]}”`;
		const column =
			cell[2] === 'count'
				? template.quantityColumns[0]
				: cell[2] === 'people'
					? template.quantityColumns[1]
					: cell[2] === 'note'
						? 'Ghi chú'
						: null;
		return column ? `${rowText}, cột “${column}”` : rowText;
	}
	const section = /^narrative\.(.+)$/.exec(path);
	if (section) {
		const found = template.form.sections.find((s) => s.id === section[1]);
		return found ? `Phần “${short(found.title)}”` : 'Một phần của báo cáo';
	}
	const upload = /^uploads\[(\d+)\]$/.exec(path);
	if (upload) return `Ảnh thứ ${Number(upload[1]) + 1}`;
	const target = /^target\.(count|people)$/.exec(path);
	if (target) return `Chỉ tiêu, cột “${template.quantityColumns[target[1] === 'count' ? 0 : 1]}”`;
	return undefined;
}
