/**
 * Truck commands: the crew's buttons, the coordinator's alerts and messages, and what the server
 * finds in the positions (arrivals, alerts, status), all on the one command path. The parade's
 * planning is in plan-commands.ts.
 */
import { say, type MessageKey } from '$lib/i18n';
import type { TruckStatus } from '$lib/trucks/types';
import type { TruckStatusData } from '$lib/trucks/events';
import { actorLabel, inScope, type Actor } from '../access';
import { dayNow, pressTime } from '../day-clock';
import { CommandError, defineCommand, type Emit } from '../commands/define';
import type { Db } from '../db';
import { onDutyStatus } from './findings';
import { recordGathered } from './gatherings';
import { fleet } from './live-fleet';
import { nextCheckpointOf } from './next-checkpoint';
import {
	acknowledgeAlert,
	clearAlert,
	getAlert,
	insertAlert,
	insertCrewMessage,
	loadState,
	openAlert,
	saveState,
	type TruckState
} from './store';
import { assignCrew, assignRoute, saveRoute, setStart } from './plan-commands';
import { ownTruck, truckAudience, truckOrRefuse, truckTarget, unitsOf } from './targets';

function statusChange(
	db: Db,
	truckId: string,
	by: TruckStatusData['by'],
	change: (state: TruckState, now: number) => Partial<TruckState>
): Emit<'truck.status_changed'> {
	const truck = truckOrRefuse(truckId);
	const state = fleet().state(truckId);
	const next: TruckState = { ...state, ...change(state, dayNow(db)) };
	saveState(db, next);
	return {
		type: 'truck.status_changed',
		data: { truckId, truckName: truck.name, status: next.status, incidentNote: next.incidentNote, by },
		...truckAudience(truckId)
	};
}

const byOf = (actor: Actor): TruckStatusData['by'] =>
	actor.kind === 'user' && actor.role === 'truck_crew' ? 'crew' : 'coordinator';

function require(state: TruckState, allowed: TruckStatus[], refusal: MessageKey): void {
	if (!allowed.includes(state.status)) throw new CommandError('conflict', say(refusal));
}

export const depart = defineCommand({
	type: 'truck.depart',
	emits: ['truck.status_changed'],
	action: 'truck.report',
	target: ownTruck,
	apply: (db, p, { actor }) =>
		statusChange(db, p.truckId, byOf(actor), (s, now) => {
			require(s, ['idle'], 'trucks.refusal.departed');
			return { status: 'moving', startedAt: pressTime(now, p.at), stillSince: null };
		})
});

export const reportIncident = defineCommand({
	type: 'truck.incident',
	emits: ['truck.status_changed'],
	action: 'truck.report',
	target: ownTruck,
	apply: (db, p, { actor }) =>
		statusChange(db, p.truckId, byOf(actor), (s) => {
			require(s, ['idle', 'moving', 'stopped', 'lost', 'incident'], 'trucks.refusal.routeDone');
			return { status: 'incident', incidentNote: p.note };
		})
});

export const resume = defineCommand({
	type: 'truck.resume',
	emits: ['truck.status_changed'],
	action: 'truck.report',
	target: ownTruck,
	apply: (db, p, { actor }) =>
		statusChange(db, p.truckId, byOf(actor), (s, now) => {
			require(s, ['incident'], 'trucks.refusal.noIncident');
			if (!s.startedAt) return { status: 'idle', incidentNote: null };
			// on again: as its fixes say (lost if none came for a while), the wait for the incident
			// not counted as standing
			const going = { ...s, stillSince: null };
			return { ...going, status: onDutyStatus(going, { day: now, server: Date.now() }), incidentNote: null };
		})
});

