/**
 * What a stranger can make the server hold through plain HTTP: bodies are limited per route and
 * refused before they are read (a declared length at once, a chunked body where it passes the
 * limit), a post to a signed-in page without a session, or from an account that may not use the
 * form, is answered before its body is read, a body that comes too slowly is cut, and a client
 * that leaves half-way is no error.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkedBody, login, waitFor } from '../helpers/client';
import { queryDb, removeServer, startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
	// a short time for a whole request, so a slow body is cut within the test
	server = await startServer({ env: { KHAIMAC_REQUEST_TIMEOUT_S: '2', KHAIMAC_UPLOAD_BURST_MB: '0' } });
});
afterAll(async () => removeServer(server));

/** The most memory the server process has held so far (its peak RSS), in MB. */
function peakRssMb(): number {
	const status = fs.readFileSync(`/proc/${server.pid()}/status`, 'utf8');
	return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]) / 1024;
}

const healthy = async () => (await fetch(`${server.url}/healthz`)).status;

/** A photo chunk PUT whose body is sent chunked; its status, or 'cut' when the server hung up. */
async function chunkedPut(cookie: string, uploadId: string, unit: string, bytes: number) {
	const declared = 1024 * 1024; // what the range says; the body goes on far past it
	try {
		const response = await fetch(`${server.url}/photos/uploads/${uploadId}?unit=${unit}`, {
			method: 'PUT',
			headers: {
				cookie,
				'content-type': 'application/octet-stream',
				'content-range': `bytes 0-${declared - 1}/${declared}`
			},
			body: chunkedBody(bytes),
			duplex: 'half'
		} as RequestInit);
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 'cut';
	}
}

/** Sends the head of a request and `sent` bytes of its body, then `then` (close or wait). */
function partialRequest(head: string, sent: string, then: 'close' | 'wait') {
	return new Promise<string>((resolve) => {
		let answer = '';
		const socket = net.connect(server.port, '127.0.0.1', () => {
			socket.write(head + sent);
			if (then === 'close') setTimeout(() => socket.destroy(), 200);
		});
		socket.on('data', (data) => (answer += data.toString()));
		socket.on('error', () => {});
		socket.on('close', () => resolve(answer));
	});
}

const formHead = (pathAndQuery: string, length: number, type = 'application/x-www-form-urlencoded') =>
	`POST ${pathAndQuery} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.url}\r\n` +
	`Content-Type: ${type}\r\nContent-Length: ${length}\r\n\r\n`;

describe('bodies limited per route', () => {
	it('refuses a 1 MB anonymous login at once, in Vietnamese, and goes on answering', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
			body: `username=admin&password=${'a'.repeat(1024 * 1024)}`
		});
		expect(response.status).toBe(413);
		expect(await response.text()).toContain('quá lớn');
		expect(await healthy()).toBe(200);
	});

	it('closes the connection after the 413 of a body many times its limit, without reading it', async () => {
		// 11.5 MB declared to the 64 KB login form: answered and hung up on, the rest never read
		const answer = await partialRequest(
			formHead('/login', 11.5 * 1024 * 1024),
			'a'.repeat(64 * 1024),
			'wait'
		);
		expect(statusLine(answer)).toBe('HTTP/1.1 413 Payload Too Large');
		expect(headLines(answer)).toContain('connection: close');
		expect(await healthy()).toBe(200);
	});

	it('reads on a body a few times its limit so that the browser shows the 413', async () => {
		// 200 KB to the 64 KB form (a pasted text, a wrong file): answered, the connection kept
		const answer = await partialRequest(formHead('/login', 200 * 1024), 'a'.repeat(200 * 1024), 'close');
		expect(statusLine(answer)).toBe('HTTP/1.1 413 Payload Too Large');
		expect(headLines(answer)).toContain('connection: keep-alive');
	});

	it('holds no large login bodies in memory, nor chunked photo bodies', async () => {
		const cookie = await login(server.url, 'phuong-tan-kieng');
		const body = new Uint8Array(11.5 * 1024 * 1024).fill(97);
		const before = peakRssMb();
		const logins = Array.from({ length: 20 }, () =>
			fetch(`${server.url}/login`, {
				method: 'POST',
				headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
				body
			}).then(
				(r) => r.status,
				() => 'cut'
			)
		);
		const puts = Array.from({ length: 20 }, () =>
			chunkedPut(cookie, crypto.randomUUID(), 'phuong-tan-kieng', body.length)
		);
		const statuses = await Promise.all([...logins, ...puts]);
		// a body cut at its limit: the sender sees the hang-up, or, when it got out first, the
		// upload's 400 (longer than its range: nothing read past that)
		expect(
			statuses.every((s) => s === 413 || s === 400 || s === 'cut'),
			String(statuses)
		).toBe(true);
		// 40 such bodies read whole took the server from ~320 to ~600 MB
		expect(peakRssMb() - before).toBeLessThan(100);
		expect(await healthy()).toBe(200);
	});

	it('cuts a chunked photo PUT at the chunk limit and stores nothing of it', async () => {
		const cookie = await login(server.url, 'phuong-tan-kieng');
		const uploadId = crypto.randomUUID();
		const status = await chunkedPut(cookie, uploadId, 'phuong-tan-kieng', 11.5 * 1024 * 1024);
		expect([413, 400, 'cut']).toContain(status);
		expect(queryDb(server.dbPath, 'SELECT id FROM photo_uploads WHERE id = ?', uploadId)).toEqual([]);
		expect(fs.existsSync(path.join(server.dir, 'photos', 'incoming', uploadId))).toBe(false);
		expect(await healthy()).toBe(200);
	});
});

