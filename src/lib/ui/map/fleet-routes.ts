/**
 * The fleet map's routes: each route's line, its driven stretches, its start and its checkpoints,
 * kept as Leaflet layers and updated in place from the props (a new list every few seconds must
 * not rebuild what did not change). Browser only: it is handed the loaded Leaflet module.
 */
import type { Canvas, CircleMarker, Map as LeafletMap, Polyline } from 'leaflet';
import { escapeHtml } from '$lib/escape';
import { translate, type Lang } from '$lib/i18n';
import type { RouteView } from '$lib/trucks/types';
import { checkpointText } from './fleet-markers';
import { toLatLng, type LeafletModule } from './leaflet-map';

/** distinct from the truck status colours as far as a small palette allows */
const palette = ['#0284c7', '#db2777', '#ea580c', '#0d9488', '#4f46e5', '#a16207', '#be123c', '#0891b2'];
export const reachedGreen = '#16a34a';
const noParts: [number, number][][] = [];

interface CheckpointLayer {
	marker: CircleMarker;
	lng: number;
	lat: number;
	text: string;
	reached: boolean;
	seen: number;
}

interface RouteLayer {
	line: Polyline;
	covered: Polyline;
	start: CircleMarker | null;
	coordinates: [number, number][];
	coveredParts: [number, number][][];
	colour: string;
	name: string;
	/** the language of its tooltips */
	lang: Lang;
	checkpoints: Map<string, CheckpointLayer>;
	seen: number;
}

function sameLine(a: [number, number][], b: [number, number][]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
	}
	return true;
}

const routeTooltip = (name: string, lang: Lang) => escapeHtml(translate(lang, 'trucks.map.route', { name }));
const startTooltip = (name: string, lang: Lang) => escapeHtml(translate(lang, 'trucks.map.start', { name }));

export class FleetRoutes {
	readonly #layers = new Map<string, RouteLayer>();
	#pass = 0;
	#fitted = false;
	private readonly L: LeafletModule;
	private readonly map: LeafletMap;
	private readonly renderer: Canvas;
	/** drawn between the driven stretches and the starts (the selected truck's trail) */
	private readonly between: Polyline;

	/** @param framed the map opened on an area that holds the routes: they are not framed again */
	constructor(L: LeafletModule, map: LeafletMap, renderer: Canvas, between: Polyline, framed = false) {
		this.L = L;
		this.map = map;
		this.renderer = renderer;
		this.between = between;
		this.#fitted = framed;
	}

	/** whether the view has been fitted to the routes (then it is left to the user) */
	get fitted(): boolean {
		return this.#fitted;
	}

	sync(list: RouteView[], covered: Record<string, [number, number][][]> | undefined, lang: Lang): void {
		const pass = ++this.#pass;
		let added = false;
		list.forEach((route, i) => {
			const colour = palette[i % palette.length];
			const parts = covered?.[route.id] ?? noParts;
			let entry = this.#layers.get(route.id);
			if (!entry) {
				entry = this.#addRoute(route, colour, parts, pass, lang);
				added = true;
			} else this.#updateRoute(entry, route, colour, parts, lang);
			entry.coordinates = route.coordinates;
			entry.seen = pass;
			added = this.#syncStart(entry, route) || added;
			added = this.#syncCheckpoints(entry, route, pass) || added;
		});

		for (const [id, entry] of this.#layers) {
			if (entry.seen === pass) continue;
			entry.line.remove().off();
			entry.covered.remove().off();
			entry.start?.remove().off();
			for (const cp of entry.checkpoints.values()) cp.marker.remove().off();
			this.#layers.delete(id);
		}
		if (added) this.#restack();

		if (!this.#fitted) {
			const points = list.flatMap((r) => r.coordinates.map(toLatLng));
			if (points.length > 0) {
				this.map.fitBounds(this.L.latLngBounds(points), { padding: [24, 24], maxZoom: 17, animate: false });
				this.#fitted = true;
			}
		}
	}

	clear(): void {
		this.#layers.clear();
	}

