/**
 * What an item card says about the tick or untick made on it from this tablet: read from the
 * outbox each time (waiting, uploading its photo, sent, refused), never a sentence written once
 * at the press and left there after the outbox has moved on.
 */
import { translate, type Lang } from '$lib/i18n';
import type { CommandResult } from '$lib/types';

export type SendingState = 'offline' | 'uploading' | 'sending' | 'sent' | 'refused';

export interface SendingView {
	state: SendingState;
	text: string;
}

export interface Sending {
	kind: 'tick' | 'untick';
	/** photos sent with the tick (none for an untick) */
	photos: number;
	/** the server's answer, once it came */
	result: CommandResult | null;
}

export interface OutboxNow {
	connected: boolean;
	/** one of its photos is being uploaded now: bytes sent of its size */
	upload: { sent: number; size: number } | null;
	/** of its photos, those the server refused (to be taken again) */
	refusedPhotos: number;
	/** the item's photos the coordinator has not reviewed yet, as the server says */
	awaitingReview: number;
}

export function sendingStatus(sending: Sending, now: OutboxNow, lang: Lang): SendingView {
	const { result } = sending;
	if (result && !result.ok)
		return {
			state: 'refused',
			text: translate(lang, 'checklists.sending.refused', { message: result.message })
		};
	if (result?.ok) return { state: 'sent', text: sentText(sending, now, lang) };
	// no answer yet: where the outbox stands with it
	if (!now.connected) return { state: 'offline', text: translate(lang, 'checklists.sending.offline') };
	if (now.upload) {
		const percent = Math.floor((100 * now.upload.sent) / Math.max(1, now.upload.size));
		return { state: 'uploading', text: translate(lang, 'checklists.sending.uploading', { percent }) };
	}
	return {
		state: 'sending',
		text: translate(lang, sending.kind === 'tick' ? 'checklists.sending.tick' : 'checklists.sending.untick')
	};
}

function sentText(sending: Sending, now: OutboxNow, lang: Lang): string {
	if (sending.kind === 'untick') return translate(lang, 'checklists.sending.untickSent');
	const count = sending.photos - now.refusedPhotos;
	const parts = [translate(lang, 'checklists.sending.tickSent', { count })];
	if (now.awaitingReview > 0) parts.push(translate(lang, 'checklists.sending.awaitingReview'));
	if (now.refusedPhotos > 0)
		parts.push(translate(lang, 'checklists.sending.photosRefused', { count: now.refusedPhotos }));
	return `${parts.join('; ')}.`;
}
