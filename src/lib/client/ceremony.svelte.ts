/**
 * The live picture of the ceremony: invitees, groups and check-ins, moved by check-in events;
 * a change of setup or list reloads the page data.
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

	constructor(groups: InvitedGroupView[], invitees: InviteeView[], checkins: CheckinView[]) {
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
		if (event.type === 'ceremony.changed') {
			void invalidateAll();
			return;
		}
		if (event.type !== 'ceremony.checked_in' && event.type !== 'ceremony.checkin_undone') return;
		const { checkin } = event.data;
		const index = this.checkins.findIndex((c) => c.id === checkin.id);
		if (index >= 0) this.checkins[index] = checkin;
		else this.checkins.push(checkin);
	}
}
