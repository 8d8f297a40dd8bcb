/**
 * How the process itself is doing, for monitoring on the day (and the benchmarks): event-loop
 * delay over the last complete 10-second window and the worst window since start, and memory.
 * A delay of tens of milliseconds is what a screen would feel as a late update.
 */
import fs from 'node:fs';
import {
	createHistogram,
	monitorEventLoopDelay,
	type IntervalHistogram,
	type RecordableHistogram
} from 'node:perf_hooks';
import { photosWaiting } from './photos/image';
import { photoProcessPid } from './photos/photo-process';

const windowMs = 10_000;
const ms = (ns: number) => Math.round(ns / 1e4) / 100;
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

export interface Percentiles {
	p50: number;
	p99: number;
	max: number;
}

interface Monitor {
	histogram: IntervalHistogram;
	last: Percentiles | null;
	worstP99: number;
	/** a command's time in the server, from its message read to its answer sent (ns, as the loop's) */
	commands: RecordableHistogram;
	lastCommands: (Percentiles & { count: number }) | null;
}

const key = Symbol.for('khai-mac.health');
type Holder = { [key]?: Monitor };

function monitor(): Monitor {
	const holder = globalThis as Holder;
	if (!holder[key]) {
		const histogram = monitorEventLoopDelay({ resolution: 10 });
		histogram.enable();
		const commands = createHistogram();
		const m: Monitor = { histogram, last: null, worstP99: 0, commands, lastCommands: null };
		setInterval(() => {
			m.last = summary(histogram);
			m.worstP99 = Math.max(m.worstP99, m.last.p99);
			m.lastCommands = commands.count ? { ...summary(commands), count: commands.count } : null;
			histogram.reset();
			commands.reset();
		}, windowMs).unref();
		holder[key] = m;
	}
	return holder[key];
}

function summary(h: IntervalHistogram | RecordableHistogram): Percentiles {
	return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
}

/** Counts one command's time in the server (ms), for the window's figures. */
export function recordCommandTime(milliseconds: number): void {
	monitor().commands.record(Math.max(1, Math.round(milliseconds * 1e6)));
}

/** Starts measuring at boot, so the first window is complete when someone asks. */
export function startHealthMonitor(): void {
	monitor();
}

/** resident memory of another process, from /proc (Linux); null where that cannot be read */
function residentMb(pid: number | null): number | null {
	if (pid === null) return null;
	try {
		const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb ? mb(Number(kb) * 1024) : null;
	} catch {
		return null;
	}
}

export function processHealth() {
	const m = monitor();
	const memory = process.memoryUsage();
	return {
		/** milliseconds of event-loop delay in the last complete 10 s window (null in the first 10 s) */
		eventLoopDelay: m.last,
		/** the highest window p99 since the process started */
		eventLoopDelayWorstP99: m.worstP99,
		/** commands answered in the last complete window: count, and ms from read to answer */
		commands: m.lastCommands,
		rssMb: mb(memory.rss),
		/** live JavaScript objects; what a leak would raise */
		heapMb: mb(memory.heapUsed),
		/** what V8 holds for the heap, used or not (it returns pages slowly) */
		heapTotalMb: mb(memory.heapTotal),
		/** buffers and other memory outside the JavaScript heap */
		externalMb: mb(memory.external),
		/** the photo process's resident memory while it runs (null when there is none) */
		photoProcessRssMb: residentMb(photoProcessPid()),
		/** photos waiting for their turn to be decoded (two are decoded at a time) */
		photosWaiting: photosWaiting(),
		uptimeSeconds: Math.round(process.uptime())
	};
}
