/** Fields that the commands of several domains share. */
import type { MessageKey } from '$lib/i18n';
import { z } from '$lib/zod';

/** A slug: how units, trucks, routes, checkpoints, items, groups and rows are named in a scenario. */
export const slugPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;

// the refusals are catalogue keys, said in the sender's language (a domain's own ids use its own)
export const unitId = z.string().regex(slugPattern, 'problems.unitId');
export const truckId = z.string().regex(slugPattern, 'problems.truckId');

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
