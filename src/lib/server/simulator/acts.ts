/**
 * The parts of the plan the demo plays, in order, each in its own compressed time: the day the
 * wards hang their banners (until the checklists' deadline), then the parade day. Between acts
 * the clock jumps (nothing happens overnight); after the last act the cycle starts again.
 */
import type { Milestone } from '$lib/scenario/schema';

export interface Act {
	name: 'preparation' | 'parade' | 'ceremony';
	start: number;
	end: number;
	/** day ms per real ms */
	speed: number;
}

const minute = 60_000;
const hour = 60 * minute;
/** a busy act with no trucks moving is played to last about this long */
const quickActRealMs = 5 * minute;

export function demoActs(milestones: Milestone[], deadlines: number[], speed: number): Act[] {
	const acts: Act[] = [];
	if (deadlines.length) {
		const first = Math.min(...deadlines);
		const last = Math.max(...deadlines);
		const start = first - 11 * hour; // the same base the checklist demo schedules from
		const end = last + 30 * minute;
		acts.push({
			name: 'preparation',
			start,
			end,
			speed: Math.max(speed, Math.round((end - start) / quickActRealMs))
		});
	}
	const parade = milestones.filter((m) => m.kind === 'parade').map((m) => Date.parse(m.at));
	const action = milestones
		.filter((m) => ['gathering', 'ceremony'].includes(m.kind))
		.map((m) => Date.parse(m.at));
	if (parade.length) {
		acts.push({
			name: 'parade',
			start: Math.min(...parade) - 45 * minute,
			end: Math.max(...parade) + hour,
			speed
		});
	} else if (action.length) {
		acts.push({
			name: 'ceremony',
			start: Math.min(...action) - 30 * minute,
			end: Math.max(...action) + hour,
			speed
		});
	} else if (!acts.length && milestones.length) {
		const all = milestones.map((m) => Date.parse(m.at));
		acts.push({
			name: 'ceremony',
			start: Math.min(...all) - 30 * minute,
			end: Math.max(...all) + hour,
			speed
		});
	}
	return merge(acts.sort((a, b) => a.start - b.start));
}

/** Acts that overlap become one, at the slower speed (trucks need it). */
function merge(acts: Act[]): Act[] {
	const merged: Act[] = [];
	for (const act of acts) {
		const previous = merged[merged.length - 1];
		if (previous && act.start <= previous.end) {
			previous.end = Math.max(previous.end, act.end);
			previous.speed = Math.min(previous.speed, act.speed);
			if (act.name === 'parade') previous.name = 'parade';
		} else merged.push({ ...act });
	}
	return merged;
}
