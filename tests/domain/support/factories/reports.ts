/** The reporting table's parts, small: template rows, a unit tree, submissions. */
import type { ReportRow } from '../../../../src/lib/scenario/schema';
import type { Figures, ReportUnit, SubmissionView } from '../../../../src/lib/reports/types';

export function aRow(id: string, inputs: ReportRow['inputs'], overrides: Partial<ReportRow> = {}): ReportRow {
	return {
		id,
		stt: '',
		section: 1,
		label: `Dòng ${id}`,
		measure: '',
		inputs,
		money: false,
		key: false,
		note: '',
		...overrides
	};
}

export function aUnit(id: string, parentId: string | null, kind = 'ward'): ReportUnit {
	return { id, name: `Đơn vị ${id}`, kind, parentId, reports: true };
}

let sequence = 0;

/** A submission of `unitId` (version 1 unless told), sent at `submittedAt` (day time). */
export function aSubmission(
	unitId: string,
	figures: Figures,
	overrides: Partial<Omit<SubmissionView, 'unitId' | 'figures'>> = {}
): SubmissionView {
	return {
		id: `bao-cao-${++sequence}`,
		unitId,
		version: 1,
		figures,
		narrative: {},
		photoIds: [],
		submittedAt: Date.parse('2024-10-06T10:00:00+07:00'),
		by: `Cán bộ ${unitId}`,
		late: false,
		afterSignoff: false,
		demo: false,
		...overrides
	};
}
