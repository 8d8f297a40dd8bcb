/**
 * When a milestone of the run of show falls due. Its `at` is a time ("2024-10-03T06:30:00+07:00")
 * or, as plans often say "ngày 11/10", a day without an hour ("2024-10-11"). A day means "by the
 * end of that day": it falls due at the day's end in Vietnam time, so it comes after the day's
 * timed items, and it stays to come all through the day instead of passing at its midnight.
 * Screens show such a day as its date, never as an invented hour (see MilestoneTime.svelte).
 */
import { dayStartMs } from '$lib/time/input';

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const dayMs = 86_400_000;

/** a day without an hour */
export function isWholeDay(at: string): boolean {
	return dayPattern.test(at);
}

/** epoch ms: the time itself, or the end of the day (the next day's first moment) */
export function dueAt(at: string): number {
	return isWholeDay(at) ? dayStartMs(at) + dayMs : Date.parse(at);
}

/** The run of show in the order its milestones fall due; the file's order on a tie. */
export function inRunOrder<T extends { at: string }>(milestones: readonly T[]): T[] {
	return milestones
		.map((m, i) => ({ m, i, due: dueAt(m.at) }))
		.sort((a, b) => a.due - b.due || a.i - b.i)
		.map(({ m }) => m);
}

/** The index of the first milestone (of a list in run order) not yet due at `now`; -1 when all are. */
export function nextDue(milestones: readonly { at: string }[], now: number): number {
	return milestones.findIndex((m) => dueAt(m.at) > now);
}
