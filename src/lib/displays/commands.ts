/** The display-links domain's commands (coordinator). */
import { z } from '$lib/zod';
import { unitId } from '../command-fields';
import { displayLayoutChangeSchema } from './layout-schema';

const linkId = z.uuid('display.link.badId');

export const displayCommands = {
	'display_link.create': z.object({
		name: z.string().trim().min(1, 'display.link.nameMissing').max(100, 'display.link.nameMax'),
		/** the unit whose day the screen shows (its subtree); none: the creator's own level */
		unitId: unitId.nullable().default(null)
	}),
	'display_link.revoke': z.object({ linkId }),
	'display_link.configure': z.object({ linkId, layout: displayLayoutChangeSchema })
};
