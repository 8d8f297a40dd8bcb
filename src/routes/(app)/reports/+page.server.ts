import { error, fail } from '@sveltejs/kit';
import { translate, words } from '$lib/i18n';
import type { UnitKind } from '$lib/scenario/schema';
import { formatDateTime } from '$lib/time/format';
import { isLevel } from '$lib/units/kinds';
import { authorize, scopeOf } from '$lib/server/access';
import { db } from '$lib/server/db';
import { refusedUnread, requireActor, runFormCommand } from '$lib/server/guard';
import { readImportForm } from '$lib/server/http/file-form';
import { photoIdsOfUploads } from '$lib/server/photos/store';
import { factsFor } from '$lib/server/reports/day-facts';
import { packageCommandId } from '$lib/server/reports/import-package';
import { maxPackageBytes, readReportPackage } from '$lib/server/reports/package/read';
import { reportPicture } from '$lib/server/reports/picture';
import { getDraft, listSubmissions, submissionOfSignoff } from '$lib/server/reports/store';
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

export const load: PageServerLoad = async (event) => {
	const unitId = unitIdOf(event);
	const actor = unitId ? requireActor(event, 'read.report', { unitId }) : requireActor(event, 'read.ops');
	// a unit's own report: the whole event's table; the ops room's picker: its level's units
	const picture = reportPicture(db(), unitId ? null : scopeOf(actor));
	// the plan has no report table: the page says so
	if (!picture) return { picture: null, unit: null };
	// the ops room picks a unit to fill in for (figures phoned in), or imports the package of a
	// level beneath (a district, a ward: those that may run a deployment of their own)
	if (!unitId)
		return {
			picture: { template: picture.template, units: picture.units },
			unit: null,
			canImportPackage:
				authorize(actor, 'report.import_package') &&
				picture.units.some((u) => u.id !== picture.top.id && isLevel(u.kind as UnitKind))
		};
	const { lang } = event.locals;
	const unit = picture.units.find((u) => u.id === unitId);
	if (!unit) error(404, { message: translate(lang, 'reports.noUnit') });
	return {
		picture: { template: picture.template, units: picture.units },
		unit,
		draft: getDraft(db(), unitId, (uploads) => photoIdsOfUploads(db(), uploads)),
		submissions: listSubmissions(db(), unitId),
		deadline: picture.deadline,
		signedAt: picture.signoff?.at ?? null,
		canSubmit: authorize(actor, 'report.submit', { unitId }),
		// what the unit's day logged, to draft section I from: its own scope only. Streamed, not
		// awaited: a city's hundreds of trucks take seconds to sum, the table must not wait for them
		facts: factsFor(actor, db(), unitId)
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
	},

	/** A lower level's signed table, as the package it sent up: that unit's new submission. */
	importPackage: async (event) => {
		const { lang } = event.locals;
		// a file is read only from someone who may import a package at their level
		const refused = refusedUnread(event, 'report.import_package');
		if (refused) return refused;
		const form = await readImportForm(event.request, {
			maxFileBytes: maxPackageBytes,
			tooLarge: translate(lang, 'packages.tooLarge'),
			noFile: translate(lang, 'packages.import.noFile'),
			lang
		});
		if ('failure' in form) return form.failure;
		const read = await readReportPackage(form.file.bytes, lang);
		if (!read.ok)
			return fail(400, {
				message: words(lang, read.message),
				code: 'invalid',
				problems: read.problems ?? []
			});
		// under the package's own command id: the same package sent again gets the first answer
		const fields = new FormData();
		fields.set('commandId', packageCommandId(read.package, event.locals.actor!));
		const answer = await runFormCommand(event, 'report.import_package', fields, read.package);
		if (!('ok' in answer)) return answer;
		const { unit, signoff } = read.package.content;
		const submission = submissionOfSignoff(db(), signoff.id);
		return {
			...answer,
			said: translate(lang, 'packages.import.done', {
				unit: unit.name,
				version: submission?.version ?? 1,
				time: formatDateTime(Date.parse(signoff.at), lang),
				by: signoff.by
			})
		};
	}
};
