/**
 * The parts of the plan the demo plays, in order, each in its own compressed time: the day the
 * wards hang their banners (until the checklists' deadline) quickly, the ceremony's gate hour
 * and the parade at the demo speed; the Week's reporting, from its first day to a day after the
 * report deadline, quickly around them. Between acts the clock jumps (nothing happens overnight);
 * after the last act the cycle starts again.
 */
import { dueAt, isWholeDay } from '$lib/scenario/milestone-time';
import type { Milestone } from '$lib/scenario/schema';

export type ActName = 'preparation' | 'ceremony' | 'parade' | 'reporting';

export interface Act {
	name: ActName;
	start: number;
	end: number;
	/** day ms per real ms */
	speed: number;
}

const minute = 60_000;
const hour = 60 * minute;
/** a busy act with nothing moving on a map is played to last about this long */
const quickActRealMs = 5 * minute;

export interface ActInputs {
	milestones: Milestone[];
	/** the checklist items' deadlines */
	deadlines: number[];
	/** the ceremony's opening, if it has one */
	ceremonyAt: number | null;
	/** the Week's reporting (day times), when the scenario has a report table */
	reportWindow?: { start: number; end: number } | null;
	speed: number;
}

export function demoActs({ milestones, deadlines, ceremonyAt, reportWindow, speed }: ActInputs): Act[] {
	const acts: Act[] = [];
	if (deadlines.length) {
		const start = Math.min(...deadlines) - 11 * hour; // the base the checklist demo schedules from
		const end = Math.max(...deadlines) + 30 * minute;
		acts.push({
			name: 'preparation',
			start,
			end,
			speed: Math.max(speed, Math.round((end - start) / quickActRealMs))
		});
	}
	if (ceremonyAt !== null)
		acts.push({ name: 'ceremony', start: ceremonyAt - 90 * minute, end: ceremonyAt + 30 * minute, speed });
	// a parade given a day and no hour has no hour to play
	const parade = milestones
		.filter((m) => m.kind === 'parade' && !isWholeDay(m.at))
		.map((m) => Date.parse(m.at));
	if (parade.length)
		acts.push({
			name: 'parade',
			start: Math.min(...parade) - 45 * minute,
			end: Math.max(...parade) + hour,
			speed
		});
	if (acts.length === 0 && milestones.length) {
		const all = milestones.map((m) => dueAt(m.at));
		acts.push({
			name: 'ceremony',
			start: Math.min(...all) - 30 * minute,
			end: Math.max(...all) + hour,
			speed
		});
	}
	// the days around the other acts, quickly: units send their figures (the slower acts win their hours)
	if (reportWindow && reportWindow.end > reportWindow.start)
		acts.push({
			name: 'reporting',
			start: reportWindow.start,
			end: reportWindow.end,
			speed: Math.max(speed, Math.round((reportWindow.end - reportWindow.start) / quickActRealMs))
		});
	return layOut(acts);
}

/**
 * Overlapping acts are cut at each other's edges; where they overlap the slower one wins (what
 * moves on the map needs the demo speed; on a tie the act listed first). Neighbouring pieces of
 * the same act join again.
 */
function layOut(acts: Act[]): Act[] {
	const edges = [...new Set(acts.flatMap((a) => [a.start, a.end]))].sort((a, b) => a - b);
	const pieces: Act[] = [];
	for (let i = 0; i + 1 < edges.length; i++) {
		const [start, end] = [edges[i], edges[i + 1]];
		const covering = acts.filter((a) => a.start <= start && a.end >= end);
		if (covering.length === 0) continue;
		const slowest = covering.reduce((a, b) => (b.speed < a.speed ? b : a));
		const last = pieces[pieces.length - 1];
		if (last && last.end === start && last.name === slowest.name && last.speed === slowest.speed)
			last.end = end;
		else pieces.push({ name: slowest.name, start, end, speed: slowest.speed });
	}
	return pieces;
}
