import { fail } from '@sveltejs/kit';
import { say, translate } from '$lib/i18n';
import { readImportForm } from '$lib/server/http/file-form';
import { requireActor, runFormCommand } from '$lib/server/guard';
import { currentEvent } from '$lib/server/scenario/store';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

const maxBytes = 5 * 1024 * 1024;

export const load: PageServerLoad = (event) => {
	requireActor(event, 'read.admin');
	return { event: currentEvent(db()) ?? null };
};

export const actions: Actions = {
	import: async (event) => {
		requireActor(event, 'scenario.import');
		const form = await readImportForm(event.request, {
			maxFileBytes: maxBytes,
			tooLarge: say('problems.tooLarge.scenario'),
			noFile: say('admin.scenario.noFile'),
			lang: event.locals.lang
		});
		if ('failure' in form) return form.failure;
		const { file, fields } = form;
		let scenario: unknown;
		try {
			scenario = JSON.parse(file.bytes.toString('utf8'));
		} catch (error) {
			const { lang } = event.locals;
			return fail(400, {
				message: translate(lang, 'admin.scenario.notJson'),
				problems: [{ path: translate(lang, 'admin.scenario.wholeFile'), message: (error as Error).message }]
			});
		}
		return runFormCommand(event, 'scenario.import', fields, { scenario });
	}
};
