/** The shape of a command handler. Each domain module defines its own with `defineCommand`. */
import type { z } from 'zod';
import type { CommandType } from '$lib/commands';
import { commandSchemas } from '$lib/commands';
import type { ErrorCode, EventDataMap, EventType, Problem } from '$lib/types';
import type { Action, Actor, Target } from '../access';
import type { Db } from '../db';

export interface Emit<T extends EventType = EventType> {
	type: T;
	data: EventDataMap[T];
	/** the realtime rooms that may see it (see roomsFor) */
	audience: string[];
}

export interface ApplyContext<Prepared> {
	actor: Actor;
	/** the command id: ids of things the command creates derive from it, so a retry finds them */
	commandId: string;
	now: number;
	demo: boolean;
	prepared: Prepared;
}

export interface CommandDef<T extends CommandType = CommandType, Prepared = undefined> {
	type: T;
	action: Action;
	/** the unit or truck the command acts on, for own-unit checks; may throw CommandError (not_found) */
	target?: (payload: z.output<(typeof commandSchemas)[T]>) => Target;
	/** slow work done before the transaction (password hashing); must not write */
	prepare?: (payload: z.output<(typeof commandSchemas)[T]>) => Promise<Prepared>;
	/** runs inside the transaction; throws CommandError to refuse and change nothing */
	apply: (db: Db, payload: z.output<(typeof commandSchemas)[T]>, ctx: ApplyContext<Prepared>) => Emit;
}

export function defineCommand<T extends CommandType, Prepared = undefined>(
	def: CommandDef<T, Prepared>
): CommandDef<T, Prepared> {
	return def;
}

/** A refusal with a code and a message for people (Vietnamese). */
export class CommandError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly problems?: Problem[]
	) {
		super(message);
	}
}
