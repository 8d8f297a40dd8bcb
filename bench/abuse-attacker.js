// One attacker of bench/abuse.js, in a thread of its own (a flood's 40 × 11.5 MB bodies block
// the thread sending them for seconds; the day's clients and the other attackers must not wait
// for that). workerData: { flood: a letter of `floods` below, ctx: what it needs }. It signs in
// and says 'ready'; then floods from 'run' until 'stop' (answering 'stopped'), as often as told;
// 'say' answers with what it got over all its runs, in lines. None of it throws: whatever fails
// is counted among the answers, and a flood that cannot start says why instead of 'ready'.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { connect, ms, quantile, uploadPhoto } from './lib.js';
import { chunkedBody } from '../tests/harness/bodies.js';
import { dayCommands } from './day-load.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const n = (count) => count.toLocaleString('en');

/** Counts of kinds of answers, said as "12 ok, 3 rate_limited". */
class Tally {
	counts = new Map();
	add(kind, count = 1) {
		this.counts.set(kind, (this.counts.get(kind) ?? 0) + count);
	}
	get(kind) {
		return this.counts.get(kind) ?? 0;
	}
	get total() {
		return [...this.counts.values()].reduce((a, b) => a + b, 0);
	}
	toString() {
		const said = [...this.counts].sort((a, b) => b[1] - a[1]).map(([k, c]) => `${n(c)} ${k}`);
		return said.join(', ') || 'nothing';
	}
}

/** `width` loops of `fn`, each calling it again as soon as it is done, until `stopped()`. */
async function keepGoing(width, stopped, fn) {
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (!stopped()) await fn();
		})
	);
}

/**
 * A connection that comes back as soon as the server lets it go, as an attacker's would: `socket()`
 * is the open socket, opened again first (as many times as it takes, until the flood stops) when
 * it was closed.
 * `comebacks` counts how the tries to come back went.
 */
async function persistent(open) {
	let socket = await open();
	let opening = null;
	const comebacks = new Tally();
	const reopen = async () => {
		// not in the quiet halves: then the attacker is silent
		while (!socket.connected && !stop) {
			try {
				socket = await open();
				comebacks.add('back');
			} catch (error) {
				comebacks.add(`refused (${error.message})`);
			}
		}
	};
	return {
		async socket() {
			if (!socket.connected) await (opening ??= reopen().finally(() => (opening = null)));
			return socket;
		},
		said: () => (comebacks.total ? `; let go and came back: ${comebacks}` : '; never let go')
	};
}

/** What a command's answer was: acked, its refusal code, let go, or no answer. */
async function answerTo(connection, type, payload) {
	const socket = await connection.socket();
	try {
		const answer = await socket
			.timeout(30_000)
			.emitWithAck('command', { id: crypto.randomUUID(), type, payload });
		return answer.ok ? 'acked' : answer.code;
	} catch {
		return socket.connected ? 'no answer in 30 s' : 'let go';
	}
}

/**
 * `count` catch-ups at once from `afterSeq()`, again as soon as all are answered: how many were
 * answered (events or a snapshot to reload), how many told to come back later (busy).
 */
function syncRounds(connection, count, afterSeq) {
	const answers = new Tally();
	let rounds = 0;
	return {
		async run(stopped) {
			while (!stopped()) {
				const from = afterSeq();
				const socket = await connection.socket();
				await Promise.all(
					Array.from({ length: count }, async () => {
						try {
							const r = await socket.timeout(30_000).emitWithAck('sync', from);
							answers.add(r.kind === 'busy' ? 'busy' : `answered (${r.kind})`);
						} catch {
							answers.add(socket.connected ? 'no answer in 30 s' : 'let go');
						}
					})
				);
				rounds++;
			}
		},
		say: () => `${n(rounds)} rounds, ${n(answers.total)} × sync: ${answers}${connection.said()}`
	};
}

const text =
	'Phường đã phối hợp với các trường học, trung tâm học tập cộng đồng tổ chức tuyên truyền về Tuần lễ. ';
const narrative = (i, part) =>
	`${i}-${part} ${text.repeat(Math.ceil(20_000 / text.length))}`.slice(0, 20_000);

/** The status of a request, or 'cut' when the server hung up before answering. */
async function statusOf(request) {
	try {
		const response = await request;
		await response.arrayBuffer();
		return String(response.status);
	} catch {
		return 'cut';
	}
}

