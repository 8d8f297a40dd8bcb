/**
 * Small scenarios, built from parts with just what a test is about; every part valid by the
 * scenario schema, with defaults a test can override. Ids are numbered so parts never clash.
 */
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../../../src/lib/scenario/schema';
import { msToIso } from '../../../../src/lib/time/input';
import { onStreet } from './street';

type Part<K extends keyof ScenarioInput> = NonNullable<ScenarioInput[K]> extends (infer T)[] ? T : never;
export type UnitInput = Part<'units'>;
export type RouteInput = Part<'routes'>;
export type TruckInput = Part<'trucks'>;
export type ChecklistItemInput = Part<'checklistItems'>;

let sequence = 0;
const next = (prefix: string) => `${prefix}-${++sequence}`;

/** The parade's plan starts at 07:30 on 4 October 2024 (day time, ms). */
export const paradeStart = Date.parse('2024-10-04T07:30:00+07:00');
export const minutes = (n: number) => n * 60_000;
export const seconds = (n: number) => n * 1000;

export const district: UnitInput = { id: 'quan-thu', name: 'Quận Thử', kind: 'district', parentId: null };

export function aWard(overrides: Partial<UnitInput> = {}): UnitInput {
	const id = overrides.id ?? next('phuong');
	return { id, name: `Phường ${id}`, kind: 'ward', parentId: district.id, ...overrides };
}

/**
 * A route along the street, `lengthM` long, with a checkpoint every kilometre from the start
 * (cp-0 at 0 m, cp-1000 at 1000 m, …) planned at parade pace: 12 km/h, 5 minutes a kilometre.
 */
export function aRoute(
	overrides: Partial<Omit<RouteInput, 'line' | 'checkpoints'>> & {
		lengthM?: number;
		checkpoints?: { id?: string; atM: number; plannedAt?: number }[];
	} = {}
): RouteInput {
	const { lengthM = 3000, checkpoints, ...rest } = overrides;
	const id = rest.id ?? next('lo-trinh');
	const everyKm = Array.from({ length: Math.floor(lengthM / 1000) + 1 }, (_, km) => ({ atM: km * 1000 }));
	const stops: { id?: string; atM: number; plannedAt?: number }[] = checkpoints ?? everyKm;
	return {
		id,
		name: `Lộ trình ${id}`,
		line: { type: 'LineString', coordinates: [onStreet(0), onStreet(lengthM / 2), onStreet(lengthM)] },
		checkpoints: stops.map((stop) => {
			const cp = stop.id ?? `cp-${stop.atM}`;
			return {
				id: cp,
				name: `Điểm ${cp}`,
				position: onStreet(stop.atM),
				plannedAt: msToIso(stop.plannedAt ?? paradeStart + minutes((5 * stop.atM) / 1000))
			};
		}),
		...rest
	};
}

export function aTruck(overrides: Partial<TruckInput> & Pick<TruckInput, 'unitId'>): TruckInput {
	const id = overrides.id ?? next('xe');
	return { id, name: `Xe loa ${id}`, sloganIds: [], ...overrides };
}

export function aChecklistItem(
	overrides: Partial<ChecklistItemInput> & Pick<ChecklistItemInput, 'unitId'>
): ChecklistItemInput {
	return {
		id: next('muc'),
		kind: 'bang_ron',
		place: 'Cổng UBND phường',
		quantity: 2,
		deadline: '2024-10-03T17:00:00+07:00',
		...overrides
	};
}

/** A whole scenario around the given parts: one district, its wards, nothing else unless given. */
export function aScenario(parts: Partial<ScenarioInput> & { wards?: UnitInput[] } = {}): ScenarioInput {
	const { wards = [aWard()], ...rest } = parts;
	return {
		format: 'khai-mac/scenario@1',
		event: {
			id: 'tuan-le-thu',
			name: 'Tuần lễ thử',
			theme: 'Học tập suốt đời',
			startDate: '2024-10-01',
			endDate: '2024-10-07',
			organizerUnitId: district.id
		},
		units: [district, ...wards],
		...rest
	};
}

/** The scenario as the import leaves it: parsed, defaults filled in. */
export function parsed(scenario: ScenarioInput): Scenario {
	return scenarioSchema.parse(scenario);
}
