import { fail } from '@sveltejs/kit';
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
			tooLarge: 'Tệp lớn hơn 5 MB: đây có phải tệp kịch bản không?',
			noFile: 'Chọn tệp kịch bản (.json) để nạp.'
		});
		if ('failure' in form) return form.failure;
		const { file, fields } = form;
		let scenario: unknown;
		try {
			scenario = JSON.parse(file.bytes.toString('utf8'));
		} catch (error) {
			return fail(400, {
				message: 'Tệp không phải JSON hợp lệ; chưa có gì thay đổi.',
				problems: [{ path: '(tệp)', message: (error as Error).message }]
			});
		}
		return runFormCommand(event, 'scenario.import', fields, { scenario });
	}
};
