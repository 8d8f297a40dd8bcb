// What Linux's /proc says about a process, for the benches and the tests: resident memory,
// CPU used, whether it runs, its children (the server's photo process).
import fs from 'node:fs';

/**
 * the fields after "pid (comm) ": comm may hold spaces and parentheses
 * @param {number | string} pid
 */
function statFields(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * resident memory of a process, MB
 * @param {number} pid
 */
export function rssMb(pid) {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

/**
 * CPU seconds a process has used (user + system)
 * @param {number} pid
 */
export function cpuSeconds(pid) {
	const fields = statFields(pid);
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * alive: not gone and not a zombie waiting to be reaped
 * @param {number} pid
 */
export function running(pid) {
	try {
		return statFields(pid)[0] !== 'Z';
	} catch {
		return false;
	}
}

/**
 * pids whose parent is `pid`
 * @param {number} pid
 * @returns {number[]}
 */
export function childPids(pid) {
	return fs
		.readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.filter((name) => {
			try {
				return Number(statFields(name)[1]) === pid;
			} catch {
				return false; // gone meanwhile
			}
		})
		.map(Number);
}

/**
 * A thread's time on a CPU and waiting for one (ready to run, another task on it), seconds, and
 * how many times it was put on a CPU: the scheduler's own count (/proc/…/schedstat).
 * @param {number} pid
 * @param {number} [tid] the thread (default: the main thread)
 */
export function schedSeconds(pid, tid = pid) {
	const [onCpu, waiting, runs] = fs
		.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8')
		.trim()
		.split(' ')
		.map(Number);
	return { onCpu: onCpu / 1e9, waiting: waiting / 1e9, runs };
}
