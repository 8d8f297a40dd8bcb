/**
 * Files sent in (photo chunks, imported files) come out of one budget per account: a burst of a
 * few photos, then so many MB a second (KHAIMAC_UPLOAD_BURST_MB, KHAIMAC_UPLOAD_MB_PER_S). It is
 * checked after the session is read and before a byte of the body is: beyond it the sender is
 * told when to send again. Reading, storing and decoding files is the dearest work a client can
 * ask of the server, so one account can ask only so much of it (a ward's forty 12 MB photos at
 * once, a coordinator importing a zip bomb again and again), however many devices it uses.
 */
import type { IncomingMessage } from 'node:http';
import type { Handle } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import type { Actor } from '../access';
import { config } from '../config';
import { Places } from '../places';
import { TokenBuckets } from '../token-buckets';
import { answerUnread } from './answer-unread';
import { bodyLimitOf } from './body-limits';

const mb = 1024 * 1024;
const budget = new TokenBuckets(config.uploadBurstMb * mb, config.uploadMbPerSecond * mb);
const enabled = budget.burst > 0 && budget.perSecond > 0;
/**
 * Files one account may have being read at once: each device sends one chunk at a time, so this
 * is a dozen tablets of one ward sending together, while a script sent forty at once (forty
 * megabytes to read in the same second, every socket of the day waiting behind them).
 */
export const maxReadingAtOnce = 16;
const reading = new Places();
/**
 * A refused body is read to its end and dropped so that the browser sees why (a tablet then waits
 * as told), within this allowance per account; past it the sender is hung up on unread, or a
 * refusal would cost as much reading as the upload it refused.
 */
const drains = new TokenBuckets(4 * mb, 1 * mb);

/**
 * Files read whole (imports) an account may send: three in a row (KHAIMAC_IMPORTS_IN_A_ROW), then
 * one every 20 s. Reading one 5 MB form holds the event loop ~100 ms on the 2-core bench machine
 * (the form parsed, the file copied out of it: fresh memory each time), and a script importing a
 * zip bomb again and again did so every second (bench:abuse). An organizer imports a list a few
 * times on the day.
 */
const imports = new TokenBuckets(config.importsInARow, 1 / 20);

const keyOf = (actor: Actor) =>
	actor.kind === 'user'
		? `user:${actor.userId}`
		: actor.kind === 'display'
			? `display:${actor.linkId}`
			: null;

/** After the session is read (locals.actor); the command line and the simulator send no HTTP. */
export const handleUploadBudget: Handle = async ({ event, resolve }) => {
	const { actor } = event.locals;
	const { method, headers } = event.request;
	// page loads and reads (nearly every request) send no file: not looked up at all
	if (!enabled || !actor || method === 'GET' || method === 'HEAD') return resolve(event);
	const limit = bodyLimitOf(method, event.url.pathname + event.url.search);
	const key = keyOf(actor);
	if (!limit.upload || !key) return resolve(event);
	// a body sent without its length is counted at its route's most (it is cut there)
	const declared = Number(headers.get('content-length'));
	const bytes = Number.isSafeInteger(declared) && declared > 0 ? declared : limit.bytes;
	const now = Date.now();
	const importWait = limit.whole ? imports.waitFor(key, now) : 0;
	let wait = Math.max(budget.waitFor(key, now, bytes), importWait);
	const giveBack = wait === 0 ? reading.hold([{ key, max: maxReadingAtOnce }]) : null;
	const full = wait === 0 && !giveBack;
	if (full) wait = 1000;
	if (giveBack) {
		budget.take(key, now, bytes);
		if (limit.whole) imports.take(key, now);
		// given back once the body is read in full (or gone), though the answer may wait on more
		// (a photo waiting to be decoded); or with the answer, where the request is not at hand
		const req = (event.platform as { req?: IncomingMessage } | undefined)?.req;
		req?.once('end', giveBack).once('close', giveBack);
		try {
			return await resolve(event);
		} finally {
			giveBack();
		}
	}
	const seconds = Math.ceil(wait / 1000);
	const { lang } = event.locals;
	const why = full
		? 'problems.uploads.atOnce'
		: importWait > 0
			? 'problems.uploads.imports'
			: 'problems.uploads.files';
	const message = translate(lang, why, { seconds });
	const page = new Response(
		`<!doctype html><html lang="${lang}"><meta charset="utf-8"><p>${message}</p></html>`,
		{
			status: 429,
			headers: { 'content-type': 'text/html; charset=utf-8', 'retry-after': String(seconds) }
		}
	);
	const drain = drains.waitFor(key, now, bytes) === 0;
	if (drain) drains.take(key, now, bytes);
	return answerUnread(
		event,
		{ status: 429, code: 'rate_limited', message, retryInMs: wait },
		{ page, drain }
	);
};
