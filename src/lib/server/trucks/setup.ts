/** Changes to the parade's setup made on the day (routes drawn on the map, route assignments). */
import type { Scenario } from '$lib/scenario/schema';
import type { Db } from '../db';

export function replaceRoute(db: Db, route: Scenario['routes'][number]): void {
	const existing = db.prepare('SELECT sort FROM routes WHERE id = ?').get(route.id) as
		{ sort: number } | undefined;
	if (existing) {
		db.prepare('UPDATE routes SET spec = ? WHERE id = ?').run(JSON.stringify(route), route.id);
	} else {
		const { next } = db.prepare('SELECT COALESCE(MAX(sort), -1) + 1 AS next FROM routes').get() as {
			next: number;
		};
		db.prepare('INSERT INTO routes (id, sort, spec) VALUES (?, ?, ?)').run(
			route.id,
			next,
			JSON.stringify(route)
		);
	}
}

export function setTruckRoute(db: Db, truckId: string, routeId: string | null): void {
	const row = db.prepare('SELECT spec FROM trucks WHERE id = ?').get(truckId) as { spec: string };
	const spec = JSON.parse(row.spec) as Scenario['trucks'][number];
	const next = { ...spec, routeId: routeId ?? undefined };
	db.prepare('UPDATE trucks SET route_id = ?, spec = ? WHERE id = ?').run(
		routeId,
		JSON.stringify(next),
		truckId
	);
}
