/**
 * The live fleet: every truck's state in memory, fed by positions and by committed events.
 * Positions are buffered and written once a second in one transaction (with the states they
 * changed); readers get views computed on the route with turf (progress, next checkpoint,
 * ETA, delay). What the positions reveal (arrivals, alerts, status) is returned as findings,
 * which the watcher turns into system commands on the one command path.
 */
import type { AlertKind, Fix, PositionFrame, RouteView, TruckStatus, TruckView } from '$lib/trucks/types';
import { truckStatuses } from '$lib/trucks/types';
import {
	checkpointsWithin,
	impossibleJump,
	inArea,
	locate,
	prepareRoute,
	RouteCoverage,
	type Area,
	type PreparedRoute
} from '$lib/trucks/geometry';
import { config } from '../config';
import { lateText } from './alert-text';
import { planArea, planMarginKm } from './plan-area';
import { truckView, type TruckSpec } from './truck-view';
import { listRoutes, listTruckSpecs } from '../scenario/store';
import { listUnits } from '../scenario/units';
import type { Db } from '../db';
import {
	blankState,
	clearJumpFlags,
	insertPositions,
	loadStates,
	saveState,
	type StoredPosition,
	type TruckState
} from './store';

export type Finding =
	| { kind: 'reached'; truckId: string; checkpointId: string; at: number }
	| { kind: 'status'; truckId: string; status: TruckStatus }
	| {
			kind: 'alert';
			truckId: string;
			alert: AlertKind;
			checkpointId: string | null;
			message: string;
	  }
	| { kind: 'clear'; truckId: string; alert: AlertKind; checkpointId: string | null };

export interface IngestResult {
	accepted: number;
	refused: { index: number; reason: string }[];
}

const onDuty: TruckStatus[] = ['moving', 'stopped', 'lost'];
const slowKmh = 3;
const stoppedAfterMs = 120_000;
/**
 * Fixes in a row that jump from where the truck was but agree with one another: then the
 * truck is where they say, and the earlier position was the bad one (a glitch taken while
 * nothing came before it to judge it by).
 */
const reanchorAfter = 5;
const outsideReason = `Vị trí nằm ngoài khu vực của kế hoạch (xa mọi lộ trình và địa điểm hơn ${planMarginKm} km): điện thoại chưa bắt được GPS, vị trí này không được dùng`;

/** A fix kept as a jump, as it was sent and as it is stored (its flag cleared if it is believed). */
interface Suspect {
	fix: Fix;
	stored: StoredPosition;
}

export class Fleet {
	#trucks: TruckSpec[] = [];
	#index = new Map<string, number>();
	#routes = new Map<string, PreparedRoute>();
	#states = new Map<string, TruckState>();
	#coverage = new Map<string, RouteCoverage>();
	#pending: StoredPosition[] = [];
	#dirty = new Set<string>();
	#moved = new Set<string>();
	#area: Area | null = null;
	/** per truck: the latest fixes that jumped, agreeing with one another */
	#suspects = new Map<string, Suspect[]>();
	/** jumps believed after all (re-anchoring), whose flag is cleared on disk at the next flush */
	#believed: StoredPosition[] = [];

