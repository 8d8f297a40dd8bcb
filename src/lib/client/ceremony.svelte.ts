/**
 * The live picture of one ceremony: invitees, groups and check-ins, moved by its check-in events;
 * a change of its setup or list reloads the page data. Another ceremony's check-ins (a level's
 * below, heard by the top's readers) only move `elsewhere`, its arrivals since the page loaded.
 */
import { invalidateAll } from '$app/navigation';
import {
	arrivalsByGroup,
	type CheckinView,
	type InvitedGroupView,
	type InviteeView
} from '$lib/ceremony/types';
import type { LiveEvent } from '$lib/types';

export class CeremonyState {
	groups = $state<InvitedGroupView[]>([]);
	invitees = $state<InviteeView[]>([]);
	checkins = $state<CheckinView[]>([]);

	/** arrivals at other ceremonies since the page loaded, by ceremony id (check-ins less undos) */
	elsewhere = $state<Record<string, number>>({});
	readonly #id: string | null;

	/** `id`: the ceremony shown (null: the reader's level holds none yet) */
	constructor(
		groups: InvitedGroupView[],
		invitees: InviteeView[],
		checkins: CheckinView[],
		id: string | null = null
	) {
		this.#id = id;
		this.groups = groups;
		this.invitees = invitees;
		this.checkins = checkins;
	}

	arrivals = $derived(arrivalsByGroup(this.checkins));
	total = $derived([...this.arrivals.values()].reduce((n, v) => n + v, 0));
	expected = $derived(this.groups.reduce((n, g) => n + g.expected, 0));
	/** the check-in that stands for each named invitee who is in (rebuilt on change, never mutated) */
	standing = $derived(
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		new Map(this.checkins.filter((c) => c.inviteeId && !c.undone).map((c) => [c.inviteeId!, c] as const))
	);

	apply(event: LiveEvent): void {
		// events logged before each level had its own ceremony name none: the top's, the one shown
		if (event.type === 'ceremony.changed') {
			// a level that holds none yet reloads on any: its own may be the one just set up
			if (!event.data.ceremonyId || !this.#id || event.data.ceremonyId === this.#id) void invalidateAll();
			return;
		}
		if (event.type !== 'ceremony.checked_in' && event.type !== 'ceremony.checkin_undone') return;
		const { checkin } = event.data;
		if (checkin.ceremonyId && checkin.ceremonyId !== this.#id) {
			const sign = event.type === 'ceremony.checked_in' ? 1 : -1;
			this.elsewhere[checkin.ceremonyId] = (this.elsewhere[checkin.ceremonyId] ?? 0) + sign * checkin.count;
			return;
		}
		const index = this.checkins.findIndex((c) => c.id === checkin.id);
		if (index >= 0) this.checkins[index] = checkin;
		else this.checkins.push(checkin);
	}
}
