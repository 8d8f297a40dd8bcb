import type { PageServerLoad } from './$types';
import { requestedSheet } from '../sheet.server';

export const load: PageServerLoad = ({ url, locals }) => ({
	sheet: requestedSheet(locals.actor, url.searchParams),
	printedAt: Date.now()
});
