/** The command only the demo simulator sends. */
import { z } from '$lib/zod';

export const simulatorCommands = {
	/** the demo simulator starts its day again: the trucks go back to the start */
	'demo.new_day': z.object({ anchorReal: z.number().int() })
};
