/**
 * The photo process: sharp decodes and encodes photos in a child process of its own, not in the
 * server. glibc keeps the native memory libvips's threads once used (100 MB and more after a
 * burst of photos), so in the server it would stay for the rest of the day; here it is given
 * back when the process is let go, a minute after its last photo (KHAIMAC_PHOTO_PROCESS_IDLE_S).
 *
 * When the process ends with photos in hand, which photo was to blame decides what happens:
 * a photo that crashed the decoder on its own (SIGSEGV and the like) or took longer than
 * KHAIMAC_PHOTO_TIMEOUT_S is unreadable (the tablet is told so, and does not send it again);
 * any other photo in hand is tried once more, alone, in a fresh process; if that fails too the
 * caller is told to try later. Where there is no built photo process (vite dev, unit tests) the
 * work is done in the server itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { config } from '../config';
import type { PhotoAnswer, PhotoAnswers, PhotoJob } from './reencode';

/** server.js puts the built photo process's file here */
const entryKey = Symbol.for('khai-mac.photoProcessEntry');
/** what a decoder that crashed on a photo dies of (a kill from outside is SIGKILL or SIGTERM) */
const crashSignals = new Set(['SIGSEGV', 'SIGBUS', 'SIGABRT', 'SIGFPE', 'SIGILL']);

/** The photo cannot be decoded: it crashed the decoder on its own, or took far too long. */
export class PhotoUnreadable extends Error {}
/** The photo process failed with the photo in hand, not because of it: try again later. */
export class PhotoProcessFailed extends Error {}

/**
 * a report document: a city's 600 photos made small and packed took 18–38 s (bench:report-document);
 * given up after this, its process killed
 */
const documentTimeoutSeconds = 300;

type Reply = { id: number; answer: PhotoAnswer } | { id: number; error: string };

interface Job {
	job: PhotoJob;
	resolve(answer: PhotoAnswer): void;
	reject(error: Error): void;
	timer: NodeJS.Timeout;
	/** already tried again after a process it was in ended */
	retried: boolean;
}

type End =
	| { kind: 'exit'; signal: string | null; code: number | null }
	| { kind: 'timeout'; id: number }
	| { kind: 'error'; message: string };

/** One child process and the jobs in its hands. */
class PhotoProcess {
	readonly #proc: ChildProcess;
	readonly #jobs = new Map<number, Job>();
	readonly #file: string;
	readonly #onEnd: (p: PhotoProcess) => void;
	#nextId = 0;
	#idle: NodeJS.Timeout | null = null;
	#ended = false;

