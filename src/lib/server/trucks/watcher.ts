/**
 * The fleet watcher: the fleet's heartbeat, once a second. It writes buffered positions (then
 * answers the phones that sent them), publishes one compact frame of the trucks that moved,
 * looks for what time reveals (stale, stopped, off route, late) and turns findings into system
 * commands on the one command path. Started by hooks.server.ts init(); nothing else starts it.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { z, zodLocale } from '$lib/zod';
import { translate, type Lang } from '$lib/i18n';
import { alertText } from '$lib/trucks/alerts';
import type { Fix } from '$lib/trucks/types';
import type { TruckStatusData } from '$lib/trucks/events';
import type { CommandPayload, CommandType } from '$lib/commands';
import type { Command, PositionsAck } from '$lib/types';
import { authorize, type Actor } from '../access';
import { dayNow } from '../day-clock';
import { executeCommand } from '../commands/execute';
import { config } from '../config';
import { db } from '../db';
import { publish, subscribe } from '../events/bus';
import { uuidFromName } from '../ids';
import type { Finding } from './findings';
import { fleet, reloadFleet } from './live-fleet';
import { openAlert, writeTrucks } from './store';

const key = Symbol.for('khai-mac.fleet-watcher');
interface Watcher {
	timer: ReturnType<typeof setInterval>;
	stop: () => void;
	/** phones waiting for their positions to be on disk: answered after the next flush */
	waiting: (() => void)[];
	beating: boolean;
}
type Holder = { [key]?: Watcher };

// the log's words are Vietnamese, whoever reads them later
const system: Actor = { kind: 'system', label: translate('vi', 'trucks.watcher.actor') };

export function startFleetWatcher(): void {
	// a restart (dev hot reload): the old heartbeat stops, and the fleet is read again
	if (stopFleetWatcher()) reloadFleet();
	fleet(); // loaded now, and following commits before the watcher's own listener below
	const stop = subscribe('committed', (event) => {
		if (event.type === 'truck.status_changed') void act(incidentFindings(event.data));
	});
	const state: Watcher = {
		timer: setInterval(() => void heartbeat(state), 1000),
		stop,
		waiting: [],
		beating: false
	};
	state.timer.unref?.();
	(globalThis as Holder)[key] = state;
}

/**
 * Stops the heartbeat; the positions it holds go to disk first, then the phones waiting for
 * them get their answer. False when none was running.
 */
export function stopFleetWatcher(): boolean {
	const holder = globalThis as Holder;
	const watcher = holder[key];
	if (!watcher) return false;
	clearInterval(watcher.timer);
	watcher.stop();
	delete holder[key];
	fleet().flush(db());
	for (const resolve of watcher.waiting) resolve();
	return true;
}

/** Resolves once the positions buffered so far are on disk (at the next heartbeat). */
function positionsWritten(): Promise<void> {
	const watcher = (globalThis as Holder)[key];
	// no watcher (a tool or test without the heartbeat): write them now
	if (!watcher) {
		fleet().flush(db());
		return Promise.resolve();
	}
	return new Promise<void>((resolve) => watcher.waiting.push(resolve));
}

/**
 * How long one turn of the heartbeat's writing may hold the event loop. 330 trucks' positions
 * and states were one transaction of 15–35 ms under load, and a gate command arriving then
 * waited behind all of it (bench:abuse, the slowest answers all at the heartbeat).
 */
const writeTurnMs = 4;
/** phones answered per turn once their positions are on disk */
const answersPerTurn = 50;

async function heartbeat(state: Watcher): Promise<void> {
	if (state.beating) return;
	state.beating = true;
	const live = fleet();
	try {
		// the frame first: the displays should not wait behind the writes and hundreds of acks
		const frame = live.takeFrame(Date.now());
		if (frame) publish('positions', frame);
		const done = state.waiting;
		state.waiting = [];
		if (!(await written(live))) {
			state.waiting = done.concat(state.waiting); // answered after a later heartbeat's write
			return;
		}
		for (let i = 0; i < done.length; i += answersPerTurn) {
			await nextTurn();
			for (const resolve of done.slice(i, i + answersPerTurn)) resolve();
		}
		// what time alone reveals, a turn later still
		await nextTurn();
		const now = { day: dayNow(db()), server: Date.now() };
		await act(
			live.tick(now, (truckId, kind, checkpointId) => !!openAlert(db(), truckId, kind, checkpointId))
		);
	} catch (error) {
		console.error('[fleet] heartbeat failed', error);
	} finally {
		state.beating = false;
	}
}

/**
 * Writes what the fleet buffered, a few milliseconds' worth per turn. False (everything given
 * back to the fleet, for the next heartbeat) when a write fails.
 */
async function written(live: ReturnType<typeof fleet>): Promise<boolean> {
	const writes = live.takeWrites();
	try {
		writeTrucks(db(), writes, writeTurnMs);
		while (writes.length) {
			await nextTurn();
			writeTrucks(db(), writes, writeTurnMs);
		}
		return true;
	} catch (error) {
		live.untake(writes);
		console.error('[fleet] positions not written, kept for the next heartbeat', error);
		return false;
	}
}

