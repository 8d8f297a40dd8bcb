/**
 * Demo: every truck with a route drives it as its crew's phone would: presses Xuất phát, sends
 * a fix each simulated step with GPS noise, reaches each checkpoint about on plan, presses
 * Hoàn thành at the end. Four trucks misbehave so every alert can be seen: one leaves late,
 * one leaves the route for a while, one loses its signal, one reports an incident.
 */
import { pointAlong, type PreparedRoute } from '$lib/trucks/geometry';
import type { Fix } from '$lib/trucks/types';
import { userActor, type Actor } from '../access';
import { executeCommand } from '../commands/execute';
import { config } from '../config';
import { db } from '../db';
import { uuidFromName } from '../ids';
import { fleet } from '../trucks/live-fleet';
import { reportPositions } from '../trucks/watcher';
import { demoCrewOf } from '../users/store';
import type { DemoActor, DemoTick } from './types';

const paceKmh = 12;
const minute = 60_000;

type Role = 'normal' | 'late' | 'detour' | 'silent' | 'incident';
const roles: Role[] = ['normal', 'late', 'detour', 'silent', 'incident'];

interface Plan {
	departAt: number;
	/** (day time, metres along) knots: the truck is on plan at each checkpoint */
	knots: [number, number][];
	endAt: number;
}

function plan(route: PreparedRoute, role: Role): Plan {
	const pace = (paceKmh * 1000) / 3600_000; // metres per ms
	const first = route.checkpoints[0];
	const departAt =
		(first ? first.plannedAt - first.alongM / pace : Date.now()) + (role === 'late' ? 15 * minute : 0);
	const knots: [number, number][] = [[departAt, 0]];
	for (const c of route.checkpoints) {
		const [lastAt, lastAlong] = knots[knots.length - 1];
		// never faster than the pace: a late truck stays late
		knots.push([
			Math.max(c.plannedAt + (role === 'late' ? 15 * minute : 0), lastAt + (c.alongM - lastAlong) / pace),
			c.alongM
		]);
	}
	const [lastAt, lastAlong] = knots[knots.length - 1];
	const endAt = lastAt + (route.lengthM - lastAlong) / pace;
	knots.push([endAt, route.lengthM]);
	return { departAt, knots, endAt };
}

function alongAt(p: Plan, t: number): number {
	for (let i = 1; i < p.knots.length; i++) {
		const [t0, a0] = p.knots[i - 1];
		const [t1, a1] = p.knots[i];
		if (t <= t1) return t1 === t0 ? a1 : a0 + ((a1 - a0) * (t - t0)) / (t1 - t0);
	}
	return p.knots[p.knots.length - 1][1];
}

/** about 8 m of GPS noise, in degrees */
const noise = () => (Math.random() - 0.5) * 0.00015;

function fixAt(route: PreparedRoute, p: Plan, role: Role, t: number, dt: number): Fix {
	const along = alongAt(p, t);
	const [lng, lat] = pointAlong(route, along);
	const share = (t - p.departAt) / (p.endAt - p.departAt);
	// the detour: 300 m north of the route through the middle of the trip
	const detour = role === 'detour' && share > 0.35 && share < 0.5 ? 0.0027 : 0;
	const speed = dt > 0 ? Math.max(0, ((along - alongAt(p, t - dt)) / dt) * 3600) : 0;
	return {
		at: Math.round(t),
		lat: lat + noise() + detour,
		lng: lng + noise(),
		accuracy: 8 + Math.random() * 7,
		speed
	};
}

async function press(
	crew: Actor,
	key: string,
	type: string,
	payload: Record<string, unknown>
): Promise<void> {
	await executeCommand(crew, { id: uuidFromName(key), type, payload }, { demo: true });
}

async function drive(truckId: string, index: number, tick: DemoTick): Promise<void> {
	const route = fleet().routeOf(truckId);
	const user = demoCrewOf(db(), truckId);
	if (!route || !user) return;
	const crew = userActor(user);
	const role = roles[index % roles.length];
	const p = plan(route, role);
	const { from, to } = tick;
	const key = (what: string) => `demo:${tick.eventId}:${tick.cycle}:${truckId}:${what}`;
	const state = fleet().state(truckId);

	if (to < p.departAt) return;
	if (state.status === 'idle') await press(crew, key('depart'), 'truck.depart', { truckId });
	if (role === 'incident') {
		const at = p.departAt + (p.endAt - p.departAt) * 0.3;
		if (from < at && to >= at)
			await press(crew, key('incident'), 'truck.incident', {
				truckId,
				note: 'Loa bị rè, đang dừng chỉnh lại (demo)'
			});
		if (from < at + 10 * minute && to >= at + 10 * minute)
			await press(crew, key('resume'), 'truck.resume', { truckId });
	}
	if (from >= p.endAt) return;
	// silence is measured on the server's own clock (findings.ts): quiet for 6 minutes of the day,
	// or long enough in real seconds for the ops room to see the truck lost at this demo speed
	const quietFor = Math.max(6 * minute, (config.staleSeconds + 15) * 1000 * tick.clock.speed);
	const silentFrom = p.departAt + (p.endAt - p.departAt) * 0.5;
	const silent = role === 'silent' && to > silentFrom && to < silentFrom + quietFor;
	if (!silent)
		// the answer's words are read by no one: the demo crews are the plan's, in Vietnamese
		await reportPositions(
			crew,
			{ truckId, fixes: [fixAt(route, p, role, Math.min(to, p.endAt), to - from)] },
			'vi'
		);
	if (to >= p.endAt) await press(crew, key('finish'), 'truck.finish', { truckId });
}

export const truckParade: DemoActor = {
	name: 'trucks',
	async tick(tick) {
		const routed = fleet()
			.trucks()
			.filter((t) => t.routeId);
		await Promise.all(routed.map((t, i) => drive(t.id, i, tick)));
	}
};
