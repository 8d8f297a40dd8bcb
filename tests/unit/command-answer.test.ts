/**
 * What a device's outbox and a report's draft do with the server's answer
 * (src/lib/client/command-answer.ts): a command refused as "too fast" stays queued and goes
 * again when the server says, never dropped as refused.
 */
import { describe, expect, it } from 'vitest';
import { settles, throttledFor } from '../../src/lib/client/command-answer';
import type { CommandResult } from '../../src/lib/types';

const tooFast: CommandResult = {
	ok: false,
	code: 'rate_limited',
	message: 'Gửi quá nhanh, hãy thử lại sau 3 giây.',
	retryInMs: 2600
};

describe('an answer', () => {
	it('"too fast" keeps the command queued, to go again when the server says', () => {
		expect(settles(tooFast)).toBe(false);
		expect(throttledFor(tooFast)).toBe(2600);
	});

	it('no answer or a server failure keeps it too, to go again at the next chance', () => {
		expect(settles(null)).toBe(false);
		expect(settles({ ok: false, code: 'internal', message: 'Máy chủ gặp lỗi' })).toBe(false);
		expect(throttledFor(null)).toBeNull();
	});

	it('taken, or refused for a reason a resend cannot mend, settles it', () => {
		expect(settles({ ok: true, seq: 7 })).toBe(true);
		expect(settles({ ok: false, code: 'forbidden', message: 'Không có quyền' })).toBe(true);
		expect(settles({ ok: false, code: 'invalid', message: 'Sai', problems: [] })).toBe(true);
		expect(throttledFor({ ok: false, code: 'forbidden', message: 'Không có quyền' })).toBeNull();
	});

	it('"too fast" without a usable hint still waits a moment rather than spinning', () => {
		expect(throttledFor({ ok: false, code: 'rate_limited', message: 'Gửi quá nhanh' })).toBe(1000);
		expect(throttledFor({ ...tooFast, retryInMs: 0 })).toBe(250);
	});
});