	#addRoute(
		route: RouteView,
		colour: string,
		parts: [number, number][][],
		pass: number,
		lang: Lang
	): RouteLayer {
		const { L, map, renderer } = this;
		const line = L.polyline(route.coordinates.map(toLatLng), {
			renderer,
			color: colour,
			weight: 4,
			opacity: 0.9,
			lineJoin: 'round'
		})
			.bindTooltip(routeTooltip(route.name, lang), { sticky: true })
			.addTo(map);
		const coveredLine = L.polyline(
			parts.map((p) => p.map(toLatLng)),
			{ renderer, color: reachedGreen, weight: 7, opacity: 0.85, lineJoin: 'round', interactive: false }
		).addTo(map);
		const entry: RouteLayer = {
			line,
			covered: coveredLine,
			start: null,
			coordinates: route.coordinates,
			coveredParts: parts,
			colour,
			name: route.name,
			lang,
			checkpoints: new Map(),
			seen: pass
		};
		this.#layers.set(route.id, entry);
		return entry;
	}

	#updateRoute(
		entry: RouteLayer,
		route: RouteView,
		colour: string,
		parts: [number, number][][],
		lang: Lang
	): void {
		if (!sameLine(entry.coordinates, route.coordinates))
			entry.line.setLatLngs(route.coordinates.map(toLatLng));
		if (entry.colour !== colour) {
			entry.line.setStyle({ color: colour });
			entry.start?.setStyle({ fillColor: colour });
			entry.colour = colour;
		}
		if (entry.name !== route.name || entry.lang !== lang) {
			entry.line.setTooltipContent(routeTooltip(route.name, lang));
			entry.start?.setTooltipContent(startTooltip(route.name, lang));
			entry.name = route.name;
			entry.lang = lang;
		}
		if (entry.coveredParts !== parts) {
			entry.covered.setLatLngs(parts.map((p) => p.map(toLatLng)));
			entry.coveredParts = parts;
		}
	}

	/** @returns whether a layer was added */
	#syncStart(entry: RouteLayer, route: RouteView): boolean {
		const first = route.coordinates[0];
		if (first && !entry.start) {
			entry.start = this.L.circleMarker(toLatLng(first), {
				renderer: this.renderer,
				radius: 7,
				color: '#0f172a',
				weight: 3,
				fillColor: entry.colour,
				fillOpacity: 1
			})
				.bindTooltip(startTooltip(route.name, entry.lang), { direction: 'top', offset: [0, -7] })
				.addTo(this.map);
			return true;
		}
		if (first && entry.start) {
			const at = entry.start.getLatLng();
			if (at.lat !== first[1] || at.lng !== first[0]) entry.start.setLatLng(toLatLng(first));
		} else if (!first && entry.start) {
			entry.start.remove().off();
			entry.start = null;
		}
		return false;
	}

	/** @returns whether a layer was added */
	#syncCheckpoints(entry: RouteLayer, route: RouteView, pass: number): boolean {
		let added = false;
		for (const cp of route.checkpoints) {
			const text = checkpointText(cp.name, cp.plannedAt, entry.lang);
			const reached = cp.reachedAt != null;
			const fillColor = reached ? reachedGreen : '#ffffff';
			const [lng, lat] = cp.position;
			const layer = entry.checkpoints.get(cp.id);
			if (!layer) {
				const marker = this.L.circleMarker([lat, lng], {
					renderer: this.renderer,
					radius: 5,
					color: '#1e293b',
					weight: 2,
					fillColor,
					fillOpacity: 1
				})
					.bindTooltip(text, { direction: 'top', offset: [0, -5] })
					.addTo(this.map);
				entry.checkpoints.set(cp.id, { marker, lng, lat, text, reached, seen: pass });
				added = true;
				continue;
			}
			if (layer.lng !== lng || layer.lat !== lat) {
				layer.marker.setLatLng([lat, lng]);
				layer.lng = lng;
				layer.lat = lat;
			}
			if (layer.reached !== reached) {
				layer.marker.setStyle({ fillColor });
				layer.reached = reached;
			}
			if (layer.text !== text) {
				layer.marker.setTooltipContent(text);
				layer.text = text;
			}
			layer.seen = pass;
		}
		for (const [id, layer] of entry.checkpoints) {
			if (layer.seen !== pass) {
				layer.marker.remove().off();
				entry.checkpoints.delete(id);
			}
		}
		return added;
	}

	/** back to front: route lines, driven stretches, the trail, starts and checkpoints (trucks on top) */
	#restack(): void {
		const layers = [...this.#layers.values()];
		for (const r of layers) for (const cp of r.checkpoints.values()) cp.marker.bringToBack();
		for (const r of layers) r.start?.bringToBack();
		this.between.bringToBack();
		for (const r of layers) r.covered.bringToBack();
		for (const r of layers) r.line.bringToBack();
	}
}
