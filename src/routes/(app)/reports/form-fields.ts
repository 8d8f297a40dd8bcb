/**
 * The report form's field names, shared by the page (which names its inputs) and the action
 * (which reads them back): `cell.<row>.<count|people>`, `note.<row>`, `section.<id>`.
 */
import { cellsOf, readCell, type CellProblem } from '$lib/reports/cells';
import type { Cell, Figures, Narrative, ReportTemplate } from '$lib/reports/types';

export const cellField = (rowId: string, cell: Cell) => `cell.${rowId}.${cell}`;
export const noteField = (rowId: string) => `note.${rowId}`;
export const sectionField = (id: string) => `section.${id}`;

/**
 * What was typed, read against the template; the problems name the cells as the command does,
 * their words said in the reader's language by whoever shows them.
 */
export function readReportForm(
	template: ReportTemplate,
	value: (name: string) => string
): { figures: Figures; narrative: Narrative; problems: CellProblem[] } {
	const figures: Figures = {};
	const problems: CellProblem[] = [];
	for (const row of template.rows) {
		const entry: Figures[string] = {};
		for (const cell of cellsOf(row)) {
			const read = readCell(value(cellField(row.id, cell)), row);
			if (!read.ok) problems.push({ path: `figures.${row.id}.${cell}`, message: read.message });
			else if (read.value !== undefined) entry[cell] = read.value;
		}
		const note = value(noteField(row.id)).trim();
		if (note) entry.note = note;
		if (Object.keys(entry).length) figures[row.id] = entry;
	}
	const narrative: Narrative = {};
	for (const section of template.form.sections) {
		const text = value(sectionField(section.id));
		if (text.trim()) narrative[section.id] = text;
	}
	return { figures, narrative, problems };
}
