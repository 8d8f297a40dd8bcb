/**
 * Vietnam time for `<input type="datetime-local">`: Asia/Ho_Chi_Minh is a fixed +07:00
 * (no daylight saving since 1975), so the conversion is plain arithmetic, the same on
 * the server and in the browser whatever their own time zone.
 */
const vnOffsetMs = 7 * 3_600_000;

/** epoch ms → the input's value in Vietnam time ('' when unset) */
export function msToInput(ms: number | null): string {
	if (ms === null || !Number.isFinite(ms)) return '';
	const local = new Date(ms + vnOffsetMs).toISOString();
	return local.slice(17, 19) === '00' ? local.slice(0, 16) : local.slice(0, 19);
}

/** a day ("2024-10-11") → epoch ms of its first moment in Vietnam time */
export function dayStartMs(day: string): number {
	return Date.parse(`${day}T00:00:00+07:00`);
}

/** epoch ms → ISO 8601 with +07:00, as the scenario writes times */
export function msToIso(ms: number): string {
	return `${new Date(ms + vnOffsetMs).toISOString().slice(0, 19)}+07:00`;
}

/**
 * The input's value (Vietnam time) → ISO with +07:00; null when empty. Anything else is
 * passed on unchanged, so the command's schema refuses it with its own message.
 */
export function inputToIso(value: string): string | null {
	const trimmed = value.trim();
	if (trimmed === '') return null;
	const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d+)?$/.exec(trimmed);
	return m ? `${m[1]}${m[2] ?? ':00'}+07:00` : trimmed;
}

/** The input's value (Vietnam time) → epoch ms; null when empty or not a time. */
export function inputToMs(value: string): number | null {
	const iso = inputToIso(value);
	const ms = iso === null ? NaN : Date.parse(iso);
	return Number.isFinite(ms) ? ms : null;
}
