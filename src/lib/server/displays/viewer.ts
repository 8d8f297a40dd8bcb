/** Who is looking at /display: a wall screen by its link, or a signed-in reader. */
import type { Cookies } from '@sveltejs/kit';
import type { Actor } from '../access';
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
