/** What a checkpoint added on the map starts with: a fresh id, the next free name, 15 minutes after the last. */
import { translate, type Lang } from '$lib/i18n';
import { msToIso } from '$lib/time/input';

/** a new checkpoint is planned this long after the one before it */
export const plannedGapMinutes = 15;

type Named = { id: string; name: string; plannedAt: string };

export function newCheckpointId(checkpoints: Named[]): string {
	const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
	for (;;) {
		const bytes = crypto.getRandomValues(new Uint8Array(6));
		const id = `cp-${Array.from(bytes, (b) => chars[b % chars.length]).join('')}`;
		if (!checkpoints.some((cp) => cp.id === id)) return id;
	}
}

/** "Điểm kiểm soát 3": the name a new checkpoint starts with, in the coordinator's language */
export function newCheckpointName(checkpoints: Named[], lang: Lang): string {
	const name = (n: number) => translate(lang, 'trucks.editor.newCheckpoint', { n });
	let n = checkpoints.length + 1;
	while (checkpoints.some((cp) => cp.name === name(n))) n++;
	return name(n);
}

export function nextPlannedAt(checkpoints: Named[]): string {
	const last = checkpoints.at(-1);
	const ms = last ? Date.parse(last.plannedAt) : NaN;
	return Number.isFinite(ms) ? msToIso(ms + plannedGapMinutes * 60_000) : '';
}
