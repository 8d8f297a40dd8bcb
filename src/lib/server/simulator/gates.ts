/**
 * Demo: the ceremony's gates. Named invitees arrive over the hour and a half before the opening
 * (most in the half hour before it, a few late, a few not at all), split over the demo gate
 * accounts; a few are scanned a second time at the other gate (refused: already in); student
 * and teacher groups are counted in by heads. The top level's ceremony: a level's own is not played.
 */
import { userActor, type Actor } from '../access';
import { ceremonyRunBy } from '../ceremony/levels';
import { ceremonySetup, listGroups, listInvitees } from '../ceremony/store';
import { unitTree } from '../scenario/tree';
import { executeCommand } from '../commands/execute';
import { db } from '../db';
import { uuidFromName } from '../ids';
import { demoUsers } from '../users/store';
import { share } from './share';
import type { DemoActor, DemoTick } from './types';

const minute = 60_000;

interface Step {
	at: number;
	key: string;
	gate: number;
	type: 'gate.check_in' | 'gate.count';
	payload: Record<string, unknown>;
}

/** Most arrive 40 to 10 minutes before the opening: a bell-like curve from 75 before to 10 after. */
function arrivalOffset(h: number, k: number): number {
	const bell = (h + k) / 2; // the mean of two uniform draws leans to the middle
	return -75 * minute + bell * 85 * minute;
}

function schedule(ceremonyId: string, startsAt: number): Step[] {
	const steps: Step[] = [];
	const invitees = listInvitees(db(), ceremonyId);
	invitees.forEach((p, i) => {
		const h = share(`${p.id}:a`);
		if (h > 0.93) return; // excused: never comes
		const at = startsAt + arrivalOffset(h, share(`${p.id}:b`));
		const gate = i % 2;
		steps.push({ at, key: `in:${p.id}`, gate, type: 'gate.check_in', payload: { inviteeId: p.id } });
		// the same invitation shown again at the other gate a little later
		if (share(`${p.id}:dup`) < 0.04)
			steps.push({
				at: at + 3 * minute,
				key: `again:${p.id}`,
				gate: 1 - gate,
				type: 'gate.check_in',
				payload: { inviteeId: p.id }
			});
	});
	const named = new Set(invitees.map((p) => p.groupId));
	for (const group of listGroups(db(), ceremonyId).filter((g) => !named.has(g.id) && g.expected > 0)) {
		// groups without a named list come in batches counted at the gate, to about 95% of expected
		let counted = 0;
		const target = Math.round(group.expected * 0.95);
		for (let b = 0; counted < target; b++) {
			const n = Math.min(target - counted, 5 + Math.floor(share(`${group.id}:${b}:n`) * 11));
			const at = startsAt + arrivalOffset(share(`${group.id}:${b}:a`), share(`${group.id}:${b}:b`));
			steps.push({
				at,
				key: `count:${group.id}:${b}`,
				gate: b % 2,
				type: 'gate.count',
				payload: { groupId: group.id, count: n }
			});
			counted += n;
		}
	}
	return steps;
}

export const gateArrivals: DemoActor = {
	name: 'gates',
	async tick(tick: DemoTick) {
		const ceremonyId = ceremonyRunBy(db(), unitTree(db()).root);
		const setup = ceremonyId && ceremonySetup(db(), ceremonyId);
		if (!ceremonyId || !setup) return;
		const startsAt = Date.parse(setup.startsAt);
		if (tick.to < startsAt - 80 * minute || tick.from > startsAt + 15 * minute) return;
		const gates: Actor[] = demoUsers(db(), 'gate_staff').map(userActor);
		if (gates.length === 0) return;
		for (const step of schedule(ceremonyId, startsAt)) {
			if (step.at <= tick.from || step.at > tick.to) continue;
			await executeCommand(
				gates[step.gate % gates.length],
				{
					id: uuidFromName(`demo:${tick.eventId}:${tick.cycle}:gate:${step.key}`),
					type: step.type,
					payload: { ...step.payload, ceremonyId, at: Math.round(step.at) }
				},
				{ demo: true }
			);
		}
	}
};
