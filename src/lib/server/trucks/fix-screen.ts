/**
 * What a truck's fix is worth before it moves the truck: refused (from the future, a day old,
 * outside the plan's area), a jump no truck can make (stored flagged, not followed), or the
 * truck's next place. A run of jumps that agree with one another is believed after all: the
 * truck is where they say, and the place before them was the glitch (taken while nothing came
 * before it to judge it by: a phone's first fix at 0,0).
 */
import { translate, type Lang } from '$lib/i18n';
import type { Fix } from '$lib/trucks/types';
import { impossibleJump, inArea, type Area } from '$lib/trucks/geometry';
import { planMarginKm } from './plan-area';
import type { StoredPosition } from './store';

/** agreeing jumps in a row after which they are believed */
const reanchorAfter = 5;
/** a phone keeps fixes while offline; a day is more than the Week's morning */
const oldestMs = 24 * 3600_000;
/** a phone's clock a little ahead is no reason to refuse its fixes */
const aheadMs = 120_000;

/** A fix kept as a jump, as it was sent and as it is stored (its flag cleared if it is believed). */
interface Suspect {
	fix: Fix;
	stored: StoredPosition;
}

const placed = (fix: Fix) => ({ lngLat: [fix.lng, fix.lat] as [number, number], at: fix.at });

export class FixScreen {
	#area: Area | null = null;
	/** per truck: the latest fixes that jumped, agreeing with one another */
	#suspects = new Map<string, Suspect[]>();
	/** jumps believed after all, whose flag is still to be cleared on disk */
	#believed: StoredPosition[] = [];

	/** A new plan: its area (null when it places nothing: every fix is taken), no runs of jumps. */
	reset(area: Area | null): void {
		this.#area = area;
		this.#suspects.clear();
	}

	/** Why the fix is not stored at all (in `lang`), or null. */
	refusal(fix: Fix, dayNow: number, lang: Lang): string | null {
		if (fix.at > dayNow + aheadMs) return translate(lang, 'trucks.positions.future');
		if (fix.at < dayNow - oldestMs)
			return translate(lang, 'trucks.positions.tooOld', { hours: oldestMs / 3600_000 });
		if (this.#area && !inArea(this.#area, [fix.lng, fix.lat]))
			return translate(lang, 'trucks.positions.outside', { km: planMarginKm });
		return null;
	}

	/** Whether no truck could have gone from its last fix to this one. */
	jumps(last: Fix | null, fix: Fix): boolean {
		return !!last && fix.at > last.at && impossibleJump(placed(last), placed(fix));
	}

	/**
	 * Adds a jump to the truck's run of agreeing ones; returns the run's fixes, oldest first,
	 * once it is long enough to believe (their flags cleared), or nothing.
	 */
	suspect(truckId: string, suspect: Suspect): Fix[] {
		const run = this.#suspects.get(truckId) ?? [];
		const previous = run.at(-1);
		const agrees = previous && !impossibleJump(placed(previous.fix), placed(suspect.fix));
		const next = agrees ? [...run, suspect] : [suspect];
		if (next.length < reanchorAfter) {
			this.#suspects.set(truckId, next);
			return [];
		}
		this.#suspects.delete(truckId);
		for (const { stored } of next) stored.flag = null;
		this.#believed.push(...next.map((s) => s.stored));
		return next.map((s) => s.fix);
	}

	/** A fix that did not jump ends the truck's run of jumps. */
	followed(truckId: string): void {
		this.#suspects.delete(truckId);
	}

	/** The believed jumps to clear on disk; given back with `untake` when the write fails. */
	takeBelieved(): StoredPosition[] {
		const believed = this.#believed;
		this.#believed = [];
		return believed;
	}

	untake(believed: StoredPosition[]): void {
		this.#believed = believed.concat(this.#believed);
	}
}
