/**
 * Reading a route from a GeoJSON file (drawn in geojson.io, QGIS, exported from a GPS track):
 * a Feature or FeatureCollection with a LineString (the first one is the route), or a bare
 * LineString geometry; Point features with a `name` (and optional `plannedAt`) are the
 * checkpoints. Anything else is refused with a Vietnamese message, and nothing is changed.
 */
import type { Checkpoint } from './route-draft.svelte';
import { inputToIso, msToIso } from '$lib/time/input';

type LngLat = [number, number];
type Imported = { coordinates: LngLat[]; checkpoints: Checkpoint[]; summary: string };
export type ImportResult = ({ ok: true } & Imported) | { ok: false; message: string };

class ImportError extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
const idPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const withoutOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function position(value: unknown, where: string): LngLat {
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
		throw new ImportError(`${where}: toạ độ không hợp lệ, cần [kinh độ, vĩ độ].`);
	}
	return [round6(value[0]), round6(value[1])];
}

function line(geometry: Record<string, unknown>): LngLat[] {
	const coordinates = geometry.coordinates;
	if (!Array.isArray(coordinates)) throw new ImportError('Đường (LineString) trong tệp không có toạ độ.');
	const points = coordinates.map((c, i) => position(c, `Điểm thứ ${i + 1} của đường`));
	if (points.length < 2) throw new ImportError('Đường (LineString) trong tệp cần ít nhất 2 điểm.');
	return points;
}

/** plannedAt as written in the file → ISO with +07:00; a time without offset is Vietnam time */
function plannedAt(value: unknown, name: string): string {
	if (value === undefined || value === null || value === '') return '';
	const text = typeof value === 'string' ? value.trim() : '';
	if (withOffset.test(text) && Number.isFinite(Date.parse(text))) return msToIso(Date.parse(text));
	if (withoutOffset.test(text)) return inputToIso(text) ?? '';
	throw new ImportError(
		`Giờ dự kiến (plannedAt) của điểm "${name}" không hợp lệ: cần dạng 2024-10-03T06:30:00+07:00.`
	);
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
	if (!name) throw new ImportError(`Điểm (Point) thứ ${n} trong tệp không có thuộc tính "name" (tên điểm).`);
	if (name.length > 200) throw new ImportError(`Tên điểm thứ ${n} dài quá 200 ký tự.`);
	const given = typeof props.id === 'string' ? props.id : typeof feature.id === 'string' ? feature.id : '';
	const id = idPattern.test(given) && !ids.includes(given) ? given : newId(ids);
	ids.push(id);
	return {
		id,
		name,
		position: position(geometry.coordinates, `Điểm "${name}"`),
		plannedAt: plannedAt(props.plannedAt, name)
	};
}

function read(doc: unknown, newId: (taken: string[]) => string): Imported {
	if (!isObject(doc) || typeof doc.type !== 'string') {
		throw new ImportError('Tệp không phải GeoJSON: cần một Feature, FeatureCollection hoặc LineString.');
	}
	if (doc.type === 'LineString') {
		const coordinates = line(doc);
		return {
			coordinates,
			checkpoints: [],
			summary: `Đã nhập đường ${coordinates.length} điểm, giữ nguyên các điểm kiểm soát đang có.`
		};
	}
	let features: unknown[];
	if (doc.type === 'FeatureCollection') {
		if (!Array.isArray(doc.features))
			throw new ImportError('FeatureCollection trong tệp không có "features".');
		features = doc.features;
	} else if (doc.type === 'Feature') {
		features = [doc];
	} else {
		throw new ImportError(`Tệp có hình ${doc.type}: chỉ nhận Feature, FeatureCollection hoặc LineString.`);
	}

	let coordinates: LngLat[] | null = null;
	let extraLines = 0;
	const checkpoints: Checkpoint[] = [];
	const ids: string[] = [];
	for (const [i, feature] of features.entries()) {
		const geometry = isObject(feature) ? feature.geometry : undefined;
		if (!isObject(feature) || !isObject(geometry)) {
			throw new ImportError(`Feature thứ ${i + 1} trong tệp không có hình (geometry).`);
		}
		if (geometry.type === 'LineString') {
			if (coordinates) extraLines++;
			else coordinates = line(geometry);
		} else if (geometry.type === 'Point') {
			checkpoints.push(checkpoint(feature, geometry, checkpoints.length + 1, ids, newId));
		} else {
			throw new ImportError(
				`Feature thứ ${i + 1} có hình ${String(geometry.type)}: chỉ nhận LineString (lộ trình) và Point (điểm kiểm soát).`
			);
		}
	}
	if (!coordinates) throw new ImportError('Tệp không có đường (LineString) nào để làm lộ trình.');
	const parts = [`Đã nhập đường ${coordinates.length} điểm`];
	parts.push(
		checkpoints.length
			? `${checkpoints.length} điểm kiểm soát`
			: 'tệp không có điểm kiểm soát nên giữ nguyên các điểm đang có'
	);
	if (extraLines) parts.push(`bỏ qua ${extraLines} đường khác (chỉ lấy đường đầu tiên)`);
	return { coordinates, checkpoints, summary: `${parts.join(', ')}.` };
}

/** `newId(taken)` makes a checkpoint id for points without a usable one. */
export function parseRouteFile(text: string, newId: (taken: string[]) => string): ImportResult {
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return { ok: false, message: 'Tệp không phải JSON hợp lệ nên không đọc được.' };
	}
	try {
		return { ok: true, ...read(doc, newId) };
	} catch (error) {
		if (error instanceof ImportError) return { ok: false, message: error.message };
		throw error;
	}
}
