/**
 * Every command a client may send, by type: each domain declares its own schemas in
 * `$lib/<domain>/commands.ts`; this only lists the domains. Shared so a form can check input
 * before sending it; the server validates every payload again with these same schemas.
 */
import type { z } from '$lib/zod';
import { ceremonyCommands } from './ceremony/commands';
import { checklistCommands } from './checklists/commands';
import { displayCommands } from './displays/commands';
import { noticeCommands } from './notices/commands';
import { reportCommands } from './reports/commands';
import { scenarioCommands } from './scenario/commands';
import { simulatorCommands } from './simulator/commands';
import { truckCommands } from './trucks/commands';
import { userCommands } from './users/commands';

export const commandSchemas = {
	...noticeCommands,
	...displayCommands,
	...userCommands,
	...scenarioCommands,
	...truckCommands,
	...checklistCommands,
	...ceremonyCommands,
	...reportCommands,
	...simulatorCommands
};

export type CommandType = keyof typeof commandSchemas;
/** What a client sends (defaults may be left out). */
export type CommandPayload<T extends CommandType> = z.input<(typeof commandSchemas)[T]>;
/** What a handler gets: the payload as the schema checked and filled it. */
export type CheckedPayload<T extends CommandType> = z.output<(typeof commandSchemas)[T]>;
