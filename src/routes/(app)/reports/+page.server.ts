import { error, fail } from '@sveltejs/kit';
import { translate, words } from '$lib/i18n';
import { authorize, scopeOf } from '$lib/server/access';
import { db } from '$lib/server/db';
import { refusedUnread, requireActor, runFormCommand } from '$lib/server/guard';
import { photoIdsOfUploads } from '$lib/server/photos/store';
import { reportPicture } from '$lib/server/reports/picture';
import { getDraft, listSubmissions } from '$lib/server/reports/store';
import { readReportForm } from './form-fields';
import type { Actions, PageServerLoad } from './$types';

/** The unit whose report this is: the one asked for, else the signed-in staff's own. */
function unitIdOf(event: { url: URL; locals: App.Locals }): string | null {
	const asked = event.url.searchParams.get('unit');
	if (asked) return asked;
	const actor = event.locals.actor;
	return actor?.kind === 'user' && (actor.role === 'ward_staff' || actor.role === 'unit_staff')
		? actor.unitId
		: null;
}

export const load: PageServerLoad = (event) => {
	const unitId = unitIdOf(event);
	if (!unitId) {
		// the ops room picks a unit of its level to fill in for (figures phoned in)
		const picture = reportPicture(db(), scopeOf(requireActor(event, 'read.ops')));
		return { picture: picture && { template: picture.template, units: picture.units }, unit: null };
	}
	const actor = requireActor(event, 'read.report', { unitId });
	const picture = reportPicture(db());
	const { lang } = event.locals;
	if (!picture) error(404, { message: translate(lang, 'reports.editor.noTemplate') });
	const unit = picture.units.find((u) => u.id === unitId);
	if (!unit) error(404, { message: translate(lang, 'reports.noUnit') });
	return {
		picture: { template: picture.template, units: picture.units },
		unit,
		draft: getDraft(db(), unitId, (uploads) => photoIdsOfUploads(db(), uploads)),
		submissions: listSubmissions(db(), unitId),
		deadline: picture.deadline,
		signedAt: picture.signoff?.at ?? null,
		canSubmit: authorize(actor, 'report.submit', { unitId })
	};
};

export const actions: Actions = {
	/** Sending the report: the same command the page's draft goes through, a new version each time. */
	submit: async (event) => {
		const { lang } = event.locals;
		const unitId = unitIdOf(event);
		const template = reportPicture(db())?.template;
		if (!unitId || !template)
			return fail(404, { message: translate(lang, 'reports.editor.noTemplateForUnit'), problems: [] });
		// a report of up to 2 MB is read only from someone who may send this unit's
		const refused = refusedUnread(event, 'report.submit', { unitId });
		if (refused) return refused;
		const form = await event.request.formData();
		const { figures, narrative, problems } = readReportForm(template, (name) => {
			const value = form.get(name);
			return typeof value === 'string' ? value : '';
		});
		if (problems.length)
			return fail(400, {
				message: translate(lang, 'reports.editor.invalidCells', { n: problems.length }),
				code: 'invalid',
				problems: problems.map((p) => ({ path: p.path, message: words(lang, p.message) }))
			});
		// the figures as read against the template above; the uploads are the form's `uploads`
		return runFormCommand(event, 'report.submit', form, { unitId, figures, narrative });
	}
};
