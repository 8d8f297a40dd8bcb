/**
 * Display links: a long random token in a URL opens a read-only display session with no
 * login. The token is kept so the coordinator can copy the link again for a new screen;
 * it grants reading only, and revoking ends it everywhere.
 */
import type { DisplayLayout } from '$lib/displays/layout';
import { readLayout } from '$lib/displays/layout-schema';
import type { Db } from '../db';

export interface DisplayLink {
	id: string;
	name: string;
	token: string;
	createdAt: number;
	revokedAt: number | null;
	layout: DisplayLayout;
	/** the unit whose subtree the screen shows; null: the whole event */
	unitId: string | null;
}

export function insertDisplayLink(
	db: Db,
	link: {
		id: string;
		name: string;
		token: string;
		unitId: string | null;
		createdBy: number | null;
		now: number;
	}
): void {
	db.prepare(
		'INSERT INTO display_links (id, token, name, unit_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)'
	).run(link.id, link.token, link.name, link.unitId, link.createdBy, link.now);
}

interface Row {
	id: string;
	token: string;
	name: string;
	created_at: number;
	revoked_at: number | null;
	layout: string | null;
	unit_id: string | null;
}

const toLink = (r: Row): DisplayLink => ({
	id: r.id,
	name: r.name,
	token: r.token,
	createdAt: r.created_at,
	revokedAt: r.revoked_at,
	layout: readLayout(r.layout ? JSON.parse(r.layout) : null),
	unitId: r.unit_id
});

export function listDisplayLinks(db: Db): DisplayLink[] {
	return (
		db.prepare('SELECT * FROM display_links ORDER BY revoked_at IS NOT NULL, created_at DESC').all() as Row[]
	).map(toLink);
}

export function getDisplayLink(db: Db, id: string): DisplayLink | undefined {
	const row = db.prepare('SELECT * FROM display_links WHERE id = ?').get(id) as Row | undefined;
	return row && toLink(row);
}

export function findDisplayLinkByToken(db: Db, token: string): DisplayLink | undefined {
	const row = db.prepare('SELECT * FROM display_links WHERE token = ?').get(token) as Row | undefined;
	return row && toLink(row);
}

export function revokeDisplayLink(db: Db, id: string, now: number): void {
	db.prepare('UPDATE display_links SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
}

export function saveDisplayLayout(db: Db, id: string, layout: DisplayLayout): void {
	db.prepare('UPDATE display_links SET layout = ? WHERE id = ?').run(JSON.stringify(layout), id);
}