/** The head of a form post with more header lines (a session, how the answer is wanted). */
const withHeaders = (head: string, headers: Record<string, string>) =>
	head.replace(
		'\r\n\r\n',
		`\r\n${Object.entries(headers)
			.map(([k, v]) => `${k}: ${v}`)
			.join('\r\n')}\r\n\r\n`
	);

/** The header lines of the first HTTP answer on a connection, lower-cased. */
const headLines = (answer: string) => answer.split('\r\n\r\n')[0].toLowerCase().split('\r\n');

/** The first line of an HTTP answer. */
const statusLine = (answer: string) => answer.split('\r\n')[0];

describe('posts answered before their body is read', () => {
	// each declared within its form's limit (2 MB, 1 MB); only a first piece of it is sent and the
	// rest never comes: an answer other than the timeout's 408 was given without reading the body
	const report = (unit: string) => ({ target: `/reports?unit=${unit}&/submit`, declared: 1_990_000 });
	const route = { target: '/ops/routes?/saveRoute', declared: 990_000 };
	const asForm = { 'X-SvelteKit-Action': 'true', Accept: 'application/json' };

	const halfSent = (post: { target: string; declared: number }, headers: Record<string, string>) =>
		partialRequest(
			withHeaders(formHead(post.target, post.declared), headers),
			'commandId=x&narrative=',
			'wait'
		);

	it('refuses an anonymous post to a signed-in page as an expired session, before its body', async () => {
		const [reported, routed] = await Promise.all([
			halfSent(report('phuong-tan-kieng'), asForm),
			halfSent(route, { Accept: 'text/html' })
		]);
		// what use:enhance reads: the form says the session ended and keeps what was typed
		expect(statusLine(reported)).toBe('HTTP/1.1 200 OK');
		expect(reported).toContain('"type":"failure","status":401');
		expect(reported).toContain('Phiên đăng nhập đã hết');
		// a plain form post goes to the login page, and back after it
		expect(statusLine(routed)).toBe('HTTP/1.1 303 See Other');
		expect(routed).toMatch(/\r\nlocation: \/login\?next=%2Fops%2Froutes/i);
		expect(await healthy()).toBe(200);
	});

	it('refuses a signed-in post the account may not make, before its body', async () => {
		const ward = { ...asForm, Cookie: await login(server.url, 'phuong-tan-kieng') };
		// another ward's report; the parade's routes (the ops room's)
		const answers = await Promise.all([
			halfSent(report('phuong-tan-thuan-dong'), ward),
			halfSent(route, ward)
		]);
		for (const answer of answers) {
			expect(statusLine(answer)).toBe('HTTP/1.1 200 OK');
			expect(answer).toContain('"type":"failure","status":403');
		}
	});
});

describe('requests that stop half-way', () => {
	it('cuts a body that comes too slowly (408), without an error in the log', async () => {
		const answer = await partialRequest(formHead('/login', 1000), 'username=adm', 'wait');
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		expect(server.log()).not.toMatch(/\[500\]|Error: aborted/);
	});

	it('keeps a photo chunk whole or not at all: a chunk cut half-way leaves the upload where it was, and it goes on from there', async () => {
		const ward = 'phuong-tan-kieng';
		const cookie = await login(server.url, ward);
		const uploadId = crypto.randomUUID();
		const piece = 256 * 1024;
		const total = 3 * piece;
		const put = async (start: number) => {
			const response = await fetch(`${server.url}/photos/uploads/${uploadId}?unit=${ward}`, {
				method: 'PUT',
				headers: {
					cookie,
					'content-type': 'application/octet-stream',
					'content-range': `bytes ${start}-${start + piece - 1}/${total}`
				},
				body: new Uint8Array(piece).fill(7)
			});
			return { status: response.status, body: await response.json() };
		};
		const incoming = path.join(server.dir, 'photos', 'incoming', uploadId);
		expect((await put(0)).body).toMatchObject({ ok: true, received: piece });
		// the second chunk: its head and half its bytes, then the tablet loses its link
		const head =
			`PUT /photos/uploads/${uploadId}?unit=${ward} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n` +
			`Cookie: ${cookie}\r\nContent-Type: application/octet-stream\r\n` +
			`Content-Range: bytes ${piece}-${2 * piece - 1}/${total}\r\nContent-Length: ${piece}\r\n\r\n`;
		await partialRequest(head, 'x'.repeat(piece / 2), 'close');
		// sent again from where the tablet thinks it was (after the cut one: one chunk of an upload at a
		// time), it is told where the server is: the half chunk was taken back off
		expect(await put(0)).toMatchObject({ status: 409, body: { received: piece } });
		expect((await put(piece)).body).toMatchObject({ ok: true, received: 2 * piece });
		expect(fs.statSync(incoming).size).toBe(2 * piece);
	});

	it('lets a client leave in the middle of a form or an upload: no 500, no stack in the log', async () => {
		const admin = await login(server.url, 'admin');
		const before = server.log().length;
		await partialRequest(formHead('/login', 50_000), 'username=admin&password=', 'close');
		const boundary = 'x-boundary';
		const multipart =
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="s.json"\r\n` +
			`Content-Type: application/json\r\n\r\n{"event":`;
		await partialRequest(
			formHead('/admin/scenario?/import', 2_000_000, `multipart/form-data; boundary=${boundary}`).replace(
				'\r\n\r\n',
				`\r\nCookie: ${admin}\r\n\r\n`
			),
			multipart,
			'close'
		);
		// the server says (in one line) that each was cut, or fails as it did before
		const said = await waitFor(() => {
			const log = server.log().slice(before);
			return (log.match(/cut before|\[500\]/g) ?? []).length >= 2 && log;
		}, 10_000);
		expect(said).not.toContain('[500]');
		expect(said).not.toMatch(/^\s+at /m);
		expect(await healthy()).toBe(200);
	});
});