	/** (Re)reads the trucks, routes and saved states: at start and after the setup changes. */
	load(db: Db): void {
		const units = new Map(listUnits(db).map((u) => [u.id, u.name]));
		this.#trucks = listTruckSpecs(db).map((spec) => ({
			...spec,
			unitName: units.get(spec.unitId) ?? spec.unitId
		}));
		this.#index = new Map(this.#trucks.map((t, i) => [t.id, i]));
		this.#routes = new Map(listRoutes(db).map((spec) => [spec.id, prepareRoute(spec)]));
		this.#states = loadStates(db);
		this.#area = planArea(db);
		this.#suspects.clear();
		this.#coverage.clear();
		for (const truck of this.#trucks) {
			const route = truck.routeId ? this.#routes.get(truck.routeId) : undefined;
			const bits = this.#states.get(truck.id)?.coverage;
			if (route)
				this.#coverage.set(truck.id, bits ? RouteCoverage.fromString(route, bits) : new RouteCoverage(route));
		}
	}

	has(truckId: string): boolean {
		return this.#index.has(truckId);
	}

	truck(truckId: string): TruckSpec | undefined {
		const i = this.#index.get(truckId);
		return i === undefined ? undefined : this.#trucks[i];
	}

	trucks(): readonly TruckSpec[] {
		return this.#trucks;
	}

	route(routeId: string | null | undefined): PreparedRoute | undefined {
		return routeId ? this.#routes.get(routeId) : undefined;
	}

	routeOf(truckId: string): PreparedRoute | undefined {
		return this.route(this.truck(truckId)?.routeId);
	}

	state(truckId: string): TruckState {
		return this.#states.get(truckId) ?? blankState(truckId);
	}

	/** Replaces a truck's state after a committed command changed it. */
	setState(state: TruckState): void {
		this.#states.set(state.truckId, state);
		this.#moved.add(state.truckId);
	}

	/**
	 * Takes a batch of fixes from one truck. Bad fixes are refused with a reason (outside the
	 * plan's area: not stored, no alert); fixes that arrive late (kept on the phone while
	 * offline) are stored, marked, and do not move the truck back in time. A jump no truck can
	 * make is stored flagged and does not move the truck, unless several in a row agree.
	 */
	ingest(
		truckId: string,
		fixes: Fix[],
		receivedAt: number,
		dayNow: number
	): { result: IngestResult; findings: Finding[] } {
		const refused: IngestResult['refused'] = [];
		const findings: Finding[] = [];
		let state = this.state(truckId);
		let accepted = 0;
		const ordered = fixes.map((fix, index) => ({ fix, index })).sort((a, b) => a.fix.at - b.fix.at);
		for (const { fix, index } of ordered) {
			if (fix.at > dayNow + 120_000) {
				refused.push({ index, reason: 'Thời điểm ở tương lai: kiểm tra đồng hồ của điện thoại' });
				continue;
			}
			if (fix.at < dayNow - 24 * 3600_000) {
				refused.push({ index, reason: 'Thời điểm quá cũ (hơn 24 giờ)' });
				continue;
			}
			if (this.#area && !inArea(this.#area, [fix.lng, fix.lat])) {
				refused.push({ index, reason: outsideReason });
				continue;
			}
			const last = state.lastFix;
			const jump = !!last && fix.at > last.at && impossibleJump(placed(last), placed(fix));
			const late = dayNow - fix.at > 30_000;
			const stored: StoredPosition = { ...fix, truckId, receivedAt, late, flag: jump ? 'jump' : null };
			this.#pending.push(stored);
			accepted++;
			if (last && fix.at <= last.at) continue; // kept for the record, not used for the live picture
			if (jump) {
				for (const believed of this.#suspected(truckId, { fix, stored }))
					state = this.#advance(state, believed, receivedAt, findings);
				continue;
			}
			this.#suspects.delete(truckId);
			state = this.#advance(state, fix, receivedAt, findings);
		}
		if (accepted) {
			this.#states.set(truckId, state);
			this.#dirty.add(truckId);
			this.#moved.add(truckId);
		}
		return { result: { accepted, refused }, findings };
	}

	/**
	 * Adds a jump to the truck's run of agreeing ones; returns the run's fixes, oldest first,
	 * once it is long enough to believe (their flags cleared), or nothing.
	 */
	#suspected(truckId: string, suspect: Suspect): Fix[] {
		const run = this.#suspects.get(truckId) ?? [];
		const previous = run.at(-1);
		const agrees = previous && !impossibleJump(placed(previous.fix), placed(suspect.fix));
		const next = agrees ? [...run, suspect] : [suspect];
		if (next.length < reanchorAfter) {
			this.#suspects.set(truckId, next);
			return [];
		}
		this.#suspects.delete(truckId);
		for (const { stored } of next) stored.flag = null;
		this.#believed.push(...next.map((s) => s.stored));
		return next.map((s) => s.fix);
	}

	#advance(previous: TruckState, fix: Fix, receivedAt: number, findings: Finding[]): TruckState {
		const announce = (finding: Finding) => {
			// one status change per batch: a phone back online sends hundreds of fixes at once
			if (
				finding.kind === 'status' &&
				findings.some((f) => f.kind === 'status' && f.truckId === finding.truckId)
			)
				return;
			findings.push(finding);
		};
		const state: TruckState = { ...previous, lastFix: fix, receivedAt, reached: { ...previous.reached } };
		const route = this.routeOf(state.truckId);
		if (route) {
			const where = locate(route, [fix.lng, fix.lat]);
			state.alongM = where.alongM;
			state.offRouteM = where.offRouteM;
			const off = where.offRouteM > config.offRouteMeters;
			state.offRouteSince = off ? (previous.offRouteSince ?? fix.at) : null;
			if (!off && previous.offRouteSince !== null) {
				findings.push({ kind: 'clear', truckId: state.truckId, alert: 'off_route', checkpointId: null });
			}
			const coverage = this.#coverage.get(state.truckId);
			if (coverage?.add([fix.lng, fix.lat])) state.coverage = coverage.toString();
			if (onDuty.includes(state.status) || state.status === 'incident') {
				const reached = new Set(Object.keys(state.reached));
				for (const checkpoint of checkpointsWithin(
					route,
					[fix.lng, fix.lat],
					reached,
					config.arrivalRadiusMeters
				)) {
					state.reached[checkpoint.id] = fix.at;
					findings.push({ kind: 'reached', truckId: state.truckId, checkpointId: checkpoint.id, at: fix.at });
				}
			}
		}
		const slow = fix.speed !== null && fix.speed < slowKmh;
		state.slowSince = slow ? (previous.slowSince ?? fix.at) : null;
		if (previous.status === 'lost') {
			announce({ kind: 'status', truckId: state.truckId, status: 'moving' });
			if (!findings.some((f) => f.kind === 'clear' && f.alert === 'stale' && f.truckId === state.truckId)) {
				findings.push({ kind: 'clear', truckId: state.truckId, alert: 'stale', checkpointId: null });
			}
		} else if (previous.status === 'stopped' && !slow) {
			announce({ kind: 'status', truckId: state.truckId, status: 'moving' });
		}
		return state;
	}

	/** What time alone reveals: stale trucks, long stops, being off route too long, lateness. */
	tick(
		dayNow: number,
		hasOpenAlert: (truckId: string, kind: AlertKind, checkpointId: string | null) => boolean
	): Finding[] {
		const findings: Finding[] = [];
		for (const truck of this.#trucks) {
			const state = this.state(truck.id);
			const since = state.lastFix?.at ?? state.startedAt;
			if (
				(state.status === 'moving' || state.status === 'stopped') &&
				since !== null &&
				dayNow - since > config.staleSeconds * 1000
			) {
				findings.push({ kind: 'status', truckId: truck.id, status: 'lost' });
				if (!hasOpenAlert(truck.id, 'stale', null)) {
					findings.push({
						kind: 'alert',
						truckId: truck.id,
						alert: 'stale',
						checkpointId: null,
						message: `${truck.name}: mất tín hiệu định vị`
					});
				}
			}
			if (
				state.status === 'moving' &&
				state.slowSince !== null &&
				dayNow - state.slowSince > stoppedAfterMs
			) {
				findings.push({ kind: 'status', truckId: truck.id, status: 'stopped' });
			}
			if (
				onDuty.includes(state.status) &&
				state.offRouteSince !== null &&
				dayNow - state.offRouteSince > config.offRouteSeconds * 1000 &&
				!hasOpenAlert(truck.id, 'off_route', null)
			) {
				findings.push({
					kind: 'alert',
					truckId: truck.id,
					alert: 'off_route',
					checkpointId: null,
					message: `${truck.name}: đi lệch lộ trình ${Math.round(state.offRouteM ?? 0)} m`
				});
			}
			const route = this.routeOf(truck.id);
			if (route && state.status !== 'finished') {
				const reached = new Set(Object.keys(state.reached));
				const next = route.checkpoints.find((c) => !reached.has(c.id));
				if (
					next &&
					dayNow > next.plannedAt + config.lateMinutes * 60_000 &&
					!hasOpenAlert(truck.id, 'late', next.id)
				) {
					const late = lateText(dayNow - next.plannedAt, next.plannedAt);
					findings.push({
						kind: 'alert',
						truckId: truck.id,
						alert: 'late',
						checkpointId: next.id,
						message: `${truck.name}: ${late} tại ${next.name}`
					});
				}
			}
		}
		return findings;
	}

	/**
	 * Writes the buffered positions and the states they changed, in one transaction. On failure
	 * everything stays buffered for the next try (and no phone is answered meanwhile).
	 */
	flush(db: Db): number {
		if (this.#pending.length === 0 && this.#dirty.size === 0) return 0;
		const pending = this.#pending;
		const believed = this.#believed;
		// a truck no longer in the setup (a new scenario) keeps its positions but no live state
		const dirty = [...this.#dirty].filter((id) => this.has(id));
		this.#pending = [];
		this.#believed = [];
		this.#dirty.clear();
		try {
			let added = 0;
			db.transaction(() => {
				added = insertPositions(db, pending);
				clearJumpFlags(db, believed);
				for (const id of dirty) saveState(db, this.state(id));
			})();
			return added;
		} catch (error) {
			this.#pending = pending.concat(this.#pending);
			this.#believed = believed.concat(this.#believed);
			for (const id of dirty) this.#dirty.add(id);
			throw error;
		}
	}

	view(truckId: string, dayNow: number): TruckView | undefined {
		const truck = this.truck(truckId);
		if (!truck) return undefined;
		const coverage = this.#coverage.get(truckId)?.ratio() ?? null;
		return truckView(truck, this.route(truck.routeId), this.state(truckId), coverage, dayNow);
	}

	views(dayNow: number): TruckView[] {
		return this.#trucks.map((t) => this.view(t.id, dayNow)!);
	}

	routeViews(): RouteView[] {
		return [...this.#routes.values()].map((r) => ({
			id: r.id,
			name: r.name,
			coordinates: r.coordinates,
			lengthM: r.lengthM,
			checkpoints: r.checkpoints.map((c) => ({ ...c, reachedAt: null }))
		}));
	}

	/** Covered stretches of each truck's route, for drawing. */
	coverageLines(): Record<string, [number, number][][]> {
		return Object.fromEntries([...this.#coverage].map(([truckId, c]) => [truckId, c.coveredLines()]));
	}

	missed(truckId: string): { fromM: number; toM: number }[] {
		return this.#coverage.get(truckId)?.missed() ?? [];
	}

	/** The frame of trucks that moved or changed since the last one; empty when none did. */
	takeFrame(serverNow: number): PositionFrame | null {
		if (this.#moved.size === 0) return null;
		const p: PositionFrame['p'] = [];
		for (const id of this.#moved) {
			const index = this.#index.get(id);
			const state = this.#states.get(id);
			if (index === undefined || !state?.lastFix) continue;
			const route = this.routeOf(id);
			const progress =
				route && state.alongM !== null ? Math.round((1000 * state.alongM) / route.lengthM) : -1;
			p.push([
				index,
				Math.round(state.lastFix.lat * 1e5),
				Math.round(state.lastFix.lng * 1e5),
				Math.round(state.lastFix.speed ?? 0),
				Math.min(1000, progress),
				truckStatuses.indexOf(state.status)
			]);
		}
		this.#moved.clear();
		return p.length ? { t: serverNow, p } : null;
	}
}

const placed = (fix: Fix) => ({ lngLat: [fix.lng, fix.lat] as [number, number], at: fix.at });
