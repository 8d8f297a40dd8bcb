/**
 * The demo simulator: plays the scenario's day in compressed time through the same command
 * path as real users, as the demo accounts, and everything it causes is labelled demo.
 * Off unless KHAIMAC_DEMO_SPEED is set; without it the app is the real thing.
 */
import type { DayClock } from '$lib/types';
import { dayTime, isCompressed } from '$lib/day-clock';
import { dayClock, setDayClock } from '../clock';
import { config } from '../config';
import { executeCommand } from '../commands/execute';
import { db } from '../db';
import { uuidFromName } from '../ids';
import { realtime } from '../realtime';
import { currentEvent, listMilestones } from '../scenario/store';
import { milestoneNotices } from './milestones';
import { truckParade } from './trucks';
import type { DemoActor, DemoTick } from './types';

const key = Symbol.for('khai-mac.simulator');
type Holder = { [key]?: ReturnType<typeof setInterval> };

/** Demo actors, one per part of the day; features add theirs here. */
const actors: DemoActor[] = [milestoneNotices, truckParade];

/**
 * The simulated span: the parade's day when there is one (from 45 minutes before the first
 * parade milestone, so the trucks can be seen gathering), else the milestones with action in
 * them (gathering, ceremony); until an hour after the last of them.
 */
function demoSpan(): { start: number; end: number } | undefined {
	const milestones = listMilestones(db());
	const parade = milestones.filter((m) => m.kind === 'parade');
	const action = milestones.filter((m) => ['gathering', 'ceremony', 'parade'].includes(m.kind));
	const chosen = parade.length ? parade : action.length ? action : milestones;
	const span = chosen.map((m) => Date.parse(m.at));
	if (span.length === 0) return undefined;
	if (parade.length) return { start: Math.min(...span) - 45 * 60_000, end: Math.max(...span) + 60 * 60_000 };
	return { start: Math.min(...span) - 30 * 60_000, end: Math.max(...span) + 60 * 60_000 };
}

function demoClock(now: number): DayClock | undefined {
	const span = demoSpan();
	if (!span) return undefined;
	const clock = dayClock(db());
	const stillRunning =
		isCompressed(clock) && clock.speed === config.demoSpeed && dayTime(clock, now) < span.end;
	if (stillRunning) return clock; // a restart continues the same day; past its end, it plays again
	const anchorDay = span.start;
	const fresh = { anchorReal: now, anchorDay, speed: config.demoSpeed };
	setDayClock(db(), fresh);
	realtime()?.emit('clock:changed', fresh);
	return fresh;
}

/** A new simulated day: the trucks go back to the start (through the command path). */
async function startDay(eventId: string, clock: DayClock): Promise<void> {
	await executeCommand(
		{ kind: 'system', label: 'Bộ mô phỏng (demo)' },
		{
			id: uuidFromName(`demo:${eventId}:${clock.anchorReal}:new-day`),
			type: 'demo.new_day',
			payload: { anchorReal: clock.anchorReal }
		},
		{ demo: true }
	);
}

export function startSimulator(): void {
	const holder = globalThis as Holder;
	if (holder[key]) clearInterval(holder[key]);
	if (config.demoSpeed <= 0) return;
	const event = currentEvent(db());
	if (!event) {
		console.warn('[demo] không có kịch bản: bộ mô phỏng không chạy');
		return;
	}
	const started = Date.now();
	let clock = demoClock(started);
	if (!clock) {
		console.warn('[demo] kịch bản không có mốc thời gian: bộ mô phỏng không chạy');
		return;
	}
	// a day anchored just now is a new one (a day that was running goes on after a restart)
	const fresh = clock.anchorReal === started ? startDay(event.id, clock) : Promise.resolve();
	console.log(`[demo] mô phỏng ngày ${new Date(clock.anchorDay).toISOString()} với tốc độ ×${clock.speed}`);
	// replay from the start of the day: commands have ids derived from the day, so none runs twice
	let from = clock.anchorDay;
	let busy = false;
	holder[key] = setInterval(async () => {
		if (busy) return;
		busy = true;
		try {
			await fresh;
			const now = Date.now();
			const next = demoClock(now)!;
			if (next.anchorReal !== clock!.anchorReal) {
				clock = next;
				from = clock.anchorDay;
				await startDay(event.id, clock);
			}
			const to = dayTime(clock!, now);
			const tick: DemoTick = { eventId: event.id, clock: clock!, from, to };
			for (const actor of actors) await actor.tick(tick);
			from = to;
		} catch (error) {
			console.error('[demo] lỗi bộ mô phỏng', error);
		} finally {
			busy = false;
		}
	}, 1000);
}
