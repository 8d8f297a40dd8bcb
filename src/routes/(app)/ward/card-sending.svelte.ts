/**
 * The tick or untick last made on one item card, followed in the outbox until the server has
 * answered it: what the card says comes from here (sending-status.ts words it).
 */
import { live } from '$lib/client/live.svelte';
import { outbox } from '$lib/client/outbox.svelte';
import type { Lang } from '$lib/i18n';
import type { CommandResult } from '$lib/types';
import { sendingStatus, type SendingView } from './sending-status';
import type { WardItem } from './ward-checklist.svelte';

/** A command the card put in the outbox, and the server's answer to come. */
export interface Queued {
	kind: 'tick' | 'untick';
	commandId: string;
	/** the upload ids of its photos */
	photoIds: string[];
	answer: Promise<CommandResult>;
}

type Followed = Omit<Queued, 'answer'> & { result: CommandResult | null };

export class CardSending {
	#followed = $state<Followed | null>(null);

	/** Follows a newly queued command (null: nothing new, what was said goes). */
	follow(queued: Queued | null): void {
		if (!queued) return;
		const { answer, ...rest } = queued;
		this.#followed = { ...rest, result: null };
		void answer.then((result) => {
			// a later command on this card took its place: its own answer is what counts
			if (this.#followed?.commandId === queued.commandId) this.#followed = { ...this.#followed, result };
		});
	}

	/** What the card says about it now, in `lang`, or null when it made none. */
	view(item: WardItem, lang: Lang): SendingView | null {
		const followed = this.#followed;
		if (!followed) return null;
		const upload = outbox.uploading;
		const mine = (id: string) => followed.photoIds.includes(id);
		return sendingStatus(
			{ kind: followed.kind, photos: followed.photoIds.length, result: followed.result },
			{
				connected: live.connected,
				upload: upload && mine(upload.id) ? upload : null,
				refusedPhotos: item.redo.filter((photo) => mine(photo.id)).length,
				awaitingReview: item.photos.filter((photo) => photo.status === 'pending').length
			},
			lang
		);
	}
}
