/** Recorded tracks for a trail or a replay, for those allowed to see the truck(s). */
import { z } from '$lib/zod';
import { translate, type Lang } from '$lib/i18n';
import type { TrackPoint } from '$lib/types';
import { authorize, inScope, scopeOf, type Actor } from '../access';
import { listTrucks, truckUnit } from '../scenario/units';
import { db } from '../db';
import { positionsBetween } from './store';

const query = z.object({
	truckId: z.string().min(1).max(64).nullable(),
	from: z.number().int(),
	to: z.number().int()
});

const maxSpan = 48 * 3600_000;

export function readTrack(
	actor: Actor,
	input: unknown,
	lang: Lang
): { ok: true; points: TrackPoint[] } | { ok: false; message: string } {
	const parsed = query.safeParse(input);
	if (!parsed.success || parsed.data.to < parsed.data.from)
		return { ok: false, message: translate(lang, 'trucks.track.badSpan') };
	const { truckId, from, to } = parsed.data;
	if (to - from > maxSpan)
		return { ok: false, message: translate(lang, 'trucks.track.tooLong', { hours: maxSpan / 3600_000 }) };
	const allowed = truckId
		? authorize(actor, 'read.truck', { truckId, unitId: truckUnit(db(), truckId) ?? null })
		: authorize(actor, 'read.display');
	if (!allowed) return { ok: false, message: translate(lang, 'trucks.track.forbidden') };
	const points = positionsBetween(db(), from, to, truckId ?? undefined);
	if (truckId || !scopeOf(actor)) return { ok: true, points };
	// every truck's: every truck of the reader's level
	const mine = inScope(actor);
	const units = new Map(listTrucks(db()).map((t) => [t.id, t.unitId]));
	return { ok: true, points: points.filter((p) => mine(units.get(p.truckId))) };
}
