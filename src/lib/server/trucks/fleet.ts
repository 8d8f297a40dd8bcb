/**
 * The live fleet: every truck's state in memory, fed by positions and by committed events.
 * Positions are buffered and written once a second in one transaction (with the states they
 * changed); readers get views computed on the route with turf (progress, next checkpoint,
 * ETA, delay). What the positions reveal (arrivals, alerts, status) is returned as findings,
 * which the watcher turns into system commands on the one command path.
 */
import type { Lang } from '$lib/i18n';
import type { GatheringView } from '$lib/trucks/gatherings';
import type { Fix, PositionFrame, RouteView, TruckView } from '$lib/trucks/types';
import { truckStatuses } from '$lib/trucks/types';
import {
	checkpointsWithin,
	distanceM,
	locate,
	prepareRoute,
	RouteCoverage,
	type PreparedRoute
} from '$lib/trucks/geometry';
import { config } from '../config';
import {
	movement,
	onDuty,
	standRadiusM,
	timeFindings,
	type Clocks,
	type Finding,
	type HasOpenAlert
} from './findings';
import { FixScreen } from './fix-screen';
import { expects, gatheringSpecs, loadGathered, type Gathered, type GatheringSpec } from './gatherings';
import { planArea } from './plan-area';
import { truckView, type TruckSpec } from './truck-view';
import { listMilestones, listRoutes, listTruckSpecs } from '../scenario/store';
import { listUnits } from '../scenario/units';
import type { Db } from '../db';
import {
	blankState,
	loadStates,
	writeTrucks,
	type StoredPosition,
	type TruckState,
	type TruckWrite
} from './store';

export interface IngestResult {
	accepted: number;
	refused: { index: number; reason: string }[];
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
	#screen = new FixScreen();
	/**
	 * per truck: the place its current run of standing fixes started at (state.stillSince says
	 * when). Not stored: after a restart the last fix stands in for it, which is within the
	 * radius of it anyway.
	 */
	#stands = new Map<string, [number, number]>();
	/** the gathering points (gatherings.ts) and who has come to each */
	#gatherings: GatheringSpec[] = [];
	#gathered: Gathered = new Map();

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
		this.#gatherings = gatheringSpecs(listMilestones(db));
		this.#gathered = loadGathered(db);
		this.#screen.reset(planArea(db));
		this.#stands.clear();
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
	 * Takes a batch of fixes from one truck. Bad fixes are refused with a reason in `lang` (outside the
	 * plan's area: not stored, no alert); fixes that arrive late (kept on the phone while
	 * offline) are stored, marked, and do not move the truck back in time. A jump no truck can
	 * make is stored flagged and does not move the truck, unless several in a row agree.
	 */
	ingest(
		truckId: string,
		fixes: Fix[],
		receivedAt: number,
		dayNow: number,
		lang: Lang
	): { result: IngestResult; findings: Finding[] } {
		const refused: IngestResult['refused'] = [];
		const findings: Finding[] = [];
		const before = this.state(truckId);
		let state = before;
		let accepted = 0;
		const ordered = fixes.map((fix, index) => ({ fix, index })).sort((a, b) => a.fix.at - b.fix.at);
		for (const { fix, index } of ordered) {
			const reason = this.#screen.refusal(fix, dayNow, lang);
			if (reason) {
				refused.push({ index, reason });
				continue;
			}
			const last = state.lastFix;
			const jump = this.#screen.jumps(last, fix);
			const late = dayNow - fix.at > 30_000;
			const stored: StoredPosition = { ...fix, truckId, receivedAt, late, flag: jump ? 'jump' : null };
			this.#pending.push(stored);
			accepted++;
			if (last && fix.at <= last.at) continue; // kept for the record, not used for the live picture
			if (jump) {
				for (const believed of this.#screen.suspect(truckId, { fix, stored }))
					state = this.#advance(state, believed, receivedAt, findings);
				continue;
			}
			this.#screen.followed(truckId);
			state = this.#advance(state, fix, receivedAt, findings);
		}
		if (state !== before) {
			findings.push(...statusFindings(before, state));
			this.#states.set(truckId, state);
		}
		if (accepted) {
			this.#dirty.add(truckId);
			this.#moved.add(truckId);
		}
		return { result: { accepted, refused }, findings };
	}

	#advance(previous: TruckState, fix: Fix, receivedAt: number, findings: Finding[]): TruckState {
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
		state.stillSince = this.#stand(previous, fix);
		this.#gather(state.truckId, fix, findings);
		return state;
	}

	/** A fix within a gathering point's radius, in its window, gathers the truck there (once). */
	#gather(truckId: string, fix: Fix, findings: Finding[]): void {
		for (const g of this.#gatherings) {
			if (!expects(g, truckId) || fix.at < g.opensAt || fix.at > g.closesAt) continue;
			if (this.#gathered.get(g.id)?.has(truckId)) continue;
			if (distanceM(g.position, [fix.lng, fix.lat]) > g.radiusM) continue;
			this.gathered(g.id, truckId, fix.at);
			findings.push({ kind: 'gathered', truckId, milestoneId: g.id, at: fix.at });
		}
	}

