import { formatDateTime, formatDuration } from '$lib/time/format';

/** "trễ 7 phút", "trễ 2 giờ 05 phút"; past two days, the plan's own time */
export function lateText(ms: number, plannedAt: number): string {
	if (ms < 48 * 3_600_000) return `trễ ${formatDuration(ms)} so với kế hoạch`;
	return `chưa đến, kế hoạch ${formatDateTime(plannedAt)}`;
}
