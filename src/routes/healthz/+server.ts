import { json } from '@sveltejs/kit';
import { version } from '$app/environment';
import { db } from '$lib/server/db';
import { processHealth } from '$lib/server/health';
import { lastSeq } from '$lib/server/events/log';
import { liveConnections } from '$lib/server/realtime';

/** For monitoring: is the database answering, how far is the log, how many live sockets, how
 * late the event loop runs and how much memory the process holds. */
export function GET() {
	try {
		const ok = (db().prepare('SELECT 1 AS one').get() as { one: number }).one === 1;
		return json(
			{
				ok,
				version,
				database: ok ? 'ok' : 'error',
				seq: lastSeq(db()),
				sockets: liveConnections(),
				...processHealth()
			},
			{ status: ok ? 200 : 503 }
		);
	} catch (error) {
		return json({ ok: false, version, database: String((error as Error).message) }, { status: 503 });
	}
}
