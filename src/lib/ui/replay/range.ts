/**
 * Times and numbers around the replay, as people here read them: Vietnam time (always +07:00,
 * no daylight saving since 1975), a decimal comma, durations as h:mm. Pure; runs on the
 * server (the page's default range) and in the browser.
 */

const hourMs = 3_600_000;
const minuteMs = 60_000;
/** the server answers at most 48 hours of track */
export const MAX_RANGE_MS = 48 * hourMs;

/**
 * The range to offer first: from 1 hour before the first parade milestone to 4 hours after
 * it; with none, the last 3 hours up to `now` (the day's time). Whole minutes, as the
 * datetime-local inputs show them.
 */
export function defaultReplayRange(
	milestones: readonly { at: string; kind?: string }[],
	now: number
): { from: number; to: number } {
	const parades = milestones
		.filter((m) => m.kind === 'parade')
		.map((m) => Date.parse(m.at))
		.filter(Number.isFinite)
		.sort((a, b) => a - b);
	const [from, to] =
		parades.length > 0 ? [parades[0] - hourMs, parades[0] + 4 * hourMs] : [now - 3 * hourMs, now];
	return { from: Math.floor(from / minuteMs) * minuteMs, to: Math.ceil(to / minuteMs) * minuteMs };
}

/** What is wrong with a range to load, in Vietnamese, or null when it can be asked for. */
export function rangeProblem(from: number | null, to: number | null): string | null {
	if (from === null || to === null) return 'Nhập đủ thời điểm bắt đầu và kết thúc.';
	if (to <= from) return 'Thời điểm kết thúc phải sau thời điểm bắt đầu.';
	if (to - from > MAX_RANGE_MS) return 'Chọn khoảng thời gian tối đa 48 giờ.';
	return null;
}

const kmFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('vi-VN');

/** metres → "12,35 km" */
export function formatKm(metres: number): string {
	return `${kmFormat.format(metres / 1000)} km`;
}

/** ms → "1:05" (hours:minutes, minutes rounded down) */
export function formatDuration(ms: number): string {
	const minutes = Math.max(0, Math.floor(ms / minuteMs));
	return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 123456 → "123.456" */
export function formatCount(n: number): string {
	return countFormat.format(n);
}
