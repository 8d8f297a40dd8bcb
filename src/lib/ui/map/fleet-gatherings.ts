/**
 * The fleet map's gathering points (điểm tập kết): a marker of their own (an amber diamond, not a
 * truck's dot nor a checkpoint's), the radius within which a truck has gathered, and one label
 * with the count, "Tập kết 18/24". The trucks standing inside a point's radius give up their own
 * names to that label: twenty-four names at one place are one unreadable block (FleetMap hides
 * them). Browser only: it is handed the loaded Leaflet module.
 */
import type { Canvas, Circle, Map as LeafletMap, Marker } from 'leaflet';
import { escapeHtml } from '$lib/escape';
import type { GatheringPoint } from '$lib/trucks/gatherings';
import { translate, type Lang } from '$lib/i18n';
import { toLatLng, type LeafletModule } from './leaflet-map';

interface GatheringLayer {
	area: Circle;
	marker: Marker;
	point: GatheringPoint;
	text: string;
}

const amber = '#f59e0b';
const labelText = (g: GatheringPoint, lang: Lang) =>
	escapeHtml(translate(lang, 'trucks.gathering.mapLabel', { n: g.n, of: g.of }));

export class FleetGatherings {
	readonly #layers = new Map<string, GatheringLayer>();
	private readonly L: LeafletModule;
	private readonly map: LeafletMap;
	private readonly renderer: Canvas;
	/** the marker's size in px: grown with the screen's type on a wall */
	private readonly size: number;

	constructor(L: LeafletModule, map: LeafletMap, renderer: Canvas, scale = 1) {
		this.L = L;
		this.map = map;
		this.renderer = renderer;
		this.size = Math.round(18 * scale);
	}

	sync(points: readonly GatheringPoint[], lang: Lang): void {
		const L = this.L;
		const ids = new Set(points.map((p) => p.id));
		for (const [id, layer] of this.#layers) {
			if (ids.has(id)) continue;
			layer.area.remove();
			layer.marker.remove();
			this.#layers.delete(id);
		}
		for (const point of points) {
			const text = labelText(point, lang);
			const at = toLatLng(point.position);
			const layer = this.#layers.get(point.id);
			if (!layer) {
				const area = L.circle(at, {
					renderer: this.renderer,
					radius: point.radiusM,
					color: amber,
					weight: 2,
					dashArray: '6 4',
					fillColor: amber,
					fillOpacity: 0.12,
					interactive: false
				}).addTo(this.map);
				const marker = L.marker(at, {
					// the diamond is the inner span, turned: Leaflet places the icon itself with a transform
					icon: L.divIcon({
						className: 'km-gathering',
						html: '<span></span>',
						iconSize: [this.size, this.size]
					}),
					keyboard: false,
					title: point.title,
					zIndexOffset: 1000
				})
					.bindTooltip(text, {
						permanent: true,
						direction: 'left',
						offset: [-this.size / 2 - 2, 0],
						className: 'km-gathering-label'
					})
					.addTo(this.map);
				marker.getElement()?.setAttribute('data-testid', 'gathering-marker');
				this.#layers.set(point.id, { area, marker, point, text });
				continue;
			}
			if (layer.point.position !== point.position || layer.point.radiusM !== point.radiusM) {
				layer.area.setLatLng(at).setRadius(point.radiusM);
				layer.marker.setLatLng(at);
			}
			if (layer.text !== text) layer.marker.setTooltipContent(text);
			layer.point = point;
			layer.text = text;
		}
	}

	/** Whether a place lies within a gathering point's radius: a truck there has no label of its own. */
	holds(lat: number, lng: number): boolean {
		for (const { point } of this.#layers.values()) {
			if (this.map.distance([lat, lng], toLatLng(point.position)) <= point.radiusM) return true;
		}
		return false;
	}

	/** The count labels, which claim their room before any truck's name. */
	labels(): { id: string; element: HTMLElement }[] {
		return [...this.#layers].flatMap(([id, layer]) => {
			const element = layer.marker.getTooltip()?.getElement();
			return element ? [{ id: `gathering:${id}`, element }] : [];
		});
	}

	clear(): void {
		for (const layer of this.#layers.values()) {
			layer.area.remove();
			layer.marker.remove();
		}
		this.#layers.clear();
	}
}
