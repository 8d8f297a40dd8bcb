/**
 * The live picture of the reporting table for a level's readers and the wall display: every
 * submission (moved by submission events), the sign-off, and what follows from them — each
 * unit's latest, the rolled-up table, who has reported. A template change reloads the page.
 */
import { invalidateAll } from '$app/navigation';
import { completeness, latestByUnit, liveTable, subtrees } from '$lib/reports/rollup';
import { unitStanding, type UnitStanding } from '$lib/reports/standing';
import type { ReportTemplate, ReportUnit, SignoffView, SubmissionView } from '$lib/reports/types';
import type { LiveEvent } from '$lib/types';

export type { UnitStanding };

export class ReportBoard {
	submissions = $state<SubmissionView[]>([]);
	signoff = $state<SignoffView | null>(null);
	/** the levels beneath that signed off their own tables: they count as signed here */
	levelSignoffs = $state<SignoffView[]>([]);
	readonly template: ReportTemplate;
	readonly units: ReportUnit[];
	readonly topId: string;
	readonly deadline: number | null;

	constructor(init: {
		template: ReportTemplate;
		units: ReportUnit[];
		top: ReportUnit;
		submissions: SubmissionView[];
		signoff: SignoffView | null;
		levelSignoffs: SignoffView[];
		deadline: number | null;
	}) {
		this.template = init.template;
		this.units = init.units;
		this.topId = init.top.id;
		this.submissions = init.submissions;
		this.signoff = init.signoff;
		this.levelSignoffs = init.levelSignoffs;
		this.deadline = init.deadline;
	}

	latest = $derived(latestByUnit(this.submissions));
	/** the submission each unit had counted when the table was signed off */
	signedLatest = $derived.by(() => {
		const counted = this.signoff?.counted.map((c) => c.submissionId) ?? [];
		return latestByUnit(this.submissions.filter((s) => counted.includes(s.id)));
	});
	below = $derived.by(() => subtrees(this.units));
	/** the levels beneath that signed off their own tables here: the units at their top */
	signedLevels = $derived(this.levelSignoffs.flatMap((s) => (s.unitId ? [s.unitId] : [])));
	/**
	 * who the table waits for and who has answered: its tree but its top, none marked as not
	 * reporting; a level beneath that signed (here, or as a package) is one answer for its units
	 */
	answers = $derived.by(() => completeness(this.units, this.topId, this.latest, this.signedLevels));
	reporting = $derived(this.answers.expected);
	reported = $derived(this.answers.answered.size);
	/** the table: every unit of its tree */
	totals = $derived.by(() =>
		liveTable(this.template.rows, this.topId, this.units, this.submissions, this.levelSignoffs)
	);

	/** The signed table of a level beneath, by the unit at its top; undefined: it has not signed. */
	levelSignoff(unitId: string): SignoffView | undefined {
		return this.levelSignoffs.find((s) => s.unitId === unitId);
	}

	/** Where a unit stands against the deadline (day time now). */
	standing(unitId: string, now: number): UnitStanding {
		return unitStanding(unitId, this.submissions, this.levelSignoffs, this.deadline, now);
	}

	apply(event: LiveEvent): void {
		if (event.type === 'report.template_changed') {
			void invalidateAll();
			return;
		}
		if (event.type === 'report.signed_off') {
			const { signoff } = event.data;
			// this table's own, or a level's beneath it (its figures count as signed from now)
			const whole = this.units.find((u) => u.id === this.topId)?.parentId === null;
			if (signoff.unitId === (whole ? null : this.topId)) this.signoff = signoff;
			else if (this.units.some((u) => u.id === signoff.unitId))
				this.levelSignoffs = [...this.levelSignoffs.filter((s) => s.id !== signoff.id), signoff];
			return;
		}
		if (event.type !== 'report.submitted') return;
		const { submission } = event.data;
		if (this.submissions.some((s) => s.id === submission.id)) return;
		this.submissions = [...this.submissions, submission];
	}
}
