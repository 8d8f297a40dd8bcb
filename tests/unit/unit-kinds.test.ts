/**
 * Units are named from their kinds, never by a level's word written into a page: a city's plan
 * counts its districts ("24 quận"), a ward's its schools and tổ dân phố, and a count of units of
 * different sorts says "đơn vị". The kinds, their groups and their words (src/lib/units/kinds.ts),
 * the signed-in person's label (src/lib/units/role-label.ts), and a catalogue that names no level.
 */
import { describe, expect, it } from 'vitest';
import { areas } from '../../src/lib/i18n';
import { english } from '../../src/lib/i18n/en';
import { unitKinds, unitSchema, type UnitKind } from '../../src/lib/scenario/schema';
import {
	countUnits,
	kindGroups,
	kindName,
	shortName,
	unitsByGroup,
	unitsNoun
} from '../../src/lib/units/kinds';
import { roleLabel } from '../../src/lib/units/role-label';

const many = (n: number, ...kinds: UnitKind[]) =>
	Array.from({ length: n }, (_, i) => kinds[i % kinds.length]);

describe('the kinds of unit', () => {
	it('keep the kinds older files and databases have, beside the new ones', () => {
		for (const kind of ['city', 'district', 'ward', 'school', 'learning_center', 'agency', 'organization'])
			expect(unitSchema.safeParse({ id: 'u', name: 'U', kind, parentId: null }).success).toBe(true);
		for (const kind of [
			'province',
			'commune',
			'special_zone',
			'preschool',
			'primary_school',
			'lower_secondary_school',
			'upper_secondary_school',
			'residential_group'
		])
			expect(unitKinds).toContain(kind);
	});

	it('each belong to one group at most, and the groups name only kinds', () => {
		const grouped: string[] = Object.values(kindGroups).flat();
		expect(new Set(grouped).size).toBe(grouped.length);
		for (const kind of grouped) expect(unitKinds).toContain(kind);
	});
});

describe('a count of units', () => {
	it('says the kind when all are of one kind', () => {
		expect(countUnits('vi', 24, many(24, 'district'))).toBe('24 quận');
		expect(countUnits('vi', 11, many(11, 'ward'))).toBe('11 phường');
		expect(countUnits('vi', 6, many(6, 'residential_group'))).toBe('6 tổ dân phố');
		expect(countUnits('vi', 2, many(2, 'lower_secondary_school'))).toBe('2 trường THCS');
		expect(countUnits('en', 24, many(24, 'district'))).toBe('24 districts');
		expect(countUnits('en', 1, ['ward'])).toBe('1 ward');
		expect(countUnits('en', 2, many(2, 'agency'))).toBe('2 agencies');
	});

	it('says the group when the kinds are of one level or sort', () => {
		expect(countUnits('vi', 5, many(5, 'ward', 'commune'))).toBe('5 phường, xã');
		expect(countUnits('vi', 3, ['preschool', 'primary_school', 'lower_secondary_school'])).toBe('3 trường');
		expect(countUnits('en', 3, ['preschool', 'primary_school', 'school'])).toBe('3 schools');
		expect(countUnits('en', 5, many(5, 'ward', 'commune'))).toBe('5 wards and communes');
	});

	it('says "đơn vị" when the kinds are mixed, or unknown', () => {
		expect(countUnits('vi', 11, many(11, 'primary_school', 'residential_group', 'agency'))).toBe('11 đơn vị');
		expect(countUnits('en', 11, many(11, 'primary_school', 'residential_group'))).toBe('11 units');
		expect(countUnits('en', 1, [])).toBe('1 unit');
		expect(unitsNoun('vi', [])).toBe('đơn vị');
	});
});

describe('the name of a kind', () => {
	it('starts with a capital, as a heading or a label', () => {
		expect(kindName('vi', 'ward')).toBe('Phường');
		expect(kindName('vi', 'lower_secondary_school')).toBe('Trường THCS');
		expect(kindName('vi', 'school')).toBe('Trường');
		expect(kindName('vi', 'special_zone')).toBe('Đặc khu');
		expect(kindName('en', 'residential_group')).toBe('Residential group');
		expect(kindName('en', 'city')).toBe('City');
	});
});