export const finish = defineCommand({
	type: 'truck.finish',
	emits: ['truck.status_changed'],
	action: 'truck.report',
	target: ownTruck,
	apply: (db, p, { actor }) =>
		statusChange(db, p.truckId, byOf(actor), (s, now) => {
			require(s, ['moving', 'stopped', 'lost', 'incident'], s.status === 'idle'
				? 'trucks.refusal.notDeparted'
				: 'trucks.refusal.finished');
			return { status: 'finished', finishedAt: pressTime(now, p.at) };
		})
});

function reached(
	db: Db,
	truckId: string,
	checkpointId: string,
	at: number,
	manual: boolean
): Emit<'truck.checkpoint_reached'> {
	const truck = truckOrRefuse(truckId);
	const checkpoint = fleet()
		.routeOf(truckId)
		?.checkpoints.find((c) => c.id === checkpointId);
	if (!checkpoint) throw new CommandError('not_found', say('trucks.refusal.checkpointNotOnRoute'));
	const state = loadState(db, truckId);
	const current = fleet().state(truckId);
	saveState(db, { ...current, reached: { ...state.reached, ...current.reached, [checkpointId]: at } });
	const late = openAlert(db, truckId, 'late', checkpointId);
	if (late) clearAlert(db, late.id, at);
	return {
		type: 'truck.checkpoint_reached',
		data: {
			truckId,
			truckName: truck.name,
			checkpointId,
			checkpointName: checkpoint.name,
			at,
			delaySeconds: Math.round((at - checkpoint.plannedAt) / 1000),
			manual
		},
		...truckAudience(truckId)
	};
}

export const arrive = defineCommand({
	type: 'truck.arrive',
	emits: ['truck.checkpoint_reached'],
	action: 'truck.report',
	target: ownTruck,
	apply(db, p) {
		const route = fleet().routeOf(p.truckId);
		const state = fleet().state(p.truckId);
		// no checkpoint named: the next one, as the crew phone and the ops room show it
		const checkpointId = p.checkpointId ?? (route && nextCheckpointOf(route, state)?.id);
		if (!checkpointId) throw new CommandError('conflict', say('trucks.refusal.allPassed'));
		if (checkpointId in state.reached)
			throw new CommandError('conflict', say('trucks.refusal.alreadyReached'));
		const now = dayNow(db);
		return reached(db, p.truckId, checkpointId, pressTime(now, p.at), true);
	}
});

export const systemReached = defineCommand({
	type: 'truck.reached',
	emits: ['truck.checkpoint_reached'],
	action: 'fleet.system',
	apply: (db, p) => reached(db, p.truckId, p.checkpointId, p.at, false)
});

/** đã tập kết: found in the truck's fixes (fleet.ts), recorded once per gathering */
export const systemGathered = defineCommand({
	type: 'truck.gathered',
	emits: ['truck.gathered'],
	action: 'fleet.system',
	apply(db, p) {
		const truck = truckOrRefuse(p.truckId);
		const gathering = fleet().gathering(p.milestoneId);
		if (!gathering) throw new CommandError('not_found', say('trucks.refusal.noGathering'));
		if (!recordGathered(db, p.milestoneId, p.truckId, p.at))
			throw new CommandError('conflict', say('trucks.refusal.alreadyGathered'));
		return {
			type: 'truck.gathered',
			data: {
				truckId: p.truckId,
				truckName: truck.name,
				milestoneId: p.milestoneId,
				title: gathering.title,
				at: p.at
			},
			...truckAudience(p.truckId)
		};
	}
});

export const autoStatus = defineCommand({
	type: 'truck.auto_status',
	emits: ['truck.status_changed'],
	action: 'fleet.system',
	apply: (db, p) =>
		statusChange(db, p.truckId, 'auto', (s) => {
			if (s.status === 'incident' || s.status === 'finished' || s.status === 'idle') {
				throw new CommandError('conflict', say('trucks.refusal.crewStatusKept'));
			}
			if (s.status === p.status) throw new CommandError('conflict', say('trucks.refusal.sameStatus'));
			return { status: p.status };
		})
});

