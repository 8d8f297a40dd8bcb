/** The scenario domain's command (admin, or the command line). */
import { z } from '$lib/zod';

export const scenarioCommands = {
	/** the scenario itself is checked against the scenario schema by the import */
	'scenario.import': z.object({
		scenario: z.unknown(),
		withAccounts: z.boolean().default(false),
		/** rehearse the plan with its first day on this day (rehearsal.ts) */
		rehearseOn: z.iso.date({ error: 'admin.scenario.rehearseDate' }).optional()
	})
};
