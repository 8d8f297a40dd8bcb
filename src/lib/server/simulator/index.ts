/**
 * The demo simulator: plays the scenario's acts (see acts.ts) in compressed time through the
 * same command path as real users, as the demo accounts, and everything it causes is labelled
 * demo. Off unless KHAIMAC_DEMO_SPEED is set; without it the app is the real thing.
 */
import type { DayClock } from '$lib/types';
import { dayTime, isCompressed, nextClock } from '$lib/time/day-clock';
import { ceremonySetup } from '../ceremony/store';
import { listItemSpecs } from '../checklists/store';
import { dayClock, setDayClock } from '../day-clock';
import { config } from '../config';
import { executeCommand } from '../commands/execute';
import { db } from '../db';
import { publish } from '../events/bus';
import { uuidFromName } from '../ids';
import { reportPicture } from '../reports/picture';
import { currentEvent, listMilestones } from '../scenario/store';
import { demoActs, type Act } from './acts';
import { checklistWork } from './checklists';
import { gateArrivals } from './gates';
import { milestoneNotices } from './milestones';
import { reportSubmissions, reportWindow } from './reports';
import { loadCycle, saveCycle } from './state';
import { truckParade } from './trucks';
import { gatheringArrivals } from './gatherings';
import type { DemoActor, DemoTick } from './types';

const key = Symbol.for('khai-mac.simulator');
type Holder = { [key]?: ReturnType<typeof setInterval> };

/** Demo actors, one per part of the plan; features add theirs here. */
const actors: DemoActor[] = [
	milestoneNotices,
	checklistWork,
	gateArrivals,
	gatheringArrivals,
	truckParade,
	reportSubmissions
];

function acts(): Act[] {
	const setup = ceremonySetup(db());
	const picture = reportPicture(db());
	return demoActs({
		milestones: listMilestones(db()),
		deadlines: listItemSpecs(db()).map((item) => Date.parse(item.deadline)),
		ceremonyAt: setup ? Date.parse(setup.startsAt) : null,
		reportWindow: picture ? reportWindow(picture) : null,
		speed: config.demoSpeed
	});
}

function startAct(act: Act, now: number): DayClock {
	const clock = nextClock(dayClock(db()), { anchorReal: now, anchorDay: act.start, speed: act.speed });
	setDayClock(db(), clock);
	publish('clock', clock);
	return clock;
}

/** Where the demo is: the running act goes on after a restart; past its end, the next act. */
function position(all: Act[], now: number): { cycle: number; act: number; clock: DayClock; fresh: boolean } {
	const clock = dayClock(db());
	const saved = loadCycle(db());
	if (saved && isCompressed(clock) && saved.act < all.length) {
		const act = all[saved.act];
		const day = dayTime(clock, now);
		if (clock.speed === act.speed && day >= act.start && day < act.end)
			return { cycle: saved.cycle, act: saved.act, clock, fresh: false };
		if (day >= act.end && saved.act + 1 < all.length) {
			const next = saved.act + 1;
			saveCycle(db(), { cycle: saved.cycle, act: next });
			return { cycle: saved.cycle, act: next, clock: startAct(all[next], now), fresh: false };
		}
	}
	// a new cycle from the first act
	saveCycle(db(), { cycle: now, act: 0 });
	return { cycle: now, act: 0, clock: startAct(all[0], now), fresh: true };
}

/** A new cycle: trucks back to the start, checklists blank again (through the command path). */
async function newCycle(eventId: string, cycle: number): Promise<void> {
	await executeCommand(
		{ kind: 'system', label: 'Bộ mô phỏng (demo)' },
		{
			id: uuidFromName(`demo:${eventId}:${cycle}:new-day`),
			type: 'demo.new_day',
			payload: { anchorReal: cycle }
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
	const all = acts();
	if (all.length === 0) {
		console.warn('[demo] kịch bản không có mốc thời gian: bộ mô phỏng không chạy');
		return;
	}
	let at = position(all, Date.now());
	const fresh = at.fresh ? newCycle(event.id, at.cycle) : Promise.resolve();
	console.log(
		`[demo] ${all.map((a) => `${a.name} ${new Date(a.start).toISOString()} ×${a.speed}`).join(' → ')}`
	);
	// replay from the start of the act: commands have ids derived from the cycle, so none runs twice
	let from = all[at.act].start;
	let busy = false;
	holder[key] = setInterval(async () => {
		if (busy) return;
		busy = true;
		try {
			await fresh;
			const now = Date.now();
			const next = position(all, now);
			if (next.cycle !== at.cycle || next.act !== at.act) {
				if (next.cycle !== at.cycle) await newCycle(event.id, next.cycle);
				at = next;
				from = all[at.act].start;
			}
			const to = Math.min(dayTime(at.clock, now), all[at.act].end);
			const tick: DemoTick = {
				eventId: event.id,
				cycle: at.cycle,
				clock: at.clock,
				act: all[at.act],
				from,
				to
			};
			for (const actor of actors) await actor.tick(tick);
			from = to;
		} catch (error) {
			console.error('[demo] lỗi bộ mô phỏng', error);
		} finally {
			busy = false;
		}
	}, 1000);
}
