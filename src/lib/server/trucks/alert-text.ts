import { formatDateTime } from '$lib/time/format';

/** "trễ 7 phút", "trễ 2 giờ 05 phút"; past two days, the plan's own time */
export function lateText(ms: number, plannedAt: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 120) return `trễ ${minutes} phút so với kế hoạch`;
	if (minutes < 48 * 60)
		return `trễ ${Math.floor(minutes / 60)} giờ ${String(minutes % 60).padStart(2, '0')} phút so với kế hoạch`;
	return `chưa đến, kế hoạch ${formatDateTime(plannedAt)}`;
}
