import { describe, expect, it } from 'vitest';
import { sendingStatus, type OutboxNow, type Sending } from '../../src/routes/(app)/ward/sending-status';

const tick: Sending = { kind: 'tick', photos: 1, result: null };
const online: OutboxNow = { connected: true, upload: null, refusedPhotos: 0, awaitingReview: 0 };

describe('what an item card says about its tick', () => {
	it('follows the outbox: offline, then its photo uploading, then the tick on its way', () => {
		expect(sendingStatus(tick, { ...online, connected: false }, 'vi')).toMatchObject({ state: 'offline' });
		expect(sendingStatus(tick, { ...online, upload: { sent: 16_000, size: 33_000 } }, 'vi')).toEqual({
			state: 'uploading',
			text: 'Đã lưu, đang gửi ảnh: 48%…'
		});
		expect(sendingStatus(tick, online, 'vi')).toMatchObject({ state: 'sending' });
	});

	it('once the server took it, says so with its photos as the coordinator sees them, never "sending"', () => {
		const sent = sendingStatus(
			{ ...tick, result: { ok: true, seq: 9 } },
			{ ...online, awaitingReview: 1 },
			'vi'
		);
		expect(sent.state).toBe('sent');
		expect(sent.text).toBe('Đã gửi: Ban tổ chức đã nhận đánh dấu và 1 ảnh; ảnh đang chờ Ban tổ chức duyệt.');
		// the answer wins over whatever the connection does afterwards
		expect(
			sendingStatus({ ...tick, result: { ok: true, seq: 9 } }, { ...online, connected: false }, 'vi').state
		).toBe('sent');
	});

	it('counts a photo the server refused apart from those it took', () => {
		const text = sendingStatus(
			{ kind: 'tick', photos: 2, result: { ok: true, seq: 3 } },
			{ ...online, refusedPhotos: 1 },
			'vi'
		).text;
		expect(text).toBe('Đã gửi: Ban tổ chức đã nhận đánh dấu và 1 ảnh; 1 ảnh không được nhận, cần chụp lại.');
	});

	it('says a refusal and why', () => {
		const refused = sendingStatus(
			{ ...tick, result: { ok: false, code: 'not_found', message: 'Mục này không còn trong bảng việc.' } },
			online,
			'vi'
		);
		expect(refused).toEqual({
			state: 'refused',
			text: 'Máy chủ không nhận: Mục này không còn trong bảng việc.'
		});
	});

	it('speaks English to an English reader', () => {
		const sent = sendingStatus(
			{ ...tick, photos: 2, result: { ok: true, seq: 3 } },
			{ ...online, refusedPhotos: 1 },
			'en'
		);
		expect(sent.text).toBe(
			'Sent: the organizers have the tick and 1 photo; 1 photo was refused and must be taken again.'
		);
	});

	it('an untick is sent without photos', () => {
		const untick: Sending = { kind: 'untick', photos: 0, result: null };
		expect(sendingStatus(untick, online, 'vi').text).toBe('Đang gửi việc bỏ đánh dấu…');
		expect(sendingStatus({ ...untick, result: { ok: true, seq: 4 } }, online, 'vi').text).toBe(
			'Đã gửi: Ban tổ chức đã nhận việc bỏ đánh dấu.'
		);
	});
});
