/** What the reporting domain tells the screens (drafts, submissions, sign-off), and its feed lines. */
import type { FeedLines } from '../feed-line';
import type { DraftView, SignoffView, SubmissionView } from './types';

export interface ReportEvents {
	/** a unit's draft as typed: only to that unit's own screens */
	'report.draft_saved': { draft: DraftView };
	'report.submitted': { submission: SubmissionView; unitName: string };
	'report.signed_off': { signoff: SignoffView };
	/** the template's targets changed: clients reload */
	'report.template_changed': { summary: string };
}

export const reportFeed: FeedLines<ReportEvents> = {
	'report.draft_saved': () => 'Lưu nháp báo cáo',
	'report.submitted': (d) => {
		const again = d.submission.version > 1 ? ` (lần ${d.submission.version})` : '';
		return `${d.unitName} gửi báo cáo${again}${d.submission.late ? ', sau hạn' : ''}`;
	},
	'report.signed_off': (d) => `Chốt bảng tổng hợp báo cáo (${d.signoff.counted.length} đơn vị)`,
	'report.template_changed': (d) => d.summary
};
