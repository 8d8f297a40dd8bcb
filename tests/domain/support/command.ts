/**
 * Doing things the way every page and phone does: one command through executeCommand, the one
 * command path (validate → authorize → transaction → answer). The only place the domain tests
 * name the command module, so a move of the command types is re-pointed here.
 */
import { randomUUID } from 'node:crypto';
import type { CommandPayload, CommandType } from '../../../src/lib/commands';
import { executeCommand, type CommandContext } from '../../../src/lib/server/commands/execute';
import type { Actor } from '../../../src/lib/server/access';
import type { CommandResult } from '../../../src/lib/types';

export type { Actor, CommandResult };

/** A command with a new id, as a page sends it. */
export function run<T extends CommandType>(
	actor: Actor,
	type: T,
	payload: CommandPayload<T>,
	id: string = randomUUID()
): Promise<CommandResult> {
	return executeCommand(actor, { id, type, payload });
}

/** A command with a new id from somewhere in particular: a socket (`clientId`), the demo simulator (`demo`). */
export function runFrom<T extends CommandType>(
	from: CommandContext,
	actor: Actor,
	type: T,
	payload: CommandPayload<T>
): Promise<CommandResult> {
	return executeCommand(actor, { id: randomUUID(), type, payload }, from);
}

/** Whatever a client might send, checked or not: for the refusals of bad input. */
export function send(actor: Actor, input: unknown): Promise<CommandResult> {
	return executeCommand(actor, input);
}

/** The answer of a command that must be accepted; fails the test with its message otherwise. */
export async function accepted(result: Promise<CommandResult>): Promise<{ ok: true; seq: number }> {
	const answer = await result;
	if (!answer.ok)
		throw new Error(`refused (${answer.code}): ${answer.message} ${JSON.stringify(answer.problems ?? [])}`);
	return answer;
}
