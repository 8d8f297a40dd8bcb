// @ts-check
/**
 * A plan moved in time: every time in it (ISO 8601 with an offset) by the same span, each written
 * as before (same offset, same precision), and every day without an hour (`2024-10-03`) by the
 * whole days nearest that span. Whatever part of the plan holds them: the event's dates, the run of
 * show, checkpoints, checklist deadlines, the ceremony, the report deadline, and any part added
 * later. What names things is never moved, even when it reads as a day: ids (`id`, `…Id`, `…Ids`),
 * usernames and passwords.
 *
 * The one implementation for a rehearsal (rehearsal.ts: whole days, so each time keeps its time of
 * day in Vietnam, which has no daylight saving) and for the tests and benches that set a plan's
 * moment to now (tests/harness/scenarios.js): plain JavaScript, typed by JSDoc, so that plain
 * Node runs it as it is.
 */

const dayMs = 86_400_000;
const timePattern = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(:\d\d)?(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const dayPattern = /^\d{4}-\d\d-\d\d$/;

/** @param {string} key */
const namesSomething = (key) => key === 'id' || /Ids?$/.test(key) || key === 'username' || key === 'password';

/**
 * @param {string} value an ISO time with its offset
 * @param {RegExpExecArray} parts its pieces (timePattern)
 * @param {number} ms
 */
function moveTime(value, parts, ms) {
	const [, , , seconds, fraction, zone] = parts;
	const offset =
		zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4)) * 60_000;
	// the moved instant, read as the wall clock of its own offset
	const local = new Date(Date.parse(value) + ms + offset).toISOString();
	// as precise as written: minutes, seconds, or milliseconds
	return local.slice(0, fraction ? 23 : seconds ? 19 : 16) + zone;
}

/**
 * @param {string} day YYYY-MM-DD
 * @param {number} days
 */
function moveDay(day, days) {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/**
 * The plan with every time moved by `ms` and every day by the whole days nearest.
 * @template T
 * @param {T} plan
 * @param {number} ms
 * @returns {T}
 */
export function shiftPlan(plan, ms) {
	const days = Math.round(ms / dayMs);
	/** @param {unknown} value @returns {unknown} */
	const shift = (value) => {
		if (Array.isArray(value)) return value.map(shift);
		if (value && typeof value === 'object')
			return Object.fromEntries(
				Object.entries(value).map(([key, v]) => [key, namesSomething(key) ? v : shift(v)])
			);
		if (typeof value !== 'string') return value;
		const time = timePattern.exec(value);
		if (time && Number.isFinite(Date.parse(value))) return moveTime(value, time, ms);
		if (dayPattern.test(value) && Number.isFinite(Date.parse(value))) return moveDay(value, days);
		return value;
	};
	return /** @type {T} */ (shift(plan));
}

/**
 * Whole days from one day to another (YYYY-MM-DD), by the calendar.
 * @param {string} from
 * @param {string} to
 */
export function daysBetween(from, to) {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}
