/**
 * Every command the server accepts: each domain lists its handlers beside them
 * (`$lib/server/<domain>/commands.ts`); this only lists the domains.
 */
import type { CommandType } from '$lib/commands';
import { ceremonyHandlers } from '../ceremony/commands';
import { checklistHandlers } from '../checklists/commands';
import { displayHandlers } from '../displays/commands';
import { noticeHandlers } from '../notices/commands';
import { reportHandlers } from '../reports/commands';
import { scenarioHandlers } from '../scenario/commands';
import { simulatorHandlers } from '../simulator/commands';
import { truckHandlers } from '../trucks/commands';
import { userHandlers } from '../users/commands';
import type { AnyCommandDef } from './define';

const handlers = [
	...noticeHandlers,
	...displayHandlers,
	...userHandlers,
	...scenarioHandlers,
	...truckHandlers,
	...checklistHandlers,
	...ceremonyHandlers,
	...reportHandlers,
	...simulatorHandlers
] as const satisfies readonly AnyCommandDef[];

// a command type without a handler does not compile
type Unhandled = Exclude<CommandType, (typeof handlers)[number]['type']>;
const everyCommandHandled: [Unhandled] extends [never] ? true : { unhandled: Unhandled } = true;
void everyCommandHandled;

function byType(list: readonly AnyCommandDef[]): ReadonlyMap<string, AnyCommandDef> {
	const map = new Map<string, AnyCommandDef>();
	for (const def of list) {
		if (map.has(def.type)) throw new Error(`two handlers for the command ${def.type}`);
		map.set(def.type, def);
	}
	return map;
}

export const commandDefs = byType(handlers);
