/**
 * Reading a route from a GeoJSON file (drawn in geojson.io, QGIS, exported from a GPS track):
 * a Feature or FeatureCollection with a LineString (the first one is the route), or a bare
 * LineString geometry; Point features with a `name` (and optional `plannedAt`) are the
 * checkpoints. Anything else is refused with a message in the reader's language, and nothing is
 * changed.
 */
import type { Checkpoint } from './route-draft.svelte';
import { translate, type Lang, type MessageKey, type MessageParams } from '$lib/i18n';
import { inputToIso, msToIso } from '$lib/time/input';

type LngLat = [number, number];
type Imported = { coordinates: LngLat[]; checkpoints: Checkpoint[]; summary: string };
export type ImportResult = ({ ok: true } & Imported) | { ok: false; message: string };

/** A refusal: its words, said in the reader's language where it is caught. */
class ImportError extends Error {
	constructor(
		readonly key: MessageKey,
		readonly params?: MessageParams
	) {
		super(key);
	}
}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const idPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const withoutOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/** `bad`: the refusal when the value is not a position */
function position(value: unknown, bad: () => ImportError): LngLat {
	if (
		!Array.isArray(value) ||
		value.length < 2 ||
		typeof value[0] !== 'number' ||
		typeof value[1] !== 'number' ||
		!Number.isFinite(value[0]) ||
		!Number.isFinite(value[1]) ||
		Math.abs(value[0]) > 180 ||
		Math.abs(value[1]) > 90
	) {
		throw bad();
	}
	return [round6(value[0]), round6(value[1])];
}

function line(geometry: Record<string, unknown>): LngLat[] {
	const coordinates = geometry.coordinates;
	if (!Array.isArray(coordinates)) throw new ImportError('trucks.geojson.lineNoCoordinates');
	const points = coordinates.map((c, i) =>
		position(c, () => new ImportError('trucks.geojson.lineBadPosition', { n: i + 1 }))
	);
	if (points.length < 2) throw new ImportError('trucks.geojson.lineTooShort', { min: 2 });
	return points;
}

/** plannedAt as written in the file → ISO with +07:00; a time without offset is Vietnam time */
function plannedAt(value: unknown, name: string): string {
	if (value === undefined || value === null || value === '') return '';
	const text = typeof value === 'string' ? value.trim() : '';
	if (withOffset.test(text) && Number.isFinite(Date.parse(text))) return msToIso(Date.parse(text));
	if (withoutOffset.test(text)) return inputToIso(text) ?? '';
	throw new ImportError('trucks.geojson.badPlannedAt', { name, example: '2024-10-03T06:30:00+07:00' });
}

function checkpoint(
	feature: Record<string, unknown>,
	geometry: Record<string, unknown>,
	n: number,
	ids: string[],
	newId: (taken: string[]) => string
): Checkpoint {
	const props = isObject(feature.properties) ? feature.properties : {};
	const name = typeof props.name === 'string' ? props.name.trim() : '';
	if (!name) throw new ImportError('trucks.geojson.pointNoName', { n });
	if (name.length > 200) throw new ImportError('trucks.geojson.pointNameTooLong', { n, max: 200 });
	const given = typeof props.id === 'string' ? props.id : typeof feature.id === 'string' ? feature.id : '';
	const id = idPattern.test(given) && !ids.includes(given) ? given : newId(ids);
	ids.push(id);
	return {
		id,
		name,
		position: position(
			geometry.coordinates,
			() => new ImportError('trucks.geojson.pointBadPosition', { name })
		),
		plannedAt: plannedAt(props.plannedAt, name)
	};
}

function read(doc: unknown, newId: (taken: string[]) => string, lang: Lang): Imported {
	const say = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
	if (!isObject(doc) || typeof doc.type !== 'string') throw new ImportError('trucks.geojson.notGeojson');
	if (doc.type === 'LineString') {
		const coordinates = line(doc);
		return {
			coordinates,
			checkpoints: [],
			summary: `${say('trucks.geojson.line', { n: coordinates.length })}, ${say('trucks.geojson.keepAll')}.`
		};
	}
	let features: unknown[];
	if (doc.type === 'FeatureCollection') {
		if (!Array.isArray(doc.features)) throw new ImportError('trucks.geojson.noFeatures');
		features = doc.features;
	} else if (doc.type === 'Feature') {
		features = [doc];
	} else {
		throw new ImportError('trucks.geojson.wrongType', { type: doc.type });
	}

	let coordinates: LngLat[] | null = null;
	let extraLines = 0;
	const checkpoints: Checkpoint[] = [];
	const ids: string[] = [];
	for (const [i, feature] of features.entries()) {
		const geometry = isObject(feature) ? feature.geometry : undefined;
		if (!isObject(feature) || !isObject(geometry)) {
			throw new ImportError('trucks.geojson.noGeometry', { n: i + 1 });
		}
		if (geometry.type === 'LineString') {
			if (coordinates) extraLines++;
			else coordinates = line(geometry);
		} else if (geometry.type === 'Point') {
			checkpoints.push(checkpoint(feature, geometry, checkpoints.length + 1, ids, newId));
		} else {
			throw new ImportError('trucks.geojson.wrongGeometry', { n: i + 1, type: String(geometry.type) });
		}
	}
	if (!coordinates) throw new ImportError('trucks.geojson.noLine');
	const parts = [say('trucks.geojson.line', { n: coordinates.length })];
	parts.push(
		checkpoints.length
			? say('trucks.geojson.checkpoints', { n: checkpoints.length })
			: say('trucks.geojson.keepCheckpoints')
	);
	if (extraLines) parts.push(say('trucks.geojson.extraLines', { n: extraLines }));
	return { coordinates, checkpoints, summary: `${parts.join(', ')}.` };
}

/** `newId(taken)` makes a checkpoint id for points without a usable one; the words are in `lang`. */
export function parseRouteFile(text: string, newId: (taken: string[]) => string, lang: Lang): ImportResult {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return { ok: false, message: translate(lang, 'trucks.geojson.notJson') };
	}
	try {
		return { ok: true, ...read(doc, newId, lang) };
	} catch (error) {
		if (error instanceof ImportError) return { ok: false, message: translate(lang, error.key, error.params) };
		throw error;
	}
}