describe("a unit's short name (a narrow row on the wall)", () => {
	it("drops its own kind's word before a place name, not before a number or from other kinds", () => {
		expect(shortName({ name: 'Phường Tân Kiểng', kind: 'ward' })).toBe('Tân Kiểng');
		expect(shortName({ name: 'Quận Thủ Đức', kind: 'district' })).toBe('Thủ Đức');
		expect(shortName({ name: 'Xã Hòa Bình', kind: 'commune' })).toBe('Hòa Bình');
		expect(shortName({ name: 'Phường 5', kind: 'ward' })).toBe('Phường 5');
		expect(shortName({ name: 'UBND Quận 1', kind: 'district' })).toBe('UBND Quận 1');
		expect(shortName({ name: 'Phường Tân Kiểng', kind: 'school' })).toBe('Phường Tân Kiểng');
		expect(shortName({ name: 'Trường THCS Biên Giang', kind: 'lower_secondary_school' })).toBe(
			'Trường THCS Biên Giang'
		);
	});
});

describe("a notice's recipients, in groups of their kinds", () => {
	const unit = (id: string, kind: UnitKind) => ({ id, kind });

	it('the areas below the organizer first, its own group last', () => {
		const city = [
			unit('so', 'city'),
			unit('phong', 'agency'),
			unit('hoi', 'organization'),
			unit('quan-1', 'district'),
			unit('thu-duc', 'district'),
			unit('thcs', 'lower_secondary_school')
		];
		expect(unitsByGroup(city, 'so').map((group) => group.map((u) => u.id))).toEqual([
			['quan-1', 'thu-duc'],
			['thcs'],
			['phong', 'hoi'],
			['so']
		]);
		const ward = [
			unit('phuong', 'ward'),
			unit('th', 'primary_school'),
			unit('mn', 'preschool'),
			unit('tdp-1', 'residential_group'),
			unit('tthtcd', 'learning_center')
		];
		expect(unitsByGroup(ward, 'phuong').map((group) => group.map((u) => u.id))).toEqual([
			['tdp-1'],
			['th', 'mn'],
			['tthtcd'],
			['phuong']
		]);
	});
});

describe('who a signed-in person is', () => {
	const gdtx = { name: 'Phòng Giáo dục thường xuyên (Sở GD&ĐT)', kind: 'agency' as const };

	it("names a coordinator by their own unit, or else the plan's organizer", () => {
		expect(roleLabel('vi', 'coordinator', gdtx, 'Sở Giáo dục và Đào tạo')).toBe(
			'Điều phối · Phòng Giáo dục thường xuyên (Sở GD&ĐT)'
		);
		expect(roleLabel('vi', 'coordinator', null, 'UBND phường Biên Giang')).toBe(
			'Điều phối · UBND phường Biên Giang'
		);
		expect(roleLabel('en', 'coordinator', null, 'UBND Quận 7')).toBe('Coordinator · UBND Quận 7');
		expect(roleLabel('vi', 'coordinator', null, null)).toBe('Điều phối');
	});

	it("names a unit's staff by the kind of their unit", () => {
		expect(roleLabel('vi', 'ward_staff', { name: 'UBND Quận 1', kind: 'district' }, null)).toBe(
			'Cán bộ quận'
		);
		expect(roleLabel('vi', 'ward_staff', { name: 'Phường Tân Hưng', kind: 'ward' }, null)).toBe(
			'Cán bộ phường'
		);
		expect(
			roleLabel('vi', 'unit_staff', { name: 'Trường THCS Tân Kiểng', kind: 'lower_secondary_school' }, null)
		).toBe('Cán bộ trường THCS');
		expect(roleLabel('en', 'ward_staff', { name: 'UBND Quận 1', kind: 'district' }, null)).toBe(
			'District staff'
		);
	});

	it('without a unit, by a name that fits every level', () => {
		expect(roleLabel('vi', 'ward_staff', null, null)).not.toMatch(/phường|quận/i);
		expect(roleLabel('vi', 'leader', null, 'UBND Quận 7')).toBe('Lãnh đạo');
	});
});

describe('the catalogue', () => {
	// a level's word (phường, quận, TTVH-TT…) is the data's, said through the units area
	// (and so is the coordinator's office: "Trung tâm" was the district's culture-sports center)
	const levelWords = {
		vi: [/(?<!\p{L})(phường|quận|huyện|xã(?! hội)|TTVH|VH-TT)(?!\p{L})/iu, /(?<!\p{L})Trung tâm(?!\p{L})/u],
		en: [/\b(wards?|districts?|communes?|TTVH|culture and sports)\b/i, /\bthe center\b/i]
	};

	it('names no level outside the words for the kinds', () => {
		const found: string[] = [];
		for (const [lang, catalogue] of [
			['vi', areas],
			['en', english]
		] as const)
			for (const [area, words] of Object.entries(catalogue)) {
				if (area === 'units') continue;
				for (const [key, text] of Object.entries(words as Record<string, string>))
					if (levelWords[lang].some((words) => words.test(text))) found.push(`${lang} ${key}: ${text}`);
			}
		expect(found).toEqual([]);
	});
});
