import type { PageServerLoad } from './$types';
import { requestedSheet } from '../sheet.server';

export const load: PageServerLoad = ({ url, locals }) => ({
	sheet: requestedSheet(locals.actor, url.searchParams, locals.lang),
	printedAt: Date.now()
});
