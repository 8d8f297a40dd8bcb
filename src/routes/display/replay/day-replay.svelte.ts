/**
 * The day played back: the boards of the wall display (checklists, ceremony, reporting,
 * notices) rebuilt from their state before the day by the day's events, up to the replay time.
 * Forward it only applies what came since; backward it starts again from the morning.
 */
import { CeremonyState } from '$lib/client/ceremony.svelte';
import { ChecklistBoard } from '$lib/client/checklists.svelte';
import { NoticeBoard } from '$lib/client/feed.svelte';
import { ReportBoard } from '$lib/client/reports.svelte';
import type { ChecklistItemView } from '$lib/checklists/types';
import type { CheckinView, InvitedGroupView, InviteeView } from '$lib/ceremony/types';
import type { LiveEvent } from '$lib/types';

export type ReplayEvent = LiveEvent & { dayAt: number };

export interface DayStart {
	checklist: ChecklistItemView[];
	ceremony: {
		id: string | null;
		groups: InvitedGroupView[];
		invitees: InviteeView[];
		checkins: CheckinView[];
	};
	reports: ConstructorParameters<typeof ReportBoard>[0] | null;
	events: ReplayEvent[];
}

export class DayReplay {
	checklists = $state.raw<ChecklistBoard>(null!);
	ceremony = $state.raw<CeremonyState>(null!);
	reports = $state.raw<ReportBoard | null>(null);
	notices = $state.raw<NoticeBoard>(null!);
	/** how many of the day's events the boards show */
	applied = $state(0);

	#start: DayStart;
	#time = -Infinity;

	constructor(start: DayStart, at: number) {
		this.#start = start;
		this.#reset();
		this.seek(at);
	}

	get total(): number {
		return this.#start.events.length;
	}

	/** The boards as they were at day time `t`. */
	seek(t: number): void {
		if (t < this.#time) this.#reset();
		this.#time = t;
		const events = this.#start.events;
		let i = this.applied;
		while (i < events.length && events[i].dayAt <= t) {
			// on the replay every time is the day's time
			const event = { ...events[i], at: events[i].dayAt };
			this.checklists.apply(event);
			this.ceremony.apply(event);
			this.reports?.apply(event);
			this.notices.apply(event);
			i++;
		}
		this.applied = i;
	}

	#reset(): void {
		const { checklist, ceremony, reports } = this.#start;
		this.checklists = new ChecklistBoard(checklist, []);
		this.ceremony = new CeremonyState(ceremony.groups, ceremony.invitees, ceremony.checkins, ceremony.id);
		this.reports = reports && new ReportBoard(reports);
		this.notices = new NoticeBoard([]);
		this.applied = 0;
		this.#time = -Infinity;
	}
}
