/**
 * What a gate does: check a person in, count a group, undo a mistake. Each goes into the outbox
 * first (a gate in a crowd loses its network), and the answer, when it comes, is told at once:
 * in, or already in (when and at which gate), or why not.
 */
import { live } from '$lib/client/live.svelte';
import { outbox } from '$lib/client/outbox.svelte';
import type { InviteeView } from '$lib/ceremony/types';
import type { CommandPayload, CommandType } from '$lib/commands';
import type { CommandResult } from '$lib/types';
import { t } from '$lib/ui/i18n';

export type Tone = 'ok' | 'waiting' | 'warn' | 'bad';

export interface Said {
	tone: Tone;
	text: string;
	/** the check-in this is about, for undo */
	checkinId?: string;
}

export class GateDesk {
	said = $state<Said | null>(null);
	#ticket = 0;
	readonly #ceremony: () => string;

	/** `ceremony`: the ceremony this gate stands at (its page's), named on every command */
	constructor(ceremony: () => string) {
		this.#ceremony = ceremony;
	}

	/** the ceremony named, so a command queued offline is judged at the gate it was made at */
	get #at() {
		const id = this.#ceremony();
		return id ? { ceremonyId: id } : {};
	}

	/** Invitee ids with a check-in queued on this device and not answered yet. */
	get waiting(): Set<string> {
		// a fresh set from the outbox's state each time, never mutated
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Set(
			outbox
				.queuedOf('gate.check_in')
				.map((c) => c.payload.inviteeId)
				.filter((id): id is string => !!id)
		);
	}

	checkIn(invitee: Pick<InviteeView, 'id' | 'name'> | { code: string; name: string }) {
		const payload =
			'id' in invitee
				? { ...this.#at, inviteeId: invitee.id, at: Math.round(live.dayNow) }
				: { ...this.#at, code: invitee.code, at: Math.round(live.dayNow) };
		return this.#send('gate.check_in', payload, t('ceremony.desk.checkedIn', { name: invitee.name }));
	}

	count(groupId: string, groupName: string, n: number) {
		return this.#send(
			'gate.count',
			{ ...this.#at, groupId, count: n, at: Math.round(live.dayNow) },
			`+${n} ${groupName}`
		);
	}

	undo(checkinId: string, label: string) {
		return this.#send('gate.undo', { ...this.#at, checkinId }, t('ceremony.desk.undone', { label }));
	}

	async #send<T extends CommandType>(type: T, payload: CommandPayload<T>, done: string): Promise<void> {
		const ticket = ++this.#ticket;
		let answer: Promise<CommandResult>;
		try {
			({ answer } = await outbox.queue(type, payload, [], { saysRefusal: true }));
		} catch {
			this.said = { tone: 'bad', text: t('ceremony.desk.notStored') };
			return;
		}
		this.said = {
			tone: 'waiting',
			text: t(live.connected ? 'ceremony.desk.sending' : 'ceremony.desk.queued')
		};
		const result = await answer;
		if (ticket !== this.#ticket) {
			// a newer action took the banner; a refusal of this one still deserves a word
			if (!result.ok) this.said = { tone: result.code === 'conflict' ? 'warn' : 'bad', text: result.message };
			return;
		}
		this.said = result.ok
			? { tone: 'ok', text: done }
			: { tone: result.code === 'conflict' ? 'warn' : 'bad', text: result.message };
	}
}
