/**
 * Rehearsing a plan on another day (diễn tập): a 2020 plan imported today would say everywhere
 * that the programme is over. The whole plan moves by whole days so that its first day is the
 * day chosen, every time keeping its time of day in Vietnam (no daylight saving), and the event
 * is marked as a rehearsal, which every screen that names it shows and an export keeps.
 */
import type { Scenario } from './schema';
import { daysBetween, shiftPlan } from './shift.js';

const dayMs = 86_400_000;
const vnOffsetMs = 7 * 3_600_000;

/** The plan moved so that its first day is `day` (YYYY-MM-DD), marked as a rehearsal. */
export function rehearse(plan: Scenario, day: string): Scenario {
	const moved = shiftPlan(plan, daysBetween(plan.event.startDate, day) * dayMs);
	// a rehearsal moved again is still a rehearsal of the plan's own first day
	const originalStartDate = plan.event.rehearsal?.originalStartDate ?? plan.event.startDate;
	return { ...moved, event: { ...moved.event, rehearsal: { originalStartDate } } };
}

/** Today in Vietnam (YYYY-MM-DD), whatever the machine's own time zone. */
export function vietnamToday(now: number = Date.now()): string {
	return new Date(now + vnOffsetMs).toISOString().slice(0, 10);
}
