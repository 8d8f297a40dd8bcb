/** Who is looking at /display: a wall screen by its link, or a signed-in reader. */
import { redirect, type Cookies } from '@sveltejs/kit';
import { authorize, displayActor, type Actor } from '../access';
import { db } from '../db';
import { deleteDisplayCookie, displayCookie, setDisplayCookie } from './cookie';
import { findDisplayLinkByToken } from './store';
import type { DisplayLayout } from '$lib/displays/layout';
import { readLayout } from '$lib/displays/layout-schema';

export type DisplayViewer =
	| { kind: 'link'; actor: Actor; name: string; linkId: string; layout: DisplayLayout }
	| { kind: 'revoked' }
	| { kind: 'none' };

export function displayViewer(cookies: Cookies, url: URL): DisplayViewer {
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
	setDisplayCookie(cookies, url, token); // refreshed on each load: a wall screen never expires
	return {
		kind: 'link',
		actor: displayActor(link),
		name: link.name,
		linkId: link.id,
		layout: link.layout
	};
}

/**
 * Whoever may look at a display page: a live display link, else a signed-in reader.
 * Sends a revoked screen to its page and anyone else to login.
 */
export function requireDisplayReader(event: { cookies: Cookies; locals: App.Locals; url: URL }): {
	actor: Actor;
	as: 'display' | 'user';
	screenName: string | null;
	linkId: string | null;
	/** the link's layout; a signed-in reader may ask for one in the address (?mode=…) */
	layout: DisplayLayout;
} {
	const viewer = displayViewer(event.cookies, event.url);
	if (viewer.kind === 'revoked') redirect(303, '/display/revoked');
	const actor = viewer.kind === 'link' ? viewer.actor : event.locals.actor;
	if (!actor) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
	if (!authorize(actor, 'read.display')) redirect(303, '/');
	if (viewer.kind === 'link')
		return { actor, as: 'display', screenName: viewer.name, linkId: viewer.linkId, layout: viewer.layout };
	return {
		actor,
		as: 'user',
		screenName: null,
		linkId: null,
		layout: layoutFromQuery(event.url.searchParams)
	};
}

function layoutFromQuery(params: URLSearchParams): DisplayLayout {
	const panels = params.get('panels');
	return readLayout({
		mode: params.get('mode') ?? undefined,
		panel: params.get('panel') ?? undefined,
		panels: panels ? panels.split(',') : undefined,
		seconds: params.has('seconds') ? Number(params.get('seconds')) : undefined,
		theme: params.get('theme') ?? undefined
	});
}
