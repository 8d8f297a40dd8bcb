import { fail } from '@sveltejs/kit';
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
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { message: 'Chọn tệp kịch bản (.json) để nạp.', problems: [] });
		if (file.size > maxBytes)
			return fail(413, { message: 'Tệp lớn hơn 5 MB: đây có phải tệp kịch bản không?', problems: [] });
		let scenario: unknown;
		try {
			scenario = JSON.parse(await file.text());
		} catch (error) {
			return fail(400, {
				message: 'Tệp không phải JSON hợp lệ; chưa có gì thay đổi.',
				problems: [{ path: '(tệp)', message: (error as Error).message }]
			});
		}
		return runFormCommand(event, 'scenario.import', form, { scenario });
	}
};
