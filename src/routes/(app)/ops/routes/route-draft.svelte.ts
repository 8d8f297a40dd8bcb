/**
 * The route being edited, held in the page until "Lưu lộ trình": the map editor hands every
 * edit back here, the save form sends `json`. Whether it is saved is read by comparing it with
 * the server's copy of the route, so a successful save (which reloads the page data) clears
 * "Chưa lưu" by itself.
 */
import { say, type Lang, type Said, translate } from '$lib/i18n';
import type { Scenario } from '$lib/scenario/schema';

export type Route = Scenario['routes'][number];
export type Checkpoint = Route['checkpoints'][number];
type LngLat = [number, number];

const idChars = 'abcdefghijklmnopqrstuvwxyz0123456789';
let serial = 0;

function randomId(prefix: string, taken: (id: string) => boolean): string {
	for (;;) {
		const bytes = crypto.getRandomValues(new Uint8Array(6));
		const id = `${prefix}${Array.from(bytes, (b) => idChars[b % idChars.length]).join('')}`;
		if (!taken(id)) return id;
	}
}

/** The route as it is stored: names trimmed, fixed key order, nothing extra. */
function canonical(route: Route): Route {
	return {
		id: route.id,
		name: route.name.trim(),
		line: {
			type: 'LineString',
			coordinates: route.line.coordinates.map(([lng, lat]): LngLat => [lng, lat])
		},
		checkpoints: (route.checkpoints ?? []).map((c) => ({
			id: c.id,
			name: c.name.trim(),
			position: [c.position[0], c.position[1]],
			plannedAt: c.plannedAt
		}))
	};
}

export class RouteDraft {
	readonly id: string;
	name = $state('');
	coordinates = $state.raw<LngLat[]>([]);
	checkpoints = $state.raw<Checkpoint[]>([]);
	/** changes when the map must be drawn (and framed) anew: another draft, an imported file */
	mapKey = $state('');
	/** what the save form sends */
	readonly json = $derived(JSON.stringify(this.toRoute()));

	constructor(route: Route) {
		this.id = route.id;
		this.name = route.name;
		this.coordinates = route.line.coordinates.map(([lng, lat]): LngLat => [lng, lat]);
		this.checkpoints = (route.checkpoints ?? []).map((c) => ({ ...c }));
		this.mapKey = `${++serial}`;
	}

	/** "Lộ trình mới": a fresh id (r- and 6 characters) and a name not used yet, in the coordinator's language */
	static blank(existing: readonly Route[], lang: Lang): RouteDraft {
		const id = randomId('r-', (candidate) => existing.some((r) => r.id === candidate));
		let name = translate(lang, 'trucks.draft.newName');
		for (let n = 2; existing.some((r) => r.name.trim() === name); n++)
			name = translate(lang, 'trucks.draft.newNameN', { n });
		return new RouteDraft({ id, name, line: { type: 'LineString', coordinates: [] }, checkpoints: [] });
	}

	get empty(): boolean {
		return this.coordinates.length === 0 && this.checkpoints.length === 0;
	}

	/** what the server would refuse, said before saving (the server still checks) */
	get issues(): Said[] {
		const issues: Said[] = [];
		if (this.name.trim() === '') issues.push(say('trucks.draft.noName'));
		if (this.coordinates.length < 2) issues.push(say('trucks.draft.tooShort', { min: 2 }));
		for (const [i, c] of this.checkpoints.entries()) {
			const name = c.name.trim();
			if (!name) issues.push(say('trucks.draft.checkpointNoName', { n: i + 1 }));
			if (!c.plannedAt)
				issues.push(
					name
						? say('trucks.draft.checkpointNoTime', { name })
						: say('trucks.draft.checkpointNoTimeN', { n: i + 1 })
				);
		}
		return issues;
	}

	/** the map editor's whole new state after one edit */
	update(next: { coordinates: LngLat[]; checkpoints: Checkpoint[] }): void {
		this.coordinates = next.coordinates;
		this.checkpoints = next.checkpoints;
	}

	/** A file's line replaces the drawn one; its checkpoints replace ours when it has any. */
	replace(imported: { coordinates: LngLat[]; checkpoints: Checkpoint[] }): void {
		this.coordinates = imported.coordinates;
		if (imported.checkpoints.length > 0) this.checkpoints = imported.checkpoints;
		this.mapKey = `${++serial}`;
	}

	/** a checkpoint id not used on this route */
	newCheckpointId(taken: readonly string[] = []): string {
		return randomId('cp-', (id) => taken.includes(id) || this.checkpoints.some((c) => c.id === id));
	}

	toRoute(): Route {
		return canonical({
			id: this.id,
			name: this.name,
			line: { type: 'LineString', coordinates: this.coordinates },
			checkpoints: this.checkpoints
		});
	}

	/** true when the draft is not what the server has (always, for a route never saved) */
	differsFrom(saved: Route | undefined): boolean {
		return !saved || JSON.stringify(canonical(saved)) !== this.json;
	}
}
