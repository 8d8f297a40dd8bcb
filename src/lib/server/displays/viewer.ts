/** Who is looking at /display: a wall screen by its link, or a signed-in reader. */
import { redirect, type Cookies } from '@sveltejs/kit';
import { authorize, type Actor } from '../access';
import { db } from '../db';
import { deleteDisplayCookie, displayCookie, setDisplayCookie } from './cookie';
import { findDisplayLinkByToken } from './store';

export type DisplayViewer =
	{ kind: 'link'; actor: Actor; name: string } | { kind: 'revoked' } | { kind: 'none' };

export function displayViewer(cookies: Cookies): DisplayViewer {
	const token = cookies.get(displayCookie);
	if (!token) return { kind: 'none' };
	const link = findDisplayLinkByToken(db(), token);
	if (!link) {
		deleteDisplayCookie(cookies);
		return { kind: 'none' };
	}
	if (link.revokedAt) {
		deleteDisplayCookie(cookies);
		return { kind: 'revoked' };
	}
	setDisplayCookie(cookies, token); // refreshed on each load: a wall screen never expires
	return { kind: 'link', actor: { kind: 'display', linkId: link.id, name: link.name }, name: link.name };
}

/**
 * Whoever may look at a display page: a live display link, else a signed-in reader.
 * Sends a revoked screen to its page and anyone else to login.
 */
export function requireDisplayReader(event: { cookies: Cookies; locals: App.Locals; url: URL }): {
	actor: Actor;
	as: 'display' | 'user';
	screenName: string | null;
} {
	const viewer = displayViewer(event.cookies);
	if (viewer.kind === 'revoked') redirect(303, '/display/revoked');
	const actor = viewer.kind === 'link' ? viewer.actor : event.locals.actor;
	if (!actor) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	if (!authorize(actor, 'read.display')) redirect(303, '/');
	return {
		actor,
		as: viewer.kind === 'link' ? 'display' : 'user',
		screenName: viewer.kind === 'link' ? viewer.name : null
	};
}
