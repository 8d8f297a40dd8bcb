/** Creating, laying out and revoking display links (coordinator). */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { say } from '$lib/i18n';
import { scopeOf } from '../access';
import { CommandError, defineCommand } from '../commands/define';
import type { Db } from '../db';
import { unitTree } from '../scenario/tree';
import { missingUnits } from '../scenario/units';
import { getDisplayLink, insertDisplayLink, revokeDisplayLink, saveDisplayLayout } from './store';

/** A link is managed by the level it shows: one of the whole event's, from the top only. */
function linkTarget(p: { linkId: string }, db: Db) {
	return { unitId: getDisplayLink(db, p.linkId)?.unitId ?? unitTree(db).root };
}

/** the level's readers hear of a link of theirs */
const aboutLink = (unitId: string | null) => (unitId ? { about: [unitId] } : {});

export const createDisplayLink = defineCommand({
	type: 'display_link.create',
	emits: ['display_link.created'],
	action: 'display_link.manage',
	target: (p) => (p.unitId ? { unitId: p.unitId } : {}),
	apply(db, p, { actor, commandId, now }) {
		if (p.unitId && missingUnits(db, [p.unitId]).length)
			throw new CommandError('not_found', say('display.link.noUnit', { unit: p.unitId }), [
				{ path: 'unitId', message: say('display.link.unitNotInScenario') }
			]);
		// 256 random bits: as strong as a session token, and it never expires by itself
		const token = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(32)));
		const unitId = p.unitId ?? scopeOf(actor);
		insertDisplayLink(db, {
			id: commandId,
			name: p.name,
			token,
			unitId,
			createdBy: actor.kind === 'user' ? actor.userId : null,
			now
		});
		return {
			type: 'display_link.created',
			data: { id: commandId, name: p.name },
			audience: ['ops'],
			...aboutLink(unitId)
		};
	}
});

export const revokeDisplayLinkCommand = defineCommand({
	type: 'display_link.revoke',
	emits: ['display_link.revoked'],
	action: 'display_link.manage',
	target: linkTarget,
	apply(db, p, { now }) {
		const link = getDisplayLink(db, p.linkId);
		if (!link) throw new CommandError('not_found', say('display.link.notFound'));
		if (link.revokedAt)
			throw new CommandError('conflict', say('display.link.alreadyRevoked', { name: link.name }));
		revokeDisplayLink(db, link.id, now);
		// the display itself hears it too, and leaves
		return {
			type: 'display_link.revoked',
			data: { id: link.id, name: link.name },
			audience: ['ops', 'display'],
			...aboutLink(link.unitId)
		};
	}
});

export const configureDisplayLink = defineCommand({
	type: 'display_link.configure',
	emits: ['display_link.configured'],
	action: 'display_link.manage',
	target: linkTarget,
	apply(db, p) {
		const link = getDisplayLink(db, p.linkId);
		if (!link) throw new CommandError('not_found', say('display.link.notFound'));
		if (link.revokedAt) throw new CommandError('conflict', say('display.link.revoked', { name: link.name }));
		// merged here, in the transaction: another mode's settings stay as they are
		const change = p.layout;
		const layout = {
			mode: change.mode,
			panel: change.panel ?? link.layout.panel,
			panels: change.panels ?? link.layout.panels,
			seconds: change.seconds ?? link.layout.seconds,
			theme: change.theme ?? link.layout.theme
		};
		saveDisplayLayout(db, link.id, layout);
		// the screens of this link take it at once; other screens never hear of it
		return {
			type: 'display_link.configured',
			data: { id: link.id, name: link.name, layout },
			audience: ['ops', `link:${link.id}`],
			...aboutLink(link.unitId)
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const displayHandlers = [createDisplayLink, revokeDisplayLinkCommand, configureDisplayLink];
