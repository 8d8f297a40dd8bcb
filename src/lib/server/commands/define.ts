/**
 * The shape of a command handler. Each domain defines its handlers with `defineCommand` in
 * `$lib/server/<domain>/commands.ts` and lists them there; registry.ts lists the domains.
 */
import type { CheckedPayload, CommandType } from '$lib/commands';
import type { Lang, Said } from '$lib/i18n';
import type { ErrorCode, EventDataMap, EventType } from '$lib/types';
import type { Action, Actor, Target } from '../access';
import type { Db } from '../db';

/** What a handler asks to append to the log: one of the events it declares, and who may see it. */
export type Emit<E extends EventType = EventType> = {
	[K in E]: {
		type: K;
		data: EventDataMap[K];
		/** the realtime rooms that may see it (see roomsFor) */
		audience: string[];
		/**
		 * the units it is about, so the readers scoped above them see it too, or `event`: it
		 * concerns every level; without it only the whole event's readers do (see audienceOf)
		 */
		about?: readonly string[] | 'event';
	};
}[E];

export interface ApplyContext<Prepared> {
	actor: Actor;
	/** the command id: ids of things the command creates derive from it, so a retry finds them */
	commandId: string;
	now: number;
	demo: boolean;
	prepared: Prepared;
	/** the sender's language, for a refusal's parameter that is itself words (a time: 6g30 or 6:30) */
	lang: Lang;
}

export interface CommandDef<T extends CommandType, E extends EventType = EventType, Prepared = unknown> {
	type: T;
	/** the events this command may append; `apply` can return no other */
	emits: readonly E[];
	action: Action;
	// methods, not function properties: the registry holds every handler as an AnyCommandDef
	/**
	 * the unit or truck the command acts on, for own-unit checks; runs before the transaction,
	 * so it only reads; may throw CommandError (not_found). `actor`: for a target that is the
	 * actor's own when the payload names none (the ceremony a gate stands at)
	 */
	target?(payload: CheckedPayload<T>, db: Db, actor: Actor): Target;
	/**
	 * slow work done before the transaction (password hashing); must not write. `lang` is the
	 * sender's, for problems said then (a scenario file's, read here)
	 */
	prepare?(payload: CheckedPayload<T>, lang: Lang): Promise<Prepared>;
	/** a problem's path as the page shows that place to a person, for the refusal's words */
	describe?(db: Db, path: string, lang: Lang): string | undefined;
	/** runs inside the transaction; throws CommandError to refuse and change nothing */
	apply(db: Db, payload: CheckedPayload<T>, ctx: ApplyContext<Prepared>): NoInfer<Emit<E>>;
}

/** A handler as the registry holds it: its own command type, any events, any prepared value. */
export type AnyCommandDef<T extends CommandType = CommandType> = CommandDef<T, EventType, unknown>;

/** A handler, typed by its command: its payload as checked, and only the events it declares. */
export function defineCommand<T extends CommandType, const E extends EventType, Prepared = undefined>(
	def: CommandDef<T, E, Prepared>
): CommandDef<T, E, Prepared> {
	return def;
}

/** A problem with one place of the input, its words said in the reader's language later. */
export interface ProblemToSay {
	path: string;
	message: Said | string;
}

/**
 * A refusal with a code and words for people: a catalogue key and its parameters (`say(…)`), put
 * into the sender's language by the command path.
 */
export class CommandError extends Error {
	constructor(
		readonly code: ErrorCode,
		readonly said: Said | string,
		readonly problems?: ProblemToSay[]
	) {
		super(typeof said === 'string' ? said : said.key);
	}
}