/** The ceremony's invitee import form, posted as the page posts it; the answer and its time. */
async function importInvitees({ url, cookie, headers }, bytes) {
	const form = new FormData();
	form.set('commandId', crypto.randomUUID());
	form.set('mode', 'replace');
	form.set('file', new File([bytes], 'khach-moi.xlsx'));
	const t0 = performance.now();
	const response = await fetch(`${url}/ops/ceremony?/importInvitees`, {
		method: 'POST',
		headers: { ...headers, cookie, origin: url, accept: 'application/json', 'x-sveltekit-action': 'true' },
		body: form
	});
	const answer = await response.json().catch(() => ({ type: `HTTP ${response.status}` }));
	const why =
		typeof answer.data === 'string' && answer.data.includes('quá lớn khi giải nén')
			? ' (too large unzipped)'
			: '';
	return { said: `${answer.type} ${answer.status ?? response.status}${why}`, ms: performance.now() - t0 };
}

/** Each flood: signs in with ctx, then { run(stopped), say() }. */
const floods = {
	/** a display link's catch-ups from 5,000 events back, and a ward tablet's from the start */
	async a({ url, displayCookie, wardCookie, headers, seq }) {
		let latest = seq;
		const display = await persistent(async () => {
			const socket = await connect(url, displayCookie, 'display', headers);
			socket.on('event', (e) => (latest = Math.max(latest, e.seq)));
			return socket;
		});
		const ward = await persistent(() => connect(url, wardCookie, 'user', headers));
		const fromDisplay = syncRounds(display, 100, () => Math.max(0, latest - 5000));
		const fromWard = syncRounds(ward, 200, () => 0);
		return {
			run: (stopped) => Promise.all([fromDisplay.run(stopped), fromWard.run(stopped)]),
			say: () => [
				`a) display link, 100 × sync(seq − 5000) at once, again when all are answered: ${fromDisplay.say()}`,
				`a) ward tablet, 200 × sync(0) at once, again when all are answered: ${fromWard.say()}`
			]
		};
	},

	/** report.save_draft with two 20,000-character narratives, 16 in flight */
	async b({ url, cookie, unitId, headers }) {
		const socket = await persistent(() => connect(url, cookie, 'user', headers));
		const answers = new Tally();
		let i = 0;
		return {
			run: (stopped) =>
				keepGoing(16, stopped, async () => {
					const payload = {
						...dayCommands.drafts({ unitId }, i).payload,
						narrative: { 'trien-khai': narrative(i, 1), 'hoat-dong': narrative(i, 2) }
					};
					i++;
					answers.add(await answerTo(socket, 'report.save_draft', payload));
				}),
			say: () => [
				`b) ward account, report.save_draft with two 20,000-character narratives × 16 in flight: ${n(answers.total)} sent: ${answers}${socket.said()}`
			]
		};
	},

	/** a display link's notice.post (forbidden to it), 64 in flight */
	async c({ url, displayCookie, headers }) {
		const socket = await persistent(() => connect(url, displayCookie, 'display', headers));
		const answers = new Tally();
		let i = 0;
		const notice = () => ({ body: `Màn hình gửi thông báo ${i++}`, urgent: true, targetUnitIds: null });
		return {
			run: (stopped) =>
				keepGoing(64, stopped, async () => answers.add(await answerTo(socket, 'notice.post', notice()))),
			say: () => [
				`c) display link, forbidden notice.post × 64 in flight: ${n(answers.total)} sent: ${answers}${socket.said()}`
			]
		};
	},

	/** sockets on one sign-in from one address, 50 being opened at a time; the accepted stay open */
	async d({ url, cookie, headers }) {
		const answers = new Tally();
		const held = [];
		return {
			run: (stopped) =>
				keepGoing(50, stopped, async () => {
					try {
						held.push(await connect(url, cookie, 'user', headers));
						answers.add('accepted');
					} catch (error) {
						answers.add(`refused (${error.message})`);
					}
				}),
			say: () => {
				for (const socket of held) socket.close();
				return [
					`d) sockets on one sign-in from one address, 50 opening at a time, the accepted kept open: ${n(answers.get('accepted'))} of ${n(answers.total)} accepted (${answers})`
				];
			}
		};
	},

	/** 40 anonymous 11.5 MB logins and 40 chunked 11.5 MB photo chunk PUTs at once, again when answered */
	async e({ url, cookie, unitId, headers }) {
		const bytes = 11.5 * 1024 * 1024;
		const body = new Uint8Array(bytes).fill(97);
		const logins = new Tally();
		const puts = new Tally();
		let rounds = 0;
		const login = () =>
			statusOf(
				fetch(`${url}/login`, {
					method: 'POST',
					headers: { ...headers, origin: url, 'content-type': 'application/x-www-form-urlencoded' },
					body
				})
			).then((s) => logins.add(s));
		const put = () =>
			statusOf(
				fetch(`${url}/photos/uploads/${crypto.randomUUID()}?unit=${unitId}`, {
					method: 'PUT',
					headers: {
						...headers,
						cookie,
						'content-type': 'application/octet-stream',
						'content-range': `bytes 0-${1024 * 1024 - 1}/${1024 * 1024}`
					},
					body: chunkedBody(bytes),
					duplex: 'half'
				})
			).then((s) => puts.add(s));
		return {
			async run(stopped) {
				while (!stopped()) {
					await Promise.all(Array.from({ length: 40 }, () => [login(), put()]).flat());
					rounds++;
				}
			},
			say: () => [
				`e) 40 × 11.5 MB anonymous POST /login + 40 × 11.5 MB chunked photo PUTs at once, again when all are answered: ${n(rounds)} rounds; logins: ${logins}; PUTs: ${puts} ('cut': the server closed the connection)`
			]
		};
	},

	/**
	 * 40 large photos in flight from one ward, each sent whole in 1 MB chunks; one the server asks
	 * to send again later (429) is sent again after 2 s under the same upload, as the outbox does.
	 */
	async f({ url, cookie, unitId, headers, photos }) {
		const ends = new Tally();
		const chunk = 1024 * 1024;
		let later = 0;
		let i = 0;
		const send = async (stopped) => {
			const bytes = photos[i++ % photos.length];
			try {
				let answer = await uploadPhoto(url, cookie, unitId, bytes, { chunk, headers });
				while (answer.status === 429 && !stopped()) {
					later++;
					await sleep(2000);
					answer = await uploadPhoto(url, cookie, unitId, bytes, { chunk, headers, id: answer.id });
				}
				ends.add(answer.body.ok ? 'stored' : `${answer.status} ${answer.body.code}`);
			} catch (error) {
				ends.add(`failed (${error.cause?.code ?? error.cause?.message ?? error.message})`);
			}
		};
		const size = (photos[0].length / 1e6).toFixed(1);
		return {
			run: (stopped) => keepGoing(40, stopped, () => send(stopped)),
			say: () => [
				`f) one ward, 40 × ${size} MB 4000×3000 noise PNGs in flight: ${ends}; asked ${n(later)} times to send again later (429)`
			]
		};
	},

	/** the zip bombs, one after another (each waits for the last answer) */
	async g({ url, cookie, headers, bombs, about }) {
		const answers = new Tally();
		const times = [];
		let i = 0;
		return {
			async run(stopped) {
				while (!stopped()) {
					const { name, bytes } = bombs[i++ % bombs.length];
					try {
						const { said, ms: took } = await importInvitees({ url, cookie, headers }, bytes);
						answers.add(`${name}: ${said}`);
						times.push(took);
					} catch (error) {
						answers.add(`${name}: ${error.message}`);
					}
				}
			},
			say: () => [
				`g) coordinator, invitee .xlsx zip bomb (${about}) and the same lying about its sizes, one after another: ${answers}; answered in p50 ${ms(quantile(times, 0.5))}, max ${ms(Math.max(...times))}`
			]
		};
	}
};

