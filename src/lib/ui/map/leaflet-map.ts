/**
 * What every map starts with: Leaflet loaded in the browser only, one canvas renderer for every
 * vector layer, no attribution until a tile layer is added (everything else we draw), and a first
 * view on the plan's own area.
 */
import type { Canvas, Map as LeafletMap, MapOptions } from 'leaflet';
import type { Area } from '$lib/trucks/geometry';

export type LeafletModule = typeof import('leaflet');

export interface CanvasMap {
	L: LeafletModule;
	map: LeafletMap;
	renderer: Canvas;
}

/** the whole country, from Hà Giang to Cà Mau: the view of a plan that places nothing yet */
const vietnam: Area = { west: 102.1, south: 8.4, east: 109.5, north: 23.4 };

export async function createCanvasMap(
	container: HTMLElement,
	area: Area | null,
	options: MapOptions = {}
): Promise<CanvasMap> {
	const L = await import('leaflet');
	const renderer = L.canvas({ padding: 0.2, tolerance: 4 });
	const map = L.map(container, {
		preferCanvas: true,
		renderer,
		// without a tile layer Leaflet has no max zoom of its own
		minZoom: 3,
		maxZoom: 19,
		// a quarter step: the plan's area fills the map (whole steps left up to half of it empty)
		zoomSnap: 0.25,
		attributionControl: false,
		...options
	});
	// the view as the map shows it, west,south,east,north: for a person's inspector, and for the
	// tests (no tiles load here: the view is how they see where a map opened)
	map.on('moveend', () => (container.dataset.view = map.getBounds().toBBoxString()));
	const first = area ?? vietnam;
	showArea({ L, map }, first);
	// a container not laid out yet has no size to fit to: fit again once it has one
	if (!container.clientWidth || !container.clientHeight)
		map.once('resize', () => showArea({ L, map }, first));
	return { L, map, renderer };
}

/** Frames an area (a plan's places, one route, a ward's items), close in when it is one spot. */
export function showArea({ L, map }: Pick<CanvasMap, 'L' | 'map'>, area: Area, maxZoom = 16): void {
	const bounds = L.latLngBounds([area.south, area.west], [area.north, area.east]);
	map.fitBounds(bounds, { padding: [24, 24], maxZoom, animate: false });
}

/** Adds the tile backdrop and its credit; returns what removes both. */
export function showTiles({ L, map }: CanvasMap, tileUrl: string, attribution: string): () => void {
	const credit = L.control.attribution({ prefix: false }).addTo(map);
	const tiles = L.tileLayer(tileUrl, { attribution, maxZoom: 19 }).addTo(map);
	return () => {
		tiles.remove();
		credit.remove();
	};
}

/** GeoJSON order [lng, lat] → Leaflet order [lat, lng] */
export const toLatLng = ([lng, lat]: [number, number]): [number, number] => [lat, lng];
