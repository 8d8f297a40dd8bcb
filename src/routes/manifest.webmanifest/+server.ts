/** The installable app: opens where the signed-in role works (the ward tablet opens its checklist). */
import type { RequestHandler } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { homeOf } from '$lib/server/access';

export const GET: RequestHandler = ({ locals }) => {
	const manifest = {
		name: translate(locals.lang, 'admin.manifest.name'),
		short_name: translate(locals.lang, 'appName'),
		lang: locals.lang,
		start_url: locals.actor?.kind === 'user' ? homeOf[locals.actor.role] : '/',
		scope: '/',
		display: 'standalone',
		background_color: '#ffffff',
		theme_color: '#b3261e',
		icons: [
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
			{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
			{ src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]
	};
	return new Response(JSON.stringify(manifest), {
		headers: { 'content-type': 'application/manifest+json', 'cache-control': 'private, no-cache' }
	});
};