	/** Notes a truck gathered (found here, or committed): it is not found again. */
	gathered(milestoneId: string, truckId: string, at: number): void {
		let trucks = this.#gathered.get(milestoneId);
		if (!trucks) this.#gathered.set(milestoneId, (trucks = new Map()));
		if (!trucks.has(truckId)) trucks.set(truckId, at);
	}

	gathering(milestoneId: string): GatheringSpec | undefined {
		return this.#gatherings.find((g) => g.id === milestoneId);
	}

	/**
	 * The gatherings as a level sees them (`mine`: its units): its own trucks expected and
	 * counted; a gathering none of its trucks go to is not its.
	 */
	gatheringViews(mine: (unitId: string) => boolean): GatheringView[] {
		return this.#gatherings.flatMap((g) => {
			const expected = this.#trucks.filter((t) => expects(g, t.id) && mine(t.unitId)).map((t) => t.id);
			if (!expected.length) return [];
			const come = this.#gathered.get(g.id);
			const gathered = Object.fromEntries(
				expected.flatMap((id) => (come?.has(id) ? [[id, come.get(id)!]] : []))
			);
			const { id, title, place, at, position, radiusM } = g;
			return [{ id, title, place, at, position, radiusM, expected, gathered }];
		});
	}

	/**
	 * When the truck's current run of fixes within standRadiusM of one place began. Its place,
	 * not the speed its phone reports: phones say 0 or nothing when they do not know, and a
	 * parade crawls at 2 km/h, below any speed that could tell standing from driving.
	 */
	#stand(previous: TruckState, fix: Fix): number {
		const here: [number, number] = [fix.lng, fix.lat];
		const last = previous.lastFix;
		const place = this.#stands.get(previous.truckId) ?? (last ? [last.lng, last.lat] : null);
		if (previous.stillSince !== null && place && distanceM(place, here) <= standRadiusM)
			return previous.stillSince;
		this.#stands.set(previous.truckId, here);
		return fix.at;
	}

	/** What time alone reveals about every truck (findings.ts). */
	tick(now: Clocks, hasOpenAlert: HasOpenAlert): Finding[] {
		return this.#trucks.flatMap((truck) =>
			timeFindings(truck, this.state(truck.id), this.routeOf(truck.id), now, hasOpenAlert)
		);
	}

	/**
	 * Takes what is buffered for the disk, truck by truck: its positions, its jumps believed
	 * after all, and its state as those positions left it. Written with `writeTrucks`; what
	 * fails to be written is given back with `untake`.
	 */
	takeWrites(): TruckWrite[] {
		const writes = new Map<string, TruckWrite>();
		const of = (truckId: string) => {
			let write = writes.get(truckId);
			if (!write) {
				// a truck no longer in the setup (a new scenario) keeps its positions but no live state
				const state = this.#dirty.has(truckId) && this.has(truckId) ? this.state(truckId) : null;
				write = { truckId, positions: [], believed: [], state };
				writes.set(truckId, write);
			}
			return write;
		};
		for (const position of this.#pending) of(position.truckId).positions.push(position);
		for (const position of this.#screen.takeBelieved()) of(position.truckId).believed.push(position);
		for (const truckId of this.#dirty) of(truckId);
		this.#pending = [];
		this.#dirty.clear();
		return [...writes.values()];
	}

	/** Writes that failed go back to the buffer, ahead of what came since. */
	untake(writes: TruckWrite[]): void {
		this.#pending = writes.flatMap((w) => w.positions).concat(this.#pending);
		this.#screen.untake(writes.flatMap((w) => w.believed));
		for (const w of writes) if (w.state) this.#dirty.add(w.truckId);
	}

	/** Writes everything buffered in one transaction (a stop, a tool); on failure it stays buffered. */
	flush(db: Db): number {
		const writes = this.takeWrites();
		try {
			return writeTrucks(db, writes);
		} catch (error) {
			this.untake(writes);
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

/**
 * What a batch of fixes that moved the truck changed in its status, as one finding at most (a phone back
 * online sends hundreds at once): the status its last fix leaves it in. A lost truck heard
 * again has its alert cleared. What the crew said (idle, incident, finished) stands.
 */
function statusFindings(before: TruckState, after: TruckState): Finding[] {
	if (!onDuty.includes(before.status)) return [];
	const findings: Finding[] = [];
	const status = movement(after);
	if (status !== before.status) findings.push({ kind: 'status', truckId: after.truckId, status });
	if (before.status === 'lost')
		findings.push({ kind: 'clear', truckId: after.truckId, alert: 'stale', checkpointId: null });
	return findings;
}