/**
 * An attacker is on another machine: here its thread runs only on a CPU nothing else wants
 * (Linux's SCHED_IDLE, which any user may give a thread of theirs), so the server is not slowed
 * by the attacker's own work, only by what reaches it. Whether that could be set.
 */
function onlyOnIdleCpu() {
	try {
		const thread = fs.readlinkSync('/proc/thread-self').split('/').pop();
		execFileSync('chrt', ['--idle', '--pid', '0', thread], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

// at the lowest priority too, where SCHED_IDLE is missing (a thread's own; raising it takes root)
os.setPriority(19);
const idle = onlyOnIdleCpu();
let flood = null;
try {
	flood = await floods[workerData.flood](workerData.ctx);
	parentPort.postMessage({ ready: true, idle });
} catch (error) {
	parentPort.postMessage({ error: `could not start: ${error.message}` });
}
let stop = false;
let running = Promise.resolve();
let failure = null;
parentPort.on('message', async (message) => {
	if (message === 'run') {
		stop = false;
		running = flood.run(() => stop).catch((error) => (failure = error.message));
	} else if (message === 'stop') {
		stop = true;
		await running;
		parentPort.postMessage({ stopped: true });
	} else if (message === 'say') {
		const said = flood.say();
		parentPort.postMessage({ lines: failure ? [...said, `  (then FAILED: ${failure})`] : said });
	}
});
