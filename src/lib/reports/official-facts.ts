/**
 * The day's facts as the report says them (section I, "Công tác tổ chức"): one sentence each, in
 * the administrative register. Like official.ts these are the document's words, not the app's: the
 * writer edits them into a report that is signed and sent up a level in Vietnamese whatever the
 * screen's language, so they stay out of the catalogue (tests/unit/i18n.test.ts exempts this file).
 * Numbers as the report writes them: 1.234, 42,50 km, 87%, 16g20 03/10/2024.
 */
import { formatDateTime } from '$lib/time/format';
import { formatKm } from '$lib/ui/replay/range';
import { formatNumber } from './cells';

const n = (value: number) => formatNumber(value);
/** "87%"; a little covered is not 0%, nearly all is not 100% */
function percent(ratio: number): string {
	const rounded = Math.round(ratio * 100);
	if (ratio > 0 && rounded === 0) return 'dưới 1%';
	if (ratio < 1 && rounded === 100) return 'trên 99%';
	return `${rounded}%`;
}
const at = (ms: number) => formatDateTime(ms, 'vi');

/** "A 3/5; B 2/2": a figure against what was expected, each named */
const against = (parts: { name: string; done: number; of: number }[]) =>
	parts.map((p) => `${p.name} ${n(p.done)}/${n(p.of)}`).join('; ');

/** "2 đơn vị (A, B)": names up to five, a count only beyond (a city's hundreds would fill the page) */
function unitsNamed(names: string[]): string {
	const count = `${n(names.length)} đơn vị`;
	return names.length <= 5 ? `${count} (${names.join(', ')})` : count;
}

export const factWords = {
	trucksRan: (ran: number, planned: number, drivenM: number) =>
		ran === planned
			? `Có ${n(ran)} xe loa tuyên truyền lưu động chạy, tổng cộng ${formatKm(drivenM, 'vi')}.`
			: `Có ${n(ran)}/${n(planned)} xe loa tuyên truyền lưu động theo kế hoạch chạy, tổng cộng ${formatKm(drivenM, 'vi')}.`,
	routesCovered: (covered: number, onTime: number, checkpoints: number) =>
		checkpoints > 0
			? `Các xe phủ ${percent(covered)} tuyến đường theo lộ trình; ${n(onTime)}/${n(checkpoints)} điểm mốc đến đúng giờ.`
			: `Các xe phủ ${percent(covered)} tuyến đường theo lộ trình.`,
	checklistsAll: (done: number, total: number, units: number) =>
		`Việc treo cờ, phướn, băng rôn, pano, áp phích, khẩu hiệu: hoàn thành ${n(done)}/${n(total)} hạng mục tại ${n(units)} đơn vị.`,
	checklistUnit: (unit: string, done: number, total: number, lastAt: number) =>
		done === total
			? `${unit} hoàn thành ${n(done)}/${n(total)} hạng mục trang trí, tuyên truyền trực quan, xong hạng mục cuối lúc ${at(lastAt)}.`
			: `${unit} hoàn thành ${n(done)}/${n(total)} hạng mục trang trí, tuyên truyền trực quan, hạng mục gần nhất xong lúc ${at(lastAt)}.`,
	ceremony: (
		title: string,
		arrived: number,
		expected: number,
		groups: { name: string; done: number; of: number }[]
	) =>
		`${title} có ${n(arrived)}/${n(expected)} đại biểu, khách mời dự kiến đến tham dự (${against(groups)}).`,
	reports: (expected: number, standing: { onTime: string[]; late: string[]; notSent: string[] }) => {
		const parts = [
			standing.onTime.length ? `${n(standing.onTime.length)} đơn vị gửi đúng hạn` : '',
			standing.late.length ? `${unitsNamed(standing.late)} gửi trễ hạn` : '',
			standing.notSent.length ? `${unitsNamed(standing.notSent)} chưa gửi` : ''
		].filter(Boolean);
		return `Trong ${n(expected)} đơn vị trực thuộc phải báo cáo: ${parts.join(', ')}.`;
	}
};
