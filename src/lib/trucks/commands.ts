/** The trucks domain's commands: the crew's buttons, planning the parade, and what the server finds. */
import { z } from '$lib/zod';
import { pressedAt, slugPattern, truckId } from '../command-fields';
import { routeSchema } from '../scenario/schema';
import type { AlertFacts } from './alerts';
import { truckStatuses } from './types';

// messages are catalogue keys, said in the sender's language (see $lib/i18n)
const checkpointId = z.string().regex(slugPattern, 'trucks.schema.checkpointId');
const routeId = z.string().regex(slugPattern, 'trucks.schema.routeId');
const alertKind = z.enum(['late', 'off_route', 'stale', 'incident']);

/** only the server raises alerts: the facts are checked for their shape, not their size */
const alertFactsSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('stale') }),
	z.object({ kind: z.literal('off_route'), metres: z.number() }),
	z.object({ kind: z.literal('late'), checkpoint: z.string(), lateMs: z.number(), plannedAt: z.number() }),
	z.object({ kind: z.literal('incident'), note: z.string() })
]) satisfies z.ZodType<AlertFacts>;

export const truckCommands = {
	// the crew's buttons; `at` is when it was pressed
	'truck.depart': z.object({ truckId, at: pressedAt }),
	'truck.arrive': z.object({ truckId, checkpointId: checkpointId.nullable().default(null), at: pressedAt }),
	'truck.incident': z.object({
		truckId,
		note: z.string().trim().min(1, 'trucks.schema.incidentNote').max(300, 'trucks.schema.max')
	}),
	'truck.resume': z.object({ truckId }),
	'truck.finish': z.object({ truckId, at: pressedAt }),
	// planning the parade (coordinator)
	'route.save': z.object({ route: routeSchema }),
	'truck.assign_route': z.object({ truckId, routeId: routeId.nullable() }),
	'truck.assign_crew': z.object({
		truckId,
		userId: z.number('trucks.schema.crew').int().positive('trucks.schema.crew')
	}),
	'parade.set_start': z.object({
		startAt: z.iso.datetime({ offset: true, error: 'trucks.schema.startAt' }).nullable()
	}),
	'crew.message': z.object({
		truckId: truckId.nullable().default(null),
		body: z.string().trim().min(1, 'trucks.schema.messageBody').max(300, 'trucks.schema.max')
	}),
	'alert.acknowledge': z.object({ alertId: z.uuid('trucks.schema.alertId') }),
	// what the server itself finds in the positions (system actor only)
	'truck.auto_status': z.object({ truckId, status: z.enum(truckStatuses) }),
	'truck.reached': z.object({ truckId, checkpointId, at: z.number().int() }),
	'truck.gathered': z.object({
		truckId,
		milestoneId: z.string().regex(slugPattern, 'trucks.schema.milestoneId'),
		at: z.number().int()
	}),
	'alert.raise': z.object({
		truckId,
		kind: alertKind,
		checkpointId: checkpointId.nullable(),
		message: z.string().min(1).max(300),
		facts: alertFactsSchema.nullable().default(null)
	}),
	'alert.clear': z.object({ truckId, kind: alertKind, checkpointId: checkpointId.nullable() })
};