	constructor(file: string, onEnd: (p: PhotoProcess) => void) {
		this.#file = file;
		this.#onEnd = onEnd;
		// none of the server's node flags (profilers, inspector), from argv or from NODE_OPTIONS
		const { NODE_OPTIONS: _flags, ...env } = process.env;
		this.#proc = fork(file, [], {
			// Buffers cross as bytes, not as JSON
			serialization: 'advanced',
			execArgv: [],
			// fewer malloc arenas for libvips's threads: less memory held between photos
			env: { ...env, MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2' },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		this.#proc.on('message', (reply: Reply) => this.#settle(reply));
		this.#proc.on('exit', (code, signal) => this.#end({ kind: 'exit', signal, code }));
		this.#proc.on('error', (error) => this.#end({ kind: 'error', message: error.message }));
		this.#rest();
	}

	/** takes new jobs: not ended, channel open (a dying process's closes before it exits) */
	get open(): boolean {
		return !this.#ended && this.#proc.connected;
	}

	get pid(): number | undefined {
		return this.#proc.pid;
	}

	run(job: PhotoJob, retried = false): Promise<PhotoAnswer> {
		return new Promise((resolve, reject) => {
			const id = ++this.#nextId;
			const seconds = job.op === 'document' ? documentTimeoutSeconds : config.photoTimeoutSeconds;
			const timer = setTimeout(() => this.#end({ kind: 'timeout', id }), seconds * 1000);
			this.#jobs.set(id, { job, resolve, reject, timer, retried });
			if (this.#idle) clearTimeout(this.#idle);
			this.#idle = null;
			this.#proc.ref();
			this.#proc.channel?.ref();
			this.#proc.send({ id, job }, (error) => {
				if (error) this.#end({ kind: 'error', message: error.message });
			});
		});
	}

	/** no new jobs; it exits when its channel closes (idle, or a photo tried again alone is done) */
	letGo(): void {
		if (this.#ended) return;
		this.#ended = true;
		this.#onEnd(this);
		if (this.#proc.connected) this.#proc.disconnect();
	}

	#settle(reply: Reply): void {
		const job = this.#jobs.get(reply.id);
		if (!job) return;
		this.#jobs.delete(reply.id);
		clearTimeout(job.timer);
		if ('error' in reply) job.reject(new PhotoProcessFailed(reply.error));
		else job.resolve(reply.answer);
		if (this.#jobs.size === 0 && !this.#ended) this.#rest();
	}

	/** nothing in hand: it does not keep the server's event loop alive, and goes after a while */
	#rest(): void {
		this.#proc.unref();
		this.#proc.channel?.unref();
		this.#idle = setTimeout(() => this.letGo(), config.photoProcessIdleSeconds * 1000).unref();
	}

	#end(end: End): void {
		if (this.#idle) clearTimeout(this.#idle);
		if (!this.#ended) {
			this.#ended = true;
			this.#onEnd(this);
		}
		// whatever ended it, it is not left running (and not holding the server's event loop)
		if (this.#proc.exitCode === null && this.#proc.signalCode === null) this.#proc.kill('SIGKILL');
		this.#proc.unref();
		const jobs = [...this.#jobs];
		this.#jobs.clear();
		if (jobs.length === 0) return;
		const why =
			end.kind === 'exit'
				? `${end.signal ?? end.code}`
				: end.kind === 'timeout'
					? 'a photo took too long'
					: end.message;
		console.error(`[photos] the photo process stopped (${why}) with ${jobs.length} photo(s) in hand`);
		const crashedAlone =
			end.kind === 'exit' && end.signal !== null && crashSignals.has(end.signal) && jobs.length === 1;
		for (const [id, job] of jobs) {
			clearTimeout(job.timer);
			if ((end.kind === 'timeout' && end.id === id) || crashedAlone)
				job.reject(new PhotoUnreadable(end.kind === 'timeout' ? 'timeout' : 'crash'));
			else if (!job.retried) runAlone(this.#file, job.job).then(job.resolve, job.reject);
			else job.reject(new PhotoProcessFailed(`the photo process stopped (${why})`));
		}
	}
}

let current: PhotoProcess | null = null;

/** A photo tried again in a process of its own, so that if it is to blame nothing else fails with it. */
async function runAlone(file: string, job: PhotoJob): Promise<PhotoAnswer> {
	const alone = new PhotoProcess(file, () => {});
	try {
		return await alone.run(job, true);
	} finally {
		alone.letGo();
	}
}

let entryFile: string | null | undefined;

/** the built photo process, looked up once (null: decode in this process) */
function entry(): string | null {
	if (entryFile !== undefined) return entryFile;
	const file = (globalThis as Record<symbol, unknown>)[entryKey];
	entryFile = typeof file === 'string' && fs.existsSync(file) ? file : null;
	if (typeof file === 'string' && !entryFile)
		console.error(`[photos] ${file} is missing (run npm run build): photos are decoded in the server itself`);
	return entryFile; // without the key (vite dev, unit tests) quietly null
}

/** The photo process taking jobs, started when there is none. */
function running(file: string): PhotoProcess {
	if (!current?.open)
		current = new PhotoProcess(file, (ended) => {
			if (current === ended) current = null;
		});
	return current;
}

/**
 * A photo's bytes have begun to arrive: the photo process is started now if it is not running,
 * so that its start (node and libvips loaded: 0.2 s on a quiet 2-core machine, 0.5 s and more
 * when the server is busy, as the process runs at a lower priority) goes on while the photo
 * is still on its way, not after it. On the day most photos come after the process was let go
 * idle. Unused, it is let go again after its idle time.
 */
export function warmPhotoProcess(): void {
	const file = entry();
	if (file) running(file);
}

export async function inPhotoProcess<J extends PhotoJob>(job: J): Promise<PhotoAnswers[J['op']]> {
	const file = entry();
	return fromWire(job, file ? await running(file).run(job) : await here(job));
}

/** the job in this process: where there is no built photo process (vite dev, unit tests, the command line) */
async function here(job: PhotoJob): Promise<PhotoAnswer> {
	const { runPhotoJob } = await import('./reencode');
	return runPhotoJob(job);
}

/**
 * A job of seconds that holds its process's event loop (a report's .docx: the docx package packs
 * its zip synchronously, and a city's photos take hundreds of MB): in a process of its own,
 * let go when done, so neither the server nor the street's photos wait for it, and its memory
 * goes with it. Where there is no built photo process, done here.
 */
export async function inProcessOfItsOwn<J extends PhotoJob>(job: J): Promise<PhotoAnswers[J['op']]> {
	const file = entry();
	return fromWire(job, file ? await runAlone(file, job) : await here(job));
}

/** the photo process's pid while it runs (for /healthz) */
export function photoProcessPid(): number | null {
	return current?.pid ?? null;
}

const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Buffers come over the channel as plain Uint8Arrays: made Buffers again */
function fromWire<J extends PhotoJob>(job: J, answer: PhotoAnswer): PhotoAnswers[J['op']] {
	if (job.op === 'svg')
		return { jpeg: buffer((answer as PhotoAnswers['svg']).jpeg) } as PhotoAnswers[J['op']];
	if (job.op === 'document')
		return { docx: buffer((answer as PhotoAnswers['document']).docx) } as PhotoAnswers[J['op']];
	const { photo, refused } = answer as PhotoAnswers['photo'];
	if (!photo) return { refused } as PhotoAnswers[J['op']];
	return {
		photo: { ...photo, display: buffer(photo.display), thumb: buffer(photo.thumb) }
	} as PhotoAnswers[J['op']];
}
