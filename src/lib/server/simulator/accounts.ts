import type { SessionUser } from '../auth/session';
import type { Db } from '../db';
import type { Role } from '$lib/types';

/** The first demo account of a role: the simulator acts as it. */
export function demoUser(db: Db, role: Role): SessionUser | undefined {
	const row = db
		.prepare(
			'SELECT id, username, display_name, role, unit_id, truck_id FROM users WHERE demo = 1 AND disabled = 0 AND role = ? ORDER BY id LIMIT 1'
		)
		.get(role) as
		| {
				id: number;
				username: string;
				display_name: string;
				role: Role;
				unit_id: string | null;
				truck_id: string | null;
		  }
		| undefined;
	return (
		row && {
			id: row.id,
			username: row.username,
			displayName: row.display_name,
			role: row.role,
			unitId: row.unit_id,
			truckId: row.truck_id,
			demo: true
		}
	);
}
