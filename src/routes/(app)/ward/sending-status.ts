/**
 * What an item card says about the tick or untick made on it from this tablet: read from the
 * outbox each time (waiting, uploading its photo, sent, refused), never a sentence written once
 * at the press and left there after the outbox has moved on.
 */
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

export function sendingStatus(sending: Sending, now: OutboxNow): SendingView {
	const { result } = sending;
	if (result && !result.ok) return { state: 'refused', text: `Máy chủ không nhận: ${result.message}` };
	if (result?.ok) return { state: 'sent', text: sentText(sending, now) };
	// no answer yet: where the outbox stands with it
	if (!now.connected)
		return { state: 'offline', text: 'Đã lưu trên máy, chưa gửi được. Máy sẽ tự gửi khi có mạng.' };
	if (now.upload) {
		const percent = Math.floor((100 * now.upload.sent) / Math.max(1, now.upload.size));
		return { state: 'uploading', text: `Đã lưu, đang gửi ảnh: ${percent}%…` };
	}
	return {
		state: 'sending',
		text: sending.kind === 'tick' ? 'Đã lưu, đang gửi tới Trung tâm…' : 'Đang gửi việc bỏ đánh dấu…'
	};
}

function sentText(sending: Sending, now: OutboxNow): string {
	if (sending.kind === 'untick') return 'Đã gửi: Trung tâm đã nhận việc bỏ đánh dấu.';
	const taken = sending.photos - now.refusedPhotos;
	const parts = [`Đã gửi: Trung tâm đã nhận đánh dấu và ${taken} ảnh`];
	if (now.awaitingReview > 0) parts.push('ảnh đang chờ Trung tâm duyệt');
	if (now.refusedPhotos > 0) parts.push(`${now.refusedPhotos} ảnh không được nhận, cần chụp lại`);
	return `${parts.join('; ')}.`;
}
