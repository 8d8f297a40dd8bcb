/**
 * Times and numbers around the replay, as the reader reads them: Vietnam time (always +07:00,
 * no daylight saving since 1975), a decimal comma in Vietnamese (a point in English), durations
 * as h:mm. Pure; runs on the server (the page's default range) and in the browser.
 */
import { translate, type Lang } from '$lib/i18n';
import { dueAt, isWholeDay } from '$lib/scenario/milestone-time';
import { dayStartMs } from '$lib/time/input';

const hourMs = 3_600_000;
const minuteMs = 60_000;
/** the server answers at most 48 hours of track */
export const MAX_RANGE_MS = 48 * hourMs;

/**
 * The range to offer first: from 1 hour before the first parade milestone to 4 hours after
 * it (a parade with a day and no hour: that whole day); with none, the last 3 hours up to `now`
 * (the day's time). Whole minutes, as the
 * datetime-local inputs show them.
 */
export function defaultReplayRange(
	milestones: readonly { at: string; kind?: string }[],
	now: number
): { from: number; to: number } {
	const parades = milestones
		.filter((m) => m.kind === 'parade')
		.map((m) => ({ at: m.at, start: isWholeDay(m.at) ? dayStartMs(m.at) : Date.parse(m.at) }))
		.filter((p) => Number.isFinite(p.start))
		.sort((a, b) => a.start - b.start);
	const first = parades[0];
	const [from, to] = !first
		? [now - 3 * hourMs, now]
		: isWholeDay(first.at)
			? [first.start, dueAt(first.at)]
			: [first.start - hourMs, first.start + 4 * hourMs];
	return { from: Math.floor(from / minuteMs) * minuteMs, to: Math.ceil(to / minuteMs) * minuteMs };
}

/** What is wrong with a range to load, in `lang`, or null when it can be asked for. */
export function rangeProblem(from: number | null, to: number | null, lang: Lang): string | null {
	if (from === null || to === null) return translate(lang, 'replay.rangeMissing');
	if (to <= from) return translate(lang, 'replay.rangeOrder');
	if (to - from > MAX_RANGE_MS) return translate(lang, 'replay.rangeMax', { hours: MAX_RANGE_MS / hourMs });
	return null;
}

const twoDecimals = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
const kmFormats: Record<Lang, Intl.NumberFormat> = {
	vi: new Intl.NumberFormat('vi-VN', twoDecimals),
	en: new Intl.NumberFormat('en-GB', twoDecimals)
};
const countFormats: Record<Lang, Intl.NumberFormat> = {
	vi: new Intl.NumberFormat('vi-VN'),
	en: new Intl.NumberFormat('en-GB')
};

/** metres → "12,35 km" ("12.35 km" in English) */
export function formatKm(metres: number, lang: Lang): string {
	return `${kmFormats[lang].format(metres / 1000)} km`;
}

/** ms → "1:05" (hours:minutes, minutes rounded down) */
export function formatDuration(ms: number): string {
	const minutes = Math.max(0, Math.floor(ms / minuteMs));
	return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 123456 → "123.456" ("123,456" in English) */
export function formatCount(n: number, lang: Lang): string {
	return countFormats[lang].format(n);
}
