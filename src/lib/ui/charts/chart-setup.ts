/** Chart.js with only what the report charts use, animation off (live data, wall screens). */
import {
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartData,
	type ChartOptions,
	type ChartType
} from 'chart.js';

Chart.register(
	BarController,
	BarElement,
	CategoryScale,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Legend,
	Tooltip
);

const grouping = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

export function makeChart(
	canvas: HTMLCanvasElement,
	type: 'bar' | 'line',
	data: ChartData,
	options: ChartOptions
): Chart<ChartType> {
	return new Chart(canvas, {
		type,
		data,
		options: {
			animation: false,
			responsive: true,
			maintainAspectRatio: false,
			locale: 'vi-VN',
			...options,
			plugins: {
				legend: { position: 'bottom' },
				tooltip: {
					callbacks: { label: (item) => `${item.dataset.label}: ${grouping.format(Number(item.raw ?? 0))}` }
				},
				...options.plugins
			}
		}
	});
}