export const raiseAlert = defineCommand({
	type: 'alert.raise',
	emits: ['alert.raised'],
	action: 'fleet.system',
	apply(db, p, { commandId }) {
		const truck = truckOrRefuse(p.truckId);
		if (openAlert(db, p.truckId, p.kind, p.checkpointId))
			throw new CommandError('conflict', say('trucks.refusal.alertOpen'));
		const alert = {
			id: commandId,
			truckId: p.truckId,
			kind: p.kind,
			checkpointId: p.checkpointId,
			message: p.message,
			facts: p.facts,
			raisedAt: dayNow(db),
			acknowledgedAt: null,
			acknowledgedBy: null,
			clearedAt: null
		};
		insertAlert(db, alert);
		return {
			type: 'alert.raised',
			data: {
				id: alert.id,
				truckId: p.truckId,
				truckName: truck.name,
				kind: p.kind,
				checkpointId: p.checkpointId,
				message: p.message,
				facts: p.facts,
				raisedAt: alert.raisedAt
			},
			audience: ['ops', 'display'],
			about: unitsOf([p.truckId])
		};
	}
});

export const clearAlertCommand = defineCommand({
	type: 'alert.clear',
	emits: ['alert.cleared'],
	action: 'fleet.system',
	apply(db, p) {
		const open = openAlert(db, p.truckId, p.kind, p.checkpointId);
		if (!open) throw new CommandError('not_found', say('trucks.refusal.noOpenAlert'));
		clearAlert(db, open.id, dayNow(db));
		return {
			type: 'alert.cleared',
			data: { id: open.id },
			audience: ['ops', 'display'],
			about: unitsOf([p.truckId])
		};
	}
});

export const acknowledge = defineCommand({
	type: 'alert.acknowledge',
	emits: ['alert.acknowledged'],
	action: 'alert.acknowledge',
	target(p, db) {
		const alert = getAlert(db, p.alertId);
		return alert ? truckTarget(db, alert.truckId) : {};
	},
	apply(db, p, { actor }) {
		const alert = getAlert(db, p.alertId);
		if (!alert) throw new CommandError('not_found', say('trucks.refusal.alertNotFound'));
		if (alert.acknowledgedAt)
			throw new CommandError(
				'conflict',
				say('trucks.refusal.alertAcknowledged', { by: alert.acknowledgedBy ?? '' })
			);
		const by = actorLabel(actor);
		acknowledgeAlert(db, alert.id, by, dayNow(db));
		return {
			type: 'alert.acknowledged',
			data: { id: alert.id, by },
			audience: ['ops', 'display'],
			about: unitsOf([alert.truckId])
		};
	}
});

export const messageCrew = defineCommand({
	type: 'crew.message',
	emits: ['crew.message_sent'],
	action: 'crew.message',
	target: (p, db) => (p.truckId ? truckTarget(db, p.truckId) : {}),
	apply(db, p, { actor, commandId, demo }) {
		if (p.truckId) truckOrRefuse(p.truckId);
		const message = { id: commandId, truckId: p.truckId, body: p.body, author: actorLabel(actor) };
		insertCrewMessage(db, { ...message, demo, at: dayNow(db) });
		// to every crew: every crew of the sender's level
		const mine = inScope(actor);
		const trucks = p.truckId
			? [p.truckId]
			: fleet()
					.trucks()
					.filter((t) => mine(t.unitId))
					.map((t) => t.id);
		return {
			type: 'crew.message_sent',
			data: message,
			audience: ['ops', ...trucks.map((id) => `truck:${id}`)],
			about: unitsOf(trucks)
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const truckHandlers = [
	depart,
	reportIncident,
	resume,
	finish,
	arrive,
	systemReached,
	systemGathered,
	autoStatus,
	raiseAlert,
	clearAlertCommand,
	acknowledge,
	messageCrew,
	saveRoute,
	assignRoute,
	setStart,
	assignCrew
];
