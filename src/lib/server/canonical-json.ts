/**
 * One JSON text for one value, whoever wrote it: object keys sorted (by UTF-16 code units, as
 * JavaScript compares strings), no spaces, properties that are `undefined` left out, every other
 * value as JSON.stringify writes it. What a hash is taken over: a command retried (the same
 * command hashes the same), a report package (the same table hashes the same, however its file
 * was indented or its keys ordered).
 */

/** Nothing this reads nests deeper than this; a deeper value is refused before anything recurses into it. */
const maxDepth = 32;

export class TooDeep extends Error {}

/** @throws TooDeep past 32 levels of arrays and objects */
export function canonicalJson(value: unknown, depth = 0): string {
	if (depth > maxDepth) throw new TooDeep();
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, depth + 1)).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : 1));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v, depth + 1)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
