/** The display-links domain's commands (coordinator). */
import { z } from '$lib/zod';
import { displayLayoutChangeSchema } from './layout-schema';

const linkId = z.uuid('display.link.badId');

export const displayCommands = {
	'display_link.create': z.object({
		name: z.string().trim().min(1, 'display.link.nameMissing').max(100, 'display.link.nameMax')
	}),
	'display_link.revoke': z.object({ linkId }),
	'display_link.configure': z.object({ linkId, layout: displayLayoutChangeSchema })
};
