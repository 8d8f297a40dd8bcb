/** Posting a notice: to every unit or to chosen ones; displays and the ops room see all. */
import { actorLabel } from '../access';
import { say } from '$lib/i18n';
import { defineCommand, CommandError } from '../commands/define';
import { missingUnits } from '../scenario/units';
import { insertNotice } from './store';

export const postNotice = defineCommand({
	type: 'notice.post',
	emits: ['notice.posted'],
	action: 'notice.post',
	apply(db, p, { actor, commandId, now, demo }) {
		if (p.targetUnitIds) {
			const missing = missingUnits(db, p.targetUnitIds);
			if (missing.length)
				throw new CommandError('invalid', say('notice.unknownUnits', { units: missing.join(', ') }));
		}
		const data = {
			id: commandId,
			body: p.body,
			urgent: p.urgent,
			targetUnitIds: p.targetUnitIds ? [...new Set(p.targetUnitIds)] : null,
			author: actorLabel(actor)
		};
		insertNotice(db, { ...data, at: now, demo });
		return {
			type: 'notice.posted',
			data,
			audience: [
				'ops',
				'display',
				...(data.targetUnitIds ? data.targetUnitIds.map((u) => `unit:${u}`) : ['staff'])
			]
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const noticeHandlers = [postNotice];
