/** What a checkpoint added on the map starts with: a fresh id, the next free name, 15 minutes after the last. */
import { msToIso } from '$lib/time/input';

type Named = { id: string; name: string; plannedAt: string };

export function newCheckpointId(checkpoints: Named[]): string {
	const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
	for (;;) {
		const bytes = crypto.getRandomValues(new Uint8Array(6));
		const id = `cp-${Array.from(bytes, (b) => chars[b % chars.length]).join('')}`;
		if (!checkpoints.some((cp) => cp.id === id)) return id;
	}
}

export function newCheckpointName(checkpoints: Named[]): string {
	let n = checkpoints.length + 1;
	while (checkpoints.some((cp) => cp.name === `Điểm kiểm soát ${n}`)) n++;
	return `Điểm kiểm soát ${n}`;
}

export function nextPlannedAt(checkpoints: Named[]): string {
	const last = checkpoints.at(-1);
	const ms = last ? Date.parse(last.plannedAt) : NaN;
	return Number.isFinite(ms) ? msToIso(ms + 15 * 60_000) : '';
}
