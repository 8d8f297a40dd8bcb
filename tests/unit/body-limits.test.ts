/** The body limits table: ordinary forms get little, the few routes that take files get theirs. */
import { describe, expect, it } from 'vitest';
import { translate } from '../../src/lib/i18n';
import { bodyLimitOf, largestBodyBytes } from '../../src/lib/server/http/body-limits';

const kb = 1024;
const mb = 1024 * kb;

describe('body limits by route', () => {
	it('gives the login and ordinary form actions 64 KB', () => {
		expect(bodyLimitOf('POST', '/login').bytes).toBe(64 * kb);
		expect(bodyLimitOf('POST', '/ops/checklists?/save').bytes).toBe(64 * kb);
		expect(bodyLimitOf('POST', '/admin/scenario?/other').bytes).toBe(64 * kb);
	});

	it('gives a file form its file and a little more, only for its own action and method', () => {
		const scenario = bodyLimitOf('POST', '/admin/scenario?/import');
		expect(scenario.bytes).toBeGreaterThan(5 * mb);
		expect(scenario.bytes).toBeLessThan(6 * mb);
		expect(translate('vi', scenario.message)).toMatch(/5 MB/);
		expect(bodyLimitOf('POST', '/ops/ceremony?/importInvitees').bytes).toBe(scenario.bytes);
		expect(bodyLimitOf('PUT', '/admin/scenario?/import').bytes).toBe(64 * kb);
		expect(bodyLimitOf('POST', '/reports?unit=phuong-tan-kieng&/submit').bytes).toBe(2 * mb);
	});

	it('gives a photo chunk 2 MB, and reads the path as SvelteKit does', () => {
		expect(bodyLimitOf('PUT', `/photos/uploads/${crypto.randomUUID()}?unit=x`).bytes).toBe(2 * mb);
		// not the photo route to SvelteKit either: '//evil' is part of the path, not a host
		expect(bodyLimitOf('PUT', '//evil/photos/uploads/x').bytes).toBe(64 * kb);
	});

	it('lets SvelteKit itself take no more than the largest route', () => {
		expect(largestBodyBytes).toBe(bodyLimitOf('POST', '/admin/scenario?/import').bytes);
	});
});
