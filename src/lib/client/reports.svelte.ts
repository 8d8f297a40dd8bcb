/**
 * The live picture of the reporting table for the organizer and the wall display: every
 * submission (moved by submission events), the sign-off, and what follows from them — each
 * unit's latest, the rolled-up table, who has reported. A template change reloads the page.
 */
import { invalidateAll } from '$app/navigation';
import { latestByUnit, rollUp, subtrees } from '$lib/reports/rollup';
import type { ReportTemplate, ReportUnit, SignoffView, SubmissionView } from '$lib/reports/types';
import type { LiveEvent } from '$lib/types';

export type UnitStanding = 'missing' | 'overdue' | 'on_time' | 'late' | 'revised_late';

export class ReportBoard {
	submissions = $state<SubmissionView[]>([]);
	signoff = $state<SignoffView | null>(null);
	readonly template: ReportTemplate;
	readonly units: ReportUnit[];
	readonly organizerId: string;
	readonly deadline: number | null;

	constructor(init: {
		template: ReportTemplate;
		units: ReportUnit[];
		organizer: ReportUnit;
		submissions: SubmissionView[];
		signoff: SignoffView | null;
		deadline: number | null;
	}) {
		this.template = init.template;
		this.units = init.units;
		this.organizerId = init.organizer.id;
		this.submissions = init.submissions;
		this.signoff = init.signoff;
		this.deadline = init.deadline;
	}

	latest = $derived(latestByUnit(this.submissions));
	/** the submission each unit had counted when the table was signed off */
	signedLatest = $derived.by(() => {
		const counted = this.signoff?.counted.map((c) => c.submissionId) ?? [];
		return latestByUnit(this.submissions.filter((s) => counted.includes(s.id)));
	});
	below = $derived.by(() => subtrees(this.units));
	/** the units expected to report: the organizer's tree but itself */
	reporting = $derived.by(() => {
		const tree = this.below.get(this.organizerId) ?? [];
		return this.units.filter((u) => u.id !== this.organizerId && tree.includes(u.id));
	});
	reported = $derived(this.reporting.filter((u) => this.latest.has(u.id)).length);
	/** the organizer's table: every unit of its tree */
	totals = $derived.by(() =>
		rollUp(this.template.rows, this.below.get(this.organizerId) ?? [this.organizerId], this.latest)
	);

	/** Where a unit stands against the deadline (day time now). */
	standing(unitId: string, now: number): UnitStanding {
		const versions = this.submissions.filter((s) => s.unitId === unitId);
		if (versions.length === 0) return this.deadline !== null && now > this.deadline ? 'overdue' : 'missing';
		if (!versions[0].late && versions.some((s) => s.late)) return 'revised_late';
		return versions[0].late ? 'late' : 'on_time';
	}

	apply(event: LiveEvent): void {
		if (event.type === 'report.template_changed') {
			void invalidateAll();
			return;
		}
		if (event.type === 'report.signed_off') {
			this.signoff = event.data.signoff;
			return;
		}
		if (event.type !== 'report.submitted') return;
		const { submission } = event.data;
		if (this.submissions.some((s) => s.id === submission.id)) return;
		this.submissions = [...this.submissions, submission];
	}
}
