import { loadLanguage } from '$lib/i18n';
import type { LayoutLoad } from './$types';

/** The reader's words before the page renders: English is fetched only by an English reader. */
export const load: LayoutLoad = async ({ data }) => {
	await loadLanguage(data.lang);
	return data;
};
