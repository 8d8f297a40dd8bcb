/**
 * Times as people here write them, always in the event's time zone: 6g30, 03/10/2024 (6:30 in
 * English). Each that has words takes the reader's language.
 */
import { translate, type Lang } from '$lib/i18n';

const zone = 'Asia/Ho_Chi_Minh';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: zone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	weekday: 'short',
	hourCycle: 'h23'
});

function parts(ms: number): Record<string, string> {
	return Object.fromEntries(partsFormat.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
}

/** "6g30" (and "6g" on the hour, as plans write it) */
export function formatHour(ms: number, lang: Lang): string {
	const p = parts(ms);
	const hour = String(Number(p.hour));
	return p.minute === '00'
		? translate(lang, 'time.hour', { hour })
		: translate(lang, 'time.hourMinute', { hour, minute: p.minute });
}

/** "03/10/2024" */
export function formatDate(ms: number): string {
	const p = parts(ms);
	return `${p.day}/${p.month}/${p.year}`;
}

/** "6g30 03/10/2024" */
export function formatDateTime(ms: number, lang: Lang): string {
	return `${formatHour(ms, lang)} ${formatDate(ms)}`;
}

/** "06:30:15", for a ticking clock */
export function formatClock(ms: number): string {
	const p = parts(ms);
	return `${p.hour}:${p.minute}:${p.second}`;
}

/** "Thứ Năm, 03/10/2024" */
export function formatLongDate(ms: number, lang: Lang): string {
	const weekday = parts(ms).weekday as 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';
	return `${translate(lang, `time.weekday.${weekday}`)}, ${formatDate(ms)}`;
}

/** A span of time as people say it: "7 phút", "2 giờ 05 phút", "3 ngày 4 giờ" (never "3246003 phút") */
export function formatDuration(ms: number, lang: Lang): string {
	const minutes = Math.round(Math.abs(ms) / 60_000);
	if (minutes < 60) return translate(lang, 'time.minutes', { minutes });
	const hours = Math.floor(minutes / 60);
	if (hours < 48)
		return translate(lang, 'time.hoursMinutes', { hours, minutes: String(minutes % 60).padStart(2, '0') });
	return translate(lang, 'time.daysHours', { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** A countdown: "2 ngày 03:05:09", "01:05:09" */
export function formatCountdown(ms: number, lang: Lang): string {
	const total = Math.max(0, Math.floor(ms / 1000));
	const days = Math.floor(total / 86400);
	const pad = (n: number) => String(n).padStart(2, '0');
	const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
	return days > 0 ? translate(lang, 'time.daysClock', { days, clock }) : clock;
}
