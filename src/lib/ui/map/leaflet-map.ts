/**
 * What both maps start with: Leaflet loaded in the browser only, one canvas renderer for
 * every vector layer, no attribution until a tile layer is added (everything else we draw).
 */
import type { Canvas, Map as LeafletMap, MapOptions } from 'leaflet';

export type LeafletModule = typeof import('leaflet');

export interface CanvasMap {
	L: LeafletModule;
	map: LeafletMap;
	renderer: Canvas;
}

export async function createCanvasMap(container: HTMLElement, options: MapOptions = {}): Promise<CanvasMap> {
	const L = await import('leaflet');
	const renderer = L.canvas({ padding: 0.2, tolerance: 4 });
	const map = L.map(container, {
		preferCanvas: true,
		renderer,
		// Hà Nội until the routes arrive; without a tile layer Leaflet has no max zoom of its own
		center: [21.0285, 105.8542],
		zoom: 12,
		minZoom: 3,
		maxZoom: 19,
		attributionControl: false,
		...options
	});
	return { L, map, renderer };
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
