/**
 * What a truck's alert says. The server stores the facts it found (how far off the route, how
 * late at which checkpoint, the crew's note) and each screen words them in its reader's
 * language; the Vietnamese message is stored too, for the log and for alerts raised before
 * there were facts (those are shown as they were written). No zod here: the wall display reads
 * this module and is kept small.
 */
import { translate, type Lang } from '$lib/i18n';
import { formatDateTime, formatDuration } from '$lib/time/format';

/** what the server found (checked by the alert command's schema, in ./commands.ts) */
export type AlertFacts =
	| { kind: 'stale' }
	| { kind: 'off_route'; metres: number }
	| { kind: 'late'; checkpoint: string; lateMs: number; plannedAt: number }
	| { kind: 'incident'; note: string };

/** past two days late, the plan's own time says more than "51 giờ" */
const longLateMs = 48 * 3_600_000;

export function alertText(truck: string, facts: AlertFacts, lang: Lang): string {
	switch (facts.kind) {
		case 'stale':
			return translate(lang, 'trucks.alert.stale', { truck });
		case 'off_route':
			return translate(lang, 'trucks.alert.offRoute', { truck, metres: Math.round(facts.metres) });
		case 'late':
			return facts.lateMs < longLateMs
				? translate(lang, 'trucks.alert.late', {
						truck,
						late: formatDuration(facts.lateMs, lang),
						checkpoint: facts.checkpoint
					})
				: translate(lang, 'trucks.alert.notYet', {
						truck,
						planned: formatDateTime(facts.plannedAt, lang),
						checkpoint: facts.checkpoint
					});
		case 'incident':
			return translate(lang, 'trucks.alert.incident', { truck, note: facts.note });
	}
}

/** An alert in `lang`: from its facts, or its stored words when it has none. */
export function alertWords(
	alert: { truckName: string; message: string; facts?: AlertFacts | null },
	lang: Lang
): string {
	return alert.facts ? alertText(alert.truckName, alert.facts, lang) : alert.message;
}
