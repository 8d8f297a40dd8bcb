/** What the reporting domain tells the screens (drafts, submissions, sign-off), and its feed lines. */
import type { FeedLines } from '../feed-line';
import type { SignoffView, SubmissionView } from './types';

export interface ReportEvents {
	/**
	 * a unit's draft was saved: only to that unit's own screens, which read the draft itself
	 * from the page. A mark, not the draft: the log keeps what is submitted, and a report typed
	 * and saved every few seconds would otherwise log 40,000 characters each time. (Events
	 * logged before this change carry the whole draft as `draft`.)
	 */
	'report.draft_saved': { unitId: string; savedAt: number; by: string };
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
