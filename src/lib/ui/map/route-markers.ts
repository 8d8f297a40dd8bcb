/**
 * The route editor's markers: a draggable marker per vertex of the line and per checkpoint,
 * kept in place and updated from the editor's props after every edit. What a marker's click,
 * drag or right-click means is the editor's business: it is told through `RouteMarkerActions`.
 * Browser only: it is handed the loaded Leaflet module.
 */
import type { LatLng, Map as LeafletMap, Marker, Polyline } from 'leaflet';
import { escapeHtml } from '$lib/escape';
import { translate, type Lang } from '$lib/i18n';
import { formatHour } from '$lib/time/format';
import { toLatLng, type LeafletModule } from './leaflet-map';

export type LngLat = [number, number];
export type EditableCheckpoint = { id: string; name: string; position: LngLat; plannedAt: string };
export type Selection = { kind: 'vertex'; index: number } | { kind: 'checkpoint'; id: string } | null;

export interface RouteMarkerActions {
	select(selection: Selection): void;
	moveVertex(index: number, to: LngLat): void;
	deleteVertex(index: number): void;
	moveCheckpoint(id: string, to: LngLat): void;
	deleteCheckpoint(id: string): void;
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
/** a map position as stored: [lng, lat], wrapped to ±180°, to a tenth of a metre or so */
export function toLngLat(latlng: LatLng): LngLat {
	const w = latlng.wrap();
	return [round6(w.lng), round6(w.lat)];
}

function checkpointText(cp: EditableCheckpoint, lang: Lang): string {
	const ms = Date.parse(cp.plannedAt);
	const time = Number.isFinite(ms) ? formatHour(ms, lang) : translate(lang, 'trucks.editor.noTime');
	return escapeHtml(`${cp.name} — ${time}`);
}

interface CheckpointMarker {
	marker: Marker;
	number: number;
	text: string;
	seen: number;
}

export class RouteMarkers {
	/** markers[i] always shows coordinates[i] */
	readonly #vertices: Marker[] = [];
	readonly #checkpoints = new Map<string, CheckpointMarker>();
	#pass = 0;
	/** the line as last synced: a dragged vertex redraws it live around the others */
	#coordinates: LngLat[] = [];
	private readonly L: LeafletModule;
	private readonly map: LeafletMap;
	private readonly line: Polyline;
	private readonly actions: RouteMarkerActions;

	constructor(L: LeafletModule, map: LeafletMap, line: Polyline, actions: RouteMarkerActions) {
		this.L = L;
		this.map = map;
		this.line = line;
		this.actions = actions;
	}

	syncVertices(coordinates: LngLat[], selected: Selection, lang: Lang): void {
		this.#coordinates = coordinates;
		this.line.setLatLngs(coordinates.map(toLatLng));
		while (this.#vertices.length > coordinates.length) this.#vertices.pop()?.remove().off();
		coordinates.forEach((c, i) => {
			let marker = this.#vertices[i];
			if (!marker) {
				marker = this.#vertexMarker(i, c);
				this.#vertices.push(marker);
			} else {
				const at = marker.getLatLng();
				if (at.lat !== c[1] || at.lng !== c[0]) marker.setLatLng(toLatLng(c));
			}
			const el = marker.getElement();
			if (el) {
				el.title = translate(lang, 'trucks.editor.vertex', { n: i + 1 });
				el.classList.toggle('is-first', i === 0);
				el.classList.toggle('is-last', i > 0 && i === coordinates.length - 1);
				el.classList.toggle('is-selected', selected?.kind === 'vertex' && selected.index === i);
			}
		});
	}

	syncCheckpoints(list: EditableCheckpoint[], selected: Selection, lang: Lang): void {
		const pass = ++this.#pass;
		list.forEach((cp, i) => {
			const n = i + 1;
			let entry = this.#checkpoints.get(cp.id);
			if (!entry) {
				const text = checkpointText(cp, lang);
				entry = { marker: this.#checkpointMarker(cp, n, text), number: n, text, seen: pass };
				this.#checkpoints.set(cp.id, entry);
			} else {
				const at = entry.marker.getLatLng();
				if (at.lat !== cp.position[1] || at.lng !== cp.position[0])
					entry.marker.setLatLng(toLatLng(cp.position));
				if (entry.number !== n) {
					entry.marker.setIcon(this.#checkpointIcon(n));
					entry.number = n;
				}
				const text = checkpointText(cp, lang);
				if (entry.text !== text) {
					entry.marker.setTooltipContent(text);
					entry.text = text;
				}
				entry.seen = pass;
			}
			const el = entry.marker.getElement();
			if (el) {
				el.title = translate(lang, 'trucks.editor.checkpointTitle', { n, name: cp.name });
				el.classList.toggle('is-selected', selected?.kind === 'checkpoint' && selected.id === cp.id);
			}
		});
		for (const [id, entry] of this.#checkpoints) {
			if (entry.seen !== pass) {
				entry.marker.remove().off();
				this.#checkpoints.delete(id);
			}
		}
	}

	clear(): void {
		this.#vertices.length = 0;
		this.#checkpoints.clear();
	}

	#vertexMarker(index: number, at: LngLat): Marker {
		const { L, actions } = this;
		const select = () => actions.select({ kind: 'vertex', index });
		const marker = L.marker(toLatLng(at), {
			icon: L.divIcon({ className: 'km-vertex', iconSize: [22, 22] }),
			draggable: true,
			keyboard: true,
			autoPan: true
		});
		marker
			.on('click', select)
			.on('dragstart', select)
			// Leaflet makes keyboard markers focusable but gives Enter no meaning: let it select
			.on('keypress', (e) => {
				if (e.originalEvent.key === 'Enter') select();
			})
			.on('drag', () => {
				const moved = marker.getLatLng();
				this.line.setLatLngs(this.#coordinates.map((c, i) => (i === index ? moved : toLatLng(c))));
			})
			.on('dragend', () => actions.moveVertex(index, toLngLat(marker.getLatLng())))
			.on('contextmenu', (e) => {
				e.originalEvent.preventDefault();
				actions.deleteVertex(index);
			});
		return marker.addTo(this.map);
	}

	#checkpointIcon(n: number) {
		return this.L.divIcon({ className: 'km-checkpoint', html: `<span>${n}</span>`, iconSize: [26, 26] });
	}

	#checkpointMarker(cp: EditableCheckpoint, n: number, text: string): Marker {
		const { actions } = this;
		const id = cp.id;
		const select = () => actions.select({ kind: 'checkpoint', id });
		const marker = this.L.marker(toLatLng(cp.position), {
			icon: this.#checkpointIcon(n),
			draggable: true,
			keyboard: true,
			autoPan: true,
			zIndexOffset: 1000
		});
		marker
			.bindTooltip(text, { direction: 'top', offset: [0, -13] })
			.on('click', select)
			.on('dragstart', select)
			.on('keypress', (e) => {
				if (e.originalEvent.key === 'Enter') select();
			})
			.on('dragend', () => actions.moveCheckpoint(id, toLngLat(marker.getLatLng())))
			.on('contextmenu', (e) => {
				e.originalEvent.preventDefault();
				actions.deleteCheckpoint(id);
			});
		return marker.addTo(this.map);
	}
}
