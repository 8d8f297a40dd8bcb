/**
 * The photo process: sharp decodes and encodes photos in a child process of its own, not in the
 * server. glibc keeps the native memory libvips's threads once used (100 MB and more after a
 * burst of photos), so in the server it would stay for the rest of the day; here it is given
 * back when the process is let go, a minute after its last photo (KHAIMAC_PHOTO_PROCESS_IDLE_S). An image that crashed or hung
 * libvips takes down only this process: its photos fail (the tablet sends them again) and the
 * next photo starts a new one. Where there is no built photo process (vite dev, unit tests) the
 * work is done in the server itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { config } from '../config';
import type { PhotoAnswer, PhotoAnswers, PhotoJob } from './reencode';

/** server.js puts the built photo process's file here */
const entryKey = Symbol.for('khai-mac.photoProcessEntry');
/** a photo takes well under a second; one still in hand after this has hung the process */
const jobMs = 60_000;

export class PhotoProcessFailed extends Error {}

type Reply = { id: number; answer: PhotoAnswer } | { id: number; error: string };

interface Job {
	resolve(answer: PhotoAnswer): void;
	reject(error: Error): void;
	timer: NodeJS.Timeout;
}

/** One child process and the jobs in its hands. */
class PhotoProcess {
	readonly #proc: ChildProcess;
	readonly #jobs = new Map<number, Job>();
	#nextId = 0;
	#idle: NodeJS.Timeout | null = null;
	#ended = false;
	readonly #onEnd: (p: PhotoProcess) => void;

	constructor(file: string, onEnd: (p: PhotoProcess) => void) {
		this.#onEnd = onEnd;
		this.#proc = fork(file, [], {
			// Buffers cross as bytes, not as JSON; none of the server's node flags (profilers)
			serialization: 'advanced',
			execArgv: [],
			// fewer malloc arenas for libvips's threads: less memory held between photos
			env: { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' },
			stdio: ['ignore', 'inherit', 'inherit', 'ipc']
		});
		this.#proc.on('message', (reply: Reply) => this.#settle(reply));
		this.#proc.on('exit', (code, signal) => this.#end(`${signal ?? code}`));
		this.#proc.on('error', (error) => this.#end(error.message));
		this.#rest();
	}

	get pid(): number | undefined {
		return this.#proc.pid;
	}

	run(job: PhotoJob): Promise<PhotoAnswer> {
		return new Promise((resolve, reject) => {
			const id = ++this.#nextId;
			const timer = setTimeout(() => this.#proc.kill('SIGKILL'), jobMs);
			this.#jobs.set(id, { resolve, reject, timer });
			if (this.#idle) clearTimeout(this.#idle);
			this.#idle = null;
			this.#proc.ref();
			this.#proc.channel?.ref();
			try {
				this.#proc.send({ id, job });
			} catch (error) {
				this.#proc.kill('SIGKILL');
				this.#end(error instanceof Error ? error.message : String(error));
			}
		});
	}

	#settle(reply: Reply): void {
		const job = this.#jobs.get(reply.id);
		if (!job) return;
		this.#jobs.delete(reply.id);
		clearTimeout(job.timer);
		if ('error' in reply) job.reject(new PhotoProcessFailed(reply.error));
		else job.resolve(reply.answer);
		if (this.#jobs.size === 0) this.#rest();
	}

	/** nothing in hand: it does not keep the server's event loop alive, and goes after a while */
	#rest(): void {
		this.#proc.unref();
		this.#proc.channel?.unref();
		this.#idle = setTimeout(() => {
			this.#ended = true;
			this.#onEnd(this);
			this.#proc.disconnect(); // it exits when its channel closes
		}, config.photoProcessIdleSeconds * 1000).unref();
	}

	#end(why: string): void {
		if (this.#idle) clearTimeout(this.#idle);
		if (!this.#ended) {
			this.#ended = true;
			this.#onEnd(this);
		}
		if (this.#jobs.size)
			console.error(`[photos] the photo process stopped (${why}) with ${this.#jobs.size} photo(s) in hand`);
		for (const job of this.#jobs.values()) {
			clearTimeout(job.timer);
			job.reject(new PhotoProcessFailed(`the photo process stopped (${why})`));
		}
		this.#jobs.clear();
	}
}

let current: PhotoProcess | null = null;

function entry(): string | null {
	const file = (globalThis as Record<symbol, unknown>)[entryKey];
	return typeof file === 'string' && fs.existsSync(file) ? file : null;
}

export async function inPhotoProcess<J extends PhotoJob>(job: J): Promise<PhotoAnswers[J['op']]> {
	const file = entry();
	if (!file) {
		const { runPhotoJob } = await import('./reencode');
		return fromWire(job, await runPhotoJob(job));
	}
	current ??= new PhotoProcess(file, (ended) => {
		if (current === ended) current = null;
	});
	return fromWire(job, await current.run(job));
}

/** the photo process's pid while it runs (for /healthz) */
export function photoProcessPid(): number | null {
	return current?.pid ?? null;
}

const buffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Buffers come over the channel as plain Uint8Arrays: made Buffers again */
function fromWire<J extends PhotoJob>(job: J, answer: PhotoAnswer): PhotoAnswers[J['op']] {
	if (job.op === 'svg') {
		const { jpeg } = answer as PhotoAnswers['svg'];
		return { jpeg: buffer(jpeg) } as PhotoAnswers[J['op']];
	}
	const { photo, refused } = answer as PhotoAnswers['photo'];
	if (!photo) return { refused } as PhotoAnswers[J['op']];
	return {
		photo: { ...photo, display: buffer(photo.display), thumb: buffer(photo.thumb) }
	} as PhotoAnswers[J['op']];
}
