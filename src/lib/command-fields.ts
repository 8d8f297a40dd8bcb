/** Fields that the commands of several domains share. */
import type { MessageKey } from '$lib/i18n';
import { z } from '$lib/zod';

/** A slug: how units, trucks, routes, checkpoints, items, groups and rows are named in a scenario. */
export const slugPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A slug field that names what it is in its refusal ("Mã xe không hợp lệ"). */
export const slug = (what: string) => z.string().regex(slugPattern, `Mã ${what} không hợp lệ`);

export const unitId = slug('đơn vị');
export const truckId = slug('xe');

/** When a button was pressed (day time): matters when a device was offline and sends the press later. */
export const pressedAt = z.number().int().positive().optional();

/** Trimmed text up to `max` characters; empty becomes null. `tooLong` takes `{maximum}`. */
export const optionalText = (max: number, tooLong: MessageKey) =>
	z
		.string()
		.trim()
		.max(max, tooLong)
		.transform((v) => v || null)
		.nullable()
		.default(null);
