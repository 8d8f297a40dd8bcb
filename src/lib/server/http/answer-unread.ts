/**
 * A request refused before its body is read, answered in the shape its sender reads: a form
 * action's failure (use:enhance shows the message in place, what was typed stays), a page for a
 * plain form, or JSON for the app's own fetches (photo chunks).
 */
import { json, type RequestEvent } from '@sveltejs/kit';
import * as devalue from 'devalue';
import { dropBody } from './request-body';

export interface Unread {
	status: number;
	message: string;
	code: string;
	/** when to send again, for a "not now" */
	retryInMs?: number;
}

/**
 * The refusal. Its body was never read: a stranger's connection is closed after the answer; an
 * account's (`drain`) is read to the end and dropped a piece at a time, so that its browser sees
 * the answer rather than a broken upload, and can use the connection again. Either way, left
 * unread, the body would block the connection (SvelteKit's reader waits for it to be read).
 */
export function answerUnread(
	event: RequestEvent,
	refusal: Unread,
	{ page, drain = false }: { page?: Response; drain?: boolean } = {}
): Response {
	const { status, ...data } = refusal;
	const headers: Record<string, string> = {};
	if (data.retryInMs !== undefined) headers['retry-after'] = String(Math.ceil(data.retryInMs / 1000));
	if (drain) void dropBody(event.request.body);
	else {
		headers.connection = 'close';
		page?.headers.set('connection', 'close');
	}
	const { request } = event;
	if (request.headers.get('x-sveltekit-action') === 'true')
		// a form action's failure, as SvelteKit sends one (its data in devalue's format)
		return json({ type: 'failure', status, data: devalue.stringify(data) }, { headers });
	if (page && request.headers.get('accept')?.includes('text/html')) return page;
	return json({ ok: false, ...data }, { status, headers });
}
