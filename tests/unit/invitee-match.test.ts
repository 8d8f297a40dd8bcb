/** Who on a list imported again is already invited: name, unit and group, in one Unicode form. */
import { describe, expect, it } from 'vitest';
import { inviteeKey, matchInvitees } from '../../src/lib/ceremony/invitee-match';
import { inviteeInput } from '../../src/lib/ceremony/commands';

const person = (name: string, unit: string | null = 'UBND Quận 7', groupId = 'bao-chi') => ({
	name,
	unit,
	groupId
});

describe('matching a listed person to an invitee', () => {
	it('reads the name and unit whatever their Unicode form, case and spacing', () => {
		const key = inviteeKey(person('Nguyễn Thị Ánh Tuyết'));
		expect(inviteeKey(person('Nguyễn Thị Ánh Tuyết'.normalize('NFD')))).toBe(key);
		expect(inviteeKey(person('  nguyễn  thị ánh TUYẾT ', 'ubnd quận 7'))).toBe(key);
		// a different accent is a different person
		expect(inviteeKey(person('Nguyên Thị Ánh Tuyết'))).not.toBe(key);
		expect(inviteeKey(person('Nguyễn Thị Ánh Tuyết', 'UBND Quận 8'))).not.toBe(key);
		expect(inviteeKey(person('Nguyễn Thị Ánh Tuyết', 'UBND Quận 7', 'hoc-sinh'))).not.toBe(key);
	});

	it('matches each invitee once, in list order: two rows alike are two people', () => {
		const a1 = { ...person('Nguyễn Văn An', null, 'hoc-sinh'), id: 'a1' };
		const a2 = { ...person('Nguyễn Văn An', null, 'hoc-sinh'), id: 'a2' };
		const rows = [
			person('Nguyễn Văn An', null, 'hoc-sinh'),
			person('Lê Hà'),
			person('Nguyễn Văn An', null, 'hoc-sinh')
		];
		expect(matchInvitees([a1, a2], rows).map((m) => m?.id ?? null)).toEqual(['a1', null, 'a2']);
		expect(matchInvitees([a1], [...rows, rows[0]]).map((m) => m?.id ?? null)).toEqual([
			'a1',
			null,
			null,
			null
		]);
	});

	it('stores what is typed in the composed form (NFC)', () => {
		const nfd = {
			name: 'Trần Thị Ổi'.normalize('NFD'),
			unit: 'Trường THCS Tân Kiểng'.normalize('NFD'),
			groupId: 'giao-vien'
		};
		const parsed = inviteeInput.parse(nfd);
		expect(parsed.name).toBe('Trần Thị Ổi'.normalize('NFC'));
		expect(parsed.unit).toBe('Trường THCS Tân Kiểng'.normalize('NFC'));
		expect(parsed.title).toBeNull();
	});
});
