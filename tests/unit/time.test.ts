import { describe, expect, it } from 'vitest';
import { clockHistory, dayTime, nextClock, type DayClock } from '../../src/lib/time/day-clock';
import {
	formatCountdown,
	formatDate,
	formatDateTime,
	formatDuration,
	formatHour
} from '../../src/lib/time/format';

describe('Vietnamese time formats in Asia/Ho_Chi_Minh', () => {
	it('writes hours as the plans do', () => {
		expect(formatHour(Date.parse('2024-10-03T06:30:00+07:00'), 'vi')).toBe('6g30');
		expect(formatHour(Date.parse('2024-10-03T08:00:00+07:00'), 'vi')).toBe('8g');
		// 23:30 UTC is already the next morning in Vietnam
		expect(formatDateTime(Date.parse('2024-10-02T23:30:00Z'), 'vi')).toBe('6g30 03/10/2024');
	});

	it('writes dates day first', () => {
		expect(formatDate(Date.parse('2024-10-11T17:00:00+07:00'))).toBe('11/10/2024');
	});

	it('says a delay in minutes, hours or days, whatever its size (a 2024 plan on a 2026 day)', () => {
		expect(formatDuration(7 * 60_000, 'vi')).toBe('7 phút');
		expect(formatDuration(-125 * 60_000, 'vi')).toBe('2 giờ 05 phút');
		expect(formatDuration(3_246_003 * 60_000, 'vi')).toBe('2254 ngày 4 giờ');
	});

	it('counts down in days, hours, minutes and seconds', () => {
		expect(formatCountdown(65_000, 'vi')).toBe('00:01:05');
		expect(formatCountdown(2 * 86400_000 + 3 * 3600_000 + 5_000, 'vi')).toBe('2 ngày 03:00:05');
		expect(formatCountdown(-10, 'vi')).toBe('00:00:00');
	});

	it('writes the same times in English for an English reader', () => {
		expect(formatHour(Date.parse('2024-10-03T06:30:00+07:00'), 'en')).toBe('6:30');
		expect(formatDateTime(Date.parse('2024-10-03T08:00:00+07:00'), 'en')).toBe('8:00 03/10/2024');
		expect(formatDuration(-125 * 60_000, 'en')).toBe('2 h 05 min');
		expect(formatDuration(25 * 3_600_000, 'en')).toBe('25 h 00 min');
		expect(formatDuration(49 * 3_600_000, 'en')).toBe('2 days 1 h');
		expect(formatCountdown(86400_000 + 5_000, 'en')).toBe('1 day 00:00:05');
	});
});

describe('the demo day’s clock across its acts', () => {
	const at = (iso: string) => Date.parse(iso);
	const real = { anchorReal: 0, anchorDay: 0, speed: 1 };

	it('keeps a notice posted in one act at its time of day once the demo has moved on', () => {
		const start = 1_000_000;
		const morning = nextClock(real, {
			anchorReal: start,
			anchorDay: at('2024-10-03T06:30:00+07:00'),
			speed: 20
		});
		const posted = start + 60_000; // a real minute: twenty minutes of the day
		expect(formatHour(dayTime(morning, posted), 'vi')).toBe('6g50');
		const evening = nextClock(morning, {
			anchorReal: start + 120_000,
			anchorDay: at('2024-10-03T17:00:00+07:00'),
			speed: 100
		});
		expect(formatHour(dayTime(evening, posted), 'vi')).toBe('6g50');
		expect(formatHour(dayTime(evening, start + 120_000 + 36_000), 'vi')).toBe('18g');
	});

	it('keeps a bounded history, and nothing from the real clock', () => {
		let clock: DayClock = real;
		for (let i = 1; i <= clockHistory + 10; i++)
			clock = nextClock(clock, { anchorReal: i * 1000, anchorDay: i * 1_000_000, speed: 2 });
		let depth = 0;
		for (let c: DayClock | undefined = clock; c; c = c.previous) depth++;
		expect(depth).toBe(clockHistory + 1);
		expect(nextClock(real, { anchorReal: 5, anchorDay: 6, speed: 2 }).previous).toBeUndefined();
	});
});
