import type { Server as HttpServer } from 'node:http';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dev } from '$app/environment';
import { userActor } from '$lib/server/access';
import {
	deleteSessionCookie,
	sessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { startHealthMonitor } from '$lib/server/health';
import { handleSignedInWrites } from '$lib/server/http/signed-in-writes';
import { langCookie, langOf } from '$lib/server/lang';
import { handleUploadBudget } from '$lib/server/http/upload-budget';
import { attachRealtime } from '$lib/server/realtime';
import { startUploadSweeper } from '$lib/server/photos/uploads';
import { startSimulator } from '$lib/server/simulator';
import { startFleetWatcher } from '$lib/server/trucks/watcher';
import { loadEveryPage } from '$lib/server/warm-up';

// a request cut before its body arrived is one line in the log, not a 500 with a stack
export { handleError } from '$lib/server/http/cut-requests';

export const init: ServerInit = async () => {
	db(); // open and migrate before the first request
	startHealthMonitor();
	const httpServer = (globalThis as Record<symbol, HttpServer | undefined>)[
		Symbol.for('khai-mac.httpServer')
	];
	if (httpServer) attachRealtime(httpServer);
	else console.warn('[realtime] no shared HTTP server: live updates are off (start with `node server.js`)');
	startFleetWatcher();
	startUploadSweeper(db());
	startSimulator();
	// in development pages are compiled as they are asked for: loading them all would only slow the start
	if (dev) return;
	const { modules, ms } = await loadEveryPage();
	console.log(`[start] đã nạp sẵn mã của mọi trang: ${modules} mô-đun, ${Math.round(ms)} ms`);
};

const handleLanguage: Handle = async ({ event, resolve }) => {
	event.locals.lang = langOf(event.cookies.get(langCookie));
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.lang) });
};

const handleSession: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(sessionCookie);
	const { session, user } = token ? validateSessionToken(db(), token) : { session: null, user: null };
	if (token && session) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
	else if (token) deleteSessionCookie(event.cookies, event.url);
	event.locals.session = session;
	event.locals.user = user;
	event.locals.actor = user ? userActor(user) : null;
	return resolve(event);
};

export const handle = sequence(handleLanguage, handleSession, handleSignedInWrites, handleUploadBudget);
