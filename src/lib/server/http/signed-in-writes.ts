/**
 * A request that changes something needs a session, except the few a stranger makes (signing in,
 * choosing a language, signing out). One without is answered here, before its body is read: a form
 * action reads its form before it can say who may send it, so anyone could otherwise make the
 * server take a body up to the form's limit (2 MB for a report) and parse it, again and again.
 * The answer is what an expired session gets from a form: use:enhance shows the message in place
 * (what was typed stays), a plain form goes to the login page and back.
 */
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { translate, type Lang } from '$lib/i18n';
import { loginFor } from '../local-path';
import { answerUnread } from './answer-unread';

/** the routes (SvelteKit route ids) a stranger may post to */
const publicWrites = new Set(['/login', '/lang', '/logout']);
const reads = new Set(['GET', 'HEAD', 'OPTIONS']);

/** said to a sender without a session, as form actions say it */
export const sessionEnded = (lang: Lang) =>
	({ message: translate(lang, 'problems.sessionEnded'), code: 'unauthenticated' }) as const;

/** a plain form goes to the login page and back */
const refusal = (event: RequestEvent) =>
	answerUnread(
		event,
		{ status: 401, ...sessionEnded(event.locals.lang) },
		{ page: new Response(null, { status: 303, headers: { location: loginFor(event.url) } }) }
	);

/** After the session is read (locals.actor); an unknown route is left to SvelteKit's 404. */
export const handleSignedInWrites: Handle = ({ event, resolve }) => {
	const open =
		event.locals.actor ||
		reads.has(event.request.method) ||
		!event.route.id ||
		publicWrites.has(event.route.id);
	return open ? resolve(event) : refusal(event);
};
