/** The parade's planning (coordinator): routes, a truck's route and crew, the parade's start. */
import { say } from '$lib/i18n';
import type { Target } from '../access';
import { invalidateUserSessions } from '../auth/session';
import { CommandError, defineCommand } from '../commands/define';
import { listRoutes } from '../scenario/store';
import { unitTree } from '../scenario/tree';
import { getUser, updateUser } from '../users/store';
import { fleet } from './live-fleet';
import { replaceRoute, setTruckRoute } from './setup';
import { setParadeStart } from './store';
import { ownTruck, truckAudience, truckOrRefuse, unitsOf } from './targets';

export const saveRoute = defineCommand({
	type: 'route.save',
	emits: ['route.saved'],
	action: 'parade.plan',
	// a route driven by trucks of several levels is theirs together: only the level above all may change it
	target: (p) => routeTarget(p.route.id),
	apply(db, p) {
		const others = listRoutes(db).filter((r) => r.id !== p.route.id);
		if (others.some((r) => r.name === p.route.name)) {
			throw new CommandError('conflict', say('trucks.refusal.routeNameTaken', { name: p.route.name }), [
				{ path: 'route.name', message: say('trucks.problem.nameTaken') }
			]);
		}
		const ids = new Set<string>();
		for (const [i, c] of p.route.checkpoints.entries()) {
			if (ids.has(c.id))
				throw new CommandError('invalid', say('trucks.refusal.checkpointIdTaken', { id: c.id }), [
					{ path: `route.checkpoints[${i}].id`, message: say('trucks.problem.duplicate') }
				]);
			ids.add(c.id);
		}
		replaceRoute(db, p.route);
		return {
			type: 'route.saved',
			data: { routeId: p.route.id, name: p.route.name },
			audience: ['ops', 'display', 'staff'],
			about: 'event'
		};
	}
});

export const assignRoute = defineCommand({
	type: 'truck.assign_route',
	emits: ['truck.route_assigned'],
	action: 'parade.plan',
	target: ownTruck,
	apply(db, p) {
		const truck = truckOrRefuse(p.truckId);
		if (p.routeId && !fleet().route(p.routeId))
			throw new CommandError('not_found', say('trucks.refusal.noRoute', { routeId: p.routeId }));
		setTruckRoute(db, p.truckId, p.routeId);
		return {
			type: 'truck.route_assigned',
			data: { truckId: p.truckId, truckName: truck.name, routeId: p.routeId },
			...truckAudience(p.truckId)
		};
	}
});

/** The units of the trucks that drive a route; none yet: the saver's own level. */
function routeTarget(routeId: string): Target {
	const units = unitsOf(
		fleet()
			.trucks()
			.filter((t) => fleet().routeOf(t.id)?.id === routeId)
			.map((t) => t.id)
	);
	return units.length ? { unitIds: units } : {};
}

export const setStart = defineCommand({
	type: 'parade.set_start',
	emits: ['parade.start_set'],
	action: 'parade.plan',
	// the parade's start is the whole event's: set at its top
	target: (_, db) => ({ unitId: unitTree(db).root }),
	apply(db, p) {
		const startAt = p.startAt ? Date.parse(p.startAt) : null;
		setParadeStart(db, startAt);
		return {
			type: 'parade.start_set',
			data: { startAt },
			audience: ['ops', 'display', 'staff'],
			about: 'event'
		};
	}
});

export const assignCrew = defineCommand({
	type: 'truck.assign_crew',
	emits: ['truck.crew_assigned'],
	action: 'parade.plan',
	target: ownTruck,
	apply(db, p) {
		const truck = truckOrRefuse(p.truckId);
		const user = getUser(db, p.userId);
		if (!user || user.role !== 'truck_crew') {
			throw new CommandError('invalid', say('trucks.refusal.notCrew'), [
				{ path: 'userId', message: say('trucks.problem.notCrew') }
			]);
		}
		updateUser(db, { ...user, truckId: p.truckId, unitId: truck.unitId });
		// the phone signed in for another truck must not keep reporting for it
		invalidateUserSessions(db, user.id);
		return {
			type: 'truck.crew_assigned',
			data: {
				truckId: p.truckId,
				truckName: truck.name,
				userId: user.id,
				username: user.username,
				displayName: user.displayName
			},
			audience: ['ops', 'admin', `truck:${p.truckId}`],
			about: unitsOf([p.truckId])
		};
	}
});
