/** The notices domain's commands: what a client may send, checked again by the server. */
import { z } from '$lib/zod';
import { unitId } from '../command-fields';

export const noticeCommands = {
	'notice.post': z.object({
		body: z.string().trim().min(1, 'notice.bodyEmpty').max(1000, 'notice.bodyMax'),
		urgent: z.boolean().default(false),
		/** null or absent: every unit */
		targetUnitIds: z.array(unitId).min(1, 'notice.unitsMin').max(500).nullable().default(null)
	})
};
