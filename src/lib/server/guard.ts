/** Guards for load functions and form actions: every read and command goes through authorize. */
import { error, fail, redirect } from '@sveltejs/kit';
import type { CommandType, CommandPayload } from '$lib/commands';
import type { CommandResult } from '$lib/types';
import { authorize, type Action, type Actor, type Target } from './access';
import { executeCommand } from './commands/execute';

interface GuardEvent {
	locals: App.Locals;
	url: URL;
}

/** The signed-in actor allowed to do `action`; sends others to login or a 403. */
export function requireActor({ locals, url }: GuardEvent, action: Action, target?: Target): Actor {
	if (!locals.actor) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	if (!authorize(locals.actor, action, target)) {
		error(403, { message: 'Bạn không có quyền xem trang này.', code: 'forbidden' });
	}
	return locals.actor;
}

/**
 * Runs a command from a form action. A refusal becomes `fail(status, {message, problems})`
 * so the form shows it and keeps what the user typed.
 */
export async function runFormCommand<T extends CommandType>(
	event: GuardEvent & { getClientAddress: () => string },
	commandId: FormDataEntryValue | null,
	type: T,
	payload: CommandPayload<T>
) {
	if (!event.locals.actor)
		return fail(401, { message: 'Phiên đăng nhập đã hết. Hãy đăng nhập lại.', code: 'unauthenticated' });
	const result: CommandResult = await executeCommand(
		event.locals.actor,
		{ id: typeof commandId === 'string' && commandId ? commandId : crypto.randomUUID(), type, payload },
		{ ip: event.getClientAddress() }
	);
	if (result.ok) return { ok: true as const, seq: result.seq, type };
	const status =
		{ forbidden: 403, unauthenticated: 401, not_found: 404, conflict: 409, internal: 500 }[
			result.code as string
		] ?? 400;
	return fail(status, { message: result.message, code: result.code, problems: result.problems ?? [] });
}