/**
 * A crew's "sự cố" raises an alert; going on again clears it. A status other than lost (the
 * crew going on with fresh fixes, finishing) clears a stale alert left open from before.
 */
function incidentFindings(d: TruckStatusData): Finding[] {
	if (d.status === 'incident') {
		const facts = { kind: 'incident', note: d.incidentNote ?? '' } as const;
		return [
			{
				kind: 'alert',
				truckId: d.truckId,
				alert: 'incident',
				checkpointId: null,
				message: alertText(d.truckName, facts, 'vi'),
				facts
			}
		];
	}
	const clear = (alert: 'incident' | 'stale'): Finding[] =>
		openAlert(db(), d.truckId, alert, null)
			? [{ kind: 'clear', truckId: d.truckId, alert, checkpointId: null }]
			: [];
	return [...clear('incident'), ...(d.status === 'lost' ? [] : clear('stale'))];
}

/** Findings become system commands; ids derive from what was found, so nothing is done twice. */
async function act(findings: Finding[]): Promise<void> {
	for (const f of findings) {
		const command = commandFor(f);
		// in a demo every truck is simulated, so what is found in its positions is demo too
		const result = await executeCommand(system, command, { demo: config.demoSpeed > 0 });
		if (!result.ok && result.code !== 'conflict' && result.code !== 'not_found') {
			console.warn(`[fleet] ${command.type} refused: ${result.message}`);
		}
	}
}

/** A system command whose id derives from what was found, so the same finding is acted on once. */
const named = <T extends CommandType>(
	type: T,
	payload: CommandPayload<T>,
	name: string
): Command<T, CommandPayload<T>> => ({ id: uuidFromName(name), type, payload });

function commandFor(f: Finding): Command {
	const episode = `${f.truckId}:${f.kind}:${'alert' in f ? f.alert : ''}:${'checkpointId' in f ? f.checkpointId : ''}:${Date.now()}`;
	switch (f.kind) {
		case 'reached':
			return named(
				'truck.reached',
				{ truckId: f.truckId, checkpointId: f.checkpointId, at: f.at },
				`reached:${f.truckId}:${f.checkpointId}:${f.at}`
			);
		case 'gathered':
			return named(
				'truck.gathered',
				{ truckId: f.truckId, milestoneId: f.milestoneId, at: f.at },
				`gathered:${f.milestoneId}:${f.truckId}`
			);
		case 'status':
			return named('truck.auto_status', { truckId: f.truckId, status: f.status }, `status:${episode}`);
		case 'alert':
			return named(
				'alert.raise',
				{
					truckId: f.truckId,
					kind: f.alert,
					checkpointId: f.checkpointId,
					message: f.message,
					facts: f.facts
				},
				`alert:${episode}`
			);
		case 'clear':
			return named(
				'alert.clear',
				{ truckId: f.truckId, kind: f.alert, checkpointId: f.checkpointId },
				`clear:${episode}`
			);
		default:
			return f satisfies never;
	}
}

const fixSchema = z.object({
	at: z.number().int().positive(),
	lat: z.number().min(-90).max(90),
	lng: z.number().min(-180).max(180),
	accuracy: z.number().min(0).max(100_000).nullable(),
	speed: z.number().min(0).max(400).nullable()
});

const batchSchema = z.object({
	truckId: z.string().min(1).max(64),
	fixes: z.array(z.unknown()).min(1).max(1000)
});

/**
 * A crew phone's batch of positions: checked, authorized, buffered; answered when on disk, in
 * the phone's language.
 */
export async function reportPositions(actor: Actor, input: unknown, lang: Lang): Promise<PositionsAck> {
	const parsed = batchSchema.safeParse(input, zodLocale(lang));
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		return {
			ok: false,
			code: 'invalid',
			message: translate(lang, 'trucks.positions.badBatch', {
				path: first.path.join('.'),
				why: first.message
			})
		};
	}
	const { truckId, fixes } = parsed.data;
	if (!authorize(actor, 'truck.position', { truckId })) {
		return { ok: false, code: 'forbidden', message: translate(lang, 'trucks.positions.notYourTruck') };
	}
	const live = fleet();
	if (!live.has(truckId))
		return { ok: false, code: 'not_found', message: translate(lang, 'trucks.refusal.noTruck', { truckId }) };
	// each fix on its own: one glitch (a speed of 900 km/h) must not cost the rest of the batch
	const good: Fix[] = [];
	const original: number[] = [];
	const bad: { index: number; reason: string }[] = [];
	fixes.forEach((raw, index) => {
		const fix = fixSchema.safeParse(raw, zodLocale(lang));
		if (fix.success) {
			good.push(fix.data);
			original.push(index);
		} else
			bad.push({
				index,
				reason: translate(lang, 'trucks.positions.badFix', { why: fix.error.issues[0].message })
			});
	});
	if (good.length === 0) return { ok: false, code: 'invalid', message: bad[0].reason };
	const { result, findings } = live.ingest(truckId, good, Date.now(), dayNow(db()), lang);
	result.refused = [...bad, ...result.refused.map((r) => ({ ...r, index: original[r.index] }))];
	await positionsWritten();
	await act(findings);
	return { ok: true, ...result };
}
