/** Posting a notice: to every unit or to chosen ones; displays and the ops room see all. */
import { actorLabel, scopeOf } from '../access';
import { say } from '$lib/i18n';
import { defineCommand, CommandError } from '../commands/define';
import { missingUnits } from '../scenario/units';
import { insertNotice } from './store';

export const postNotice = defineCommand({
	type: 'notice.post',
	emits: ['notice.posted'],
	action: 'notice.post',
	// to chosen units: each must be the poster's; to all: all of the poster's level
	target: (p) => (p.targetUnitIds ? { unitIds: p.targetUnitIds } : {}),
	apply(db, p, { actor, commandId, now, demo }) {
		if (p.targetUnitIds) {
			const missing = missingUnits(db, p.targetUnitIds);
			if (missing.length)
				throw new CommandError('invalid', say('notice.unknownUnits', { units: missing.join(', ') }));
		}
		// a notice to all from a level's coordinator is to all of that level: to its unit
		const level = scopeOf(actor);
		const to = p.targetUnitIds ? [...new Set(p.targetUnitIds)] : level ? [level] : null;
		const data = {
			id: commandId,
			body: p.body,
			urgent: p.urgent,
			targetUnitIds: to,
			author: actorLabel(actor)
		};
		insertNotice(db, { ...data, at: now, demo });
		return {
			type: 'notice.posted',
			data,
			// a unit's staff hear what is sent to it or to any unit above it (its `under:` rooms)
			audience: ['ops', 'display', ...(to ? to.map((u) => `under:${u}`) : ['staff'])],
			about: to ?? 'event'
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const noticeHandlers = [postNotice];
