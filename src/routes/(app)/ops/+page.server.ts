import { authorize } from '$lib/server/access';
import { db } from '$lib/server/db';
import { listDisplayLinks } from '$lib/server/displays/store';
import { recentEvents } from '$lib/server/events/log';
import { checkbox, integer, text } from '$lib/server/forms/fields';
import { requireActor, runFormCommand } from '$lib/server/guard';
import { latestNotices } from '$lib/server/notices/store';
import { currentEvent, listMilestones } from '$lib/server/scenario/store';
import { listUnits } from '$lib/server/scenario/units';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const actor = requireActor(event, 'read.ops');
	const canManage = authorize(actor, 'display_link.manage');
	return {
		event: currentEvent(db()) ?? null,
		milestones: listMilestones(db()),
		units: listUnits(db()).map((u) => ({ id: u.id, name: u.name, kind: u.kind })),
		notices: latestNotices(db(), 30),
		feed: recentEvents(db(), ['ops'], 40),
		canPost: authorize(actor, 'notice.post'),
		canManage,
		displayLinks: canManage
			? listDisplayLinks(db()).map((l) => ({ ...l, url: `${event.url.origin}/d/${l.token}` }))
			: []
	};
};

export const actions: Actions = {
	postNotice: async (event) => {
		const form = await event.request.formData();
		const everyone = text(form, 'target') !== 'units';
		return runFormCommand(event, form.get('commandId'), 'notice.post', {
			body: text(form, 'body'),
			urgent: checkbox(form, 'urgent'),
			targetUnitIds: everyone ? null : form.getAll('unitIds').map(String)
		});
	},
	createDisplayLink: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'display_link.create', { name: text(form, 'name') });
	},
	configureDisplayLink: async (event) => {
		const form = await event.request.formData();
		const mode = text(form, 'mode');
		const chosen = form.getAll('panels').map(String);
		return runFormCommand(event, form.get('commandId'), 'display_link.configure', {
			linkId: text(form, 'linkId'),
			// the fields of another mode are not on the form: the link keeps what it had for them
			layout: {
				...listDisplayLinks(db()).find((l) => l.id === text(form, 'linkId'))?.layout,
				mode: mode as never,
				...(form.has('panel') && { panel: text(form, 'panel') as never }),
				...(mode === 'rotate' && { panels: chosen as never, seconds: integer(form, 'seconds') }),
				theme: text(form, 'theme') as never
			}
		});
	},
	revokeDisplayLink: async (event) => {
		const form = await event.request.formData();
		return runFormCommand(event, form.get('commandId'), 'display_link.revoke', {
			linkId: text(form, 'linkId')
		});
	}
};
