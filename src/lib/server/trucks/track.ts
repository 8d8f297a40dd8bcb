/** Recorded tracks for a trail or a replay, for those allowed to see the truck(s). */
import { z } from '$lib/zod';
import type { TrackPoint } from '$lib/types';
import { authorize, type Actor } from '../access';
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
	input: unknown
): { ok: true; points: TrackPoint[] } | { ok: false; message: string } {
	const parsed = query.safeParse(input);
	if (!parsed.success || parsed.data.to < parsed.data.from)
		return { ok: false, message: 'Khoảng thời gian không hợp lệ.' };
	const { truckId, from, to } = parsed.data;
	if (to - from > maxSpan) return { ok: false, message: 'Chọn khoảng thời gian tối đa 48 giờ.' };
	const allowed = truckId ? authorize(actor, 'read.truck', { truckId }) : authorize(actor, 'read.display');
	if (!allowed) return { ok: false, message: 'Bạn không có quyền xem hành trình này.' };
	return { ok: true, points: positionsBetween(db(), from, to, truckId ?? undefined) };
}
