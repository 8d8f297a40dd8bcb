/** What the reporting domain tells the screens (drafts, submissions, sign-off), and its feed lines. */
import { translate } from '$lib/i18n';
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
	/**
	 * a row's target was set or removed: clients reload. The facts, worded in the reader's
	 * language; events logged before carry their Vietnamese line as `summary`.
	 */
	'report.template_changed': { rowId: string; rowLabel: string; set: boolean } | { summary: string };
}

export const reportFeed: FeedLines<ReportEvents> = {
	'report.draft_saved': (_d, lang) => translate(lang, 'reports.feed.draftSaved'),
	'report.submitted': ({ submission, unitName }, lang) => {
		if (submission.package)
			return translate(lang, 'packages.feed.imported', { unit: unitName, version: submission.version });
		const key =
			submission.version > 1
				? submission.late
					? 'reports.feed.submittedAgainLate'
					: 'reports.feed.submittedAgain'
				: submission.late
					? 'reports.feed.submittedLate'
					: 'reports.feed.submitted';
		return translate(lang, key, { unit: unitName, version: submission.version });
	},
	'report.signed_off': (d, lang) =>
		translate(lang, 'reports.feed.signedOff', { n: d.signoff.counted.length }),
	'report.template_changed': (d, lang) =>
		'summary' in d
			? d.summary
			: translate(lang, d.set ? 'reports.feed.targetSet' : 'reports.feed.targetCleared', {
					row: d.rowLabel
				})
};
