/** How the fleet map draws a truck and names what it shows: pure, no Leaflet instance needed. */
import type { CircleMarkerOptions, TooltipOptions } from 'leaflet';
import { escapeHtml } from '$lib/escape';
import { translate, type Lang } from '$lib/i18n';
import { formatHour } from '$lib/time/format';
import { truckStatusColor, truckStatusKey, type TruckStatus } from '$lib/trucks/types';

export type TruckPoint = { id: string; label: string; status: TruckStatus; lat: number; lng: number };

export function checkpointText(name: string, plannedAt: number, lang: Lang): string {
	return escapeHtml(Number.isFinite(plannedAt) ? `${name} — ${formatHour(plannedAt, lang)}` : name);
}

/** `scale` grows the markers with the screen's type on a wall screen (1 elsewhere). */
export function truckStyle(
	scale: number,
	status: TruckStatus,
	selected: boolean,
	onDark: boolean
): CircleMarkerOptions {
	return {
		radius: (selected ? 12 : 8) * scale,
		color: selected ? (onDark ? '#fde047' : '#0f172a') : '#ffffff',
		weight: selected ? 4 : 2,
		opacity: 1,
		fillColor: truckStatusColor[status],
		fillOpacity: 1
	};
}

export function truckTooltip(t: TruckPoint, permanent: boolean, lang: Lang): string {
	return escapeHtml(permanent ? t.label : `${t.label} · ${translate(lang, truckStatusKey[t.status])}`);
}

export function tooltipOptions(permanent: boolean): TooltipOptions {
	return permanent
		? { permanent: true, direction: 'right', offset: [9, 0], className: 'km-truck-label' }
		: { direction: 'top', offset: [0, -8] };
}
