/** Guards for load functions and form actions: every read and command goes through authorize. */
import { error, fail, redirect } from '@sveltejs/kit';
import type { CommandType } from '$lib/commands';
import type { CommandResult } from '$lib/types';
import { authorize, type Action, type Actor, type Target } from './access';
import { translate } from '$lib/i18n';
import { executeCommand } from './commands/execute';
import { noteRefusal } from './commands/refusals';
import { commandDefs } from './commands/registry';
import { commandInput, type Given } from './forms/command-form';
import { sessionEnded } from './http/signed-in-writes';
import { loginFor } from './local-path';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/** The signed-in actor allowed to do `action`; sends others to login or a 403. */
export function requireActor({ locals, url }: GuardEvent, action: Action, target?: Target): Actor {
	if (!locals.actor) redirect(303, loginFor(url));
	if (!authorize(locals.actor, action, target)) {
		error(403, { message: translate(locals.lang, 'problems.forbiddenPage'), code: 'forbidden' });
	}
	return locals.actor;
}

type FormEvent = GuardEvent & { request: Request; getClientAddress: () => string };

/** what a user's own unit and truck are: a role allowed its own may run the command at all */
const ownTarget = (actor: Actor): Target =>
	actor.kind === 'user' ? { unitId: actor.unitId, truckId: actor.truckId } : {};

/**
 * The refusal of a form not worth reading: nobody signed in (hooks.server.ts answers those before
 * SvelteKit), or an actor who may not run command `type`: for `target` when the page knows it,
 * else for anything of their own. Null: read the form (the command is judged again on what it
 * says). An action that reads its form itself asks this first.
 */
export function refusedUnread(event: FormEvent, type: CommandType, target?: Target) {
	const actor = event.locals.actor;
	if (!actor) return fail(401, sessionEnded(event.locals.lang));
	if (authorize(actor, commandDefs.get(type)!.action, target ?? ownTarget(actor))) return null;
	noteRefusal(actor, event.getClientAddress(), null, type, 'forbidden');
	return fail(403, {
		message: translate(event.locals.lang, 'problems.forbidden'),
		code: 'forbidden',
		problems: []
	});
}

/**
 * Runs command `type` from a form action, its payload read from the form along the command's
 * schema (see forms/command-form.ts); `given` are values the action found itself (a parsed file,
 * the page's unit), which the form is not read for. The form's `commandId` makes a resent form
 * take effect once. A refusal becomes `fail(status, {message, problems})` so the form shows it
 * and keeps what the user typed.
 */
export async function runFormCommand<T extends CommandType>(
	event: FormEvent,
	type: T,
	form?: FormData,
	given?: Given<T>
) {
	const refused = refusedUnread(event, type);
	if (refused) return refused;
	const submitted = form ?? (await event.request.formData());
	const commandId = submitted.get('commandId');
	const result: CommandResult = await executeCommand(
		event.locals.actor!,
		{
			id: typeof commandId === 'string' && commandId ? commandId : crypto.randomUUID(),
			type,
			payload: commandInput(type, submitted, given)
		},
		{ ip: event.getClientAddress(), lang: event.locals.lang }
	);
	if (result.ok) return { ok: true as const, seq: result.seq, type };
	const status =
		{ forbidden: 403, unauthenticated: 401, not_found: 404, conflict: 409, rate_limited: 429, internal: 500 }[
			result.code as string
		] ?? 400;
	return fail(status, { message: result.message, code: result.code, problems: result.problems ?? [] });
}

/** A form action that is just command `type`, read from the form: `save: commandAction('x.save')`. */
export function commandAction<T extends CommandType>(type: T) {
	return (event: FormEvent) => runFormCommand(event, type);
}
