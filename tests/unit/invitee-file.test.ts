import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fold, searchInvitees } from '../../src/lib/ceremony/search';
import { readInviteeFile } from '../../src/lib/server/ceremony/invitee-file';
import { hidingAnEntry, lyingAboutSizes, xlsxOf } from '../helpers/spreadsheets';

const groups = [
	{ id: 'lanh-dao-ubnd', name: 'Lãnh đạo UBND quận', expected: 5 },
	{ id: 'bao-chi', name: 'Báo chí', expected: 20 }
];

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('an invitee list file', () => {
	it('reads a CSV with Vietnamese headers in any order, groups by name or id, blank lines skipped', async () => {
		const list = await readInviteeFile(
			'ds.csv',
			csv(
				'\uFEFFThành phần,Họ và tên,Chức vụ,Đơn vị,SĐT\nBáo chí,Trần Thị Bình,Phóng viên,Báo Tuổi Trẻ,0901234567\n\nlanh-dao-ubnd,"Nguyễn Văn A",Chủ tịch,UBND Quận 7,\n'
			),
			groups,
			'vi'
		);
		expect(list.problems).toEqual([]);
		expect(list.rows).toEqual([
			{
				name: 'Trần Thị Bình',
				title: 'Phóng viên',
				unit: 'Báo Tuổi Trẻ',
				groupId: 'bao-chi',
				phone: '0901234567'
			},
			{ name: 'Nguyễn Văn A', title: 'Chủ tịch', unit: 'UBND Quận 7', groupId: 'lanh-dao-ubnd', phone: null }
		]);
	});

	it('reports every bad row with its row number, column and reason', async () => {
		const list = await readInviteeFile(
			'ds.csv',
			csv(
				'Họ tên,Thành phần,Điện thoại\nNguyễn Văn A,Khách lạ,\n,Báo chí,\nLê C,Báo chí,abc\nPhạm D,Báo chí,\n'
			),
			groups,
			'vi'
		);
		expect(list.problems).toEqual([
			{ row: 2, column: 'Thành phần', message: expect.stringContaining('Không có thành phần “Khách lạ”') },
			{ row: 3, column: 'Họ tên', message: 'Thiếu họ tên' },
			{ row: 4, column: 'Điện thoại', message: expect.stringContaining('Số điện thoại') }
		]);
		expect(list.rows.map((r) => r.name)).toEqual(['Phạm D']);
	});

	it('says which header is missing, and refuses what is not text or a spreadsheet', async () => {
		const noGroup = await readInviteeFile('ds.csv', csv('Họ tên,Đơn vị\nA,B\n'), groups, 'vi');
		expect(noGroup.problems[0]).toMatchObject({ row: 1, column: 'Thành phần' });
		const binary = await readInviteeFile(
			'ds.csv',
			Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
			groups,
			'vi'
		);
		expect(binary.problems[0].message).toMatch(/UTF-8/);
		const broken = await readInviteeFile('ds.xlsx', Buffer.from('PK\u0003\u0004 not a zip'), groups, 'vi');
		expect(broken.problems[0].message).toMatch(/Không đọc được|hỏng/);
	});

	it('reads an .xlsx made by a spreadsheet program', async () => {
		const book = new ExcelJS.Workbook();
		const sheet = book.addWorksheet('Khách mời');
		sheet.addRow(['STT', 'Họ tên', 'Chức vụ', 'Đơn vị', 'Thành phần', 'Điện thoại']);
		sheet.addRow([1, 'Võ Thị Hoa', 'Phó Chủ tịch', 'UBND Quận 7', 'Lãnh đạo UBND quận', '0281234567']);
		const bytes = Buffer.from(await book.xlsx.writeBuffer());
		const list = await readInviteeFile('ds.xlsx', bytes, groups, 'vi');
		expect(list.problems).toEqual([]);
		expect(list.rows).toEqual([
			{
				name: 'Võ Thị Hoa',
				title: 'Phó Chủ tịch',
				unit: 'UBND Quận 7',
				groupId: 'lanh-dao-ubnd',
				phone: '0281234567'
			}
		]);
	});

	it('stops reading at 5,000 invitees: a longer list is refused whole, saying so', async () => {
		const invitee = (i: number) => [`Khách ${i}`, 'Báo chí'];
		const header = ['Họ tên', 'Thành phần'];
		const atLimit = await readInviteeFile(
			'ds.xlsx',
			await xlsxOf([header, ...Array.from({ length: 5000 }, (_, i) => invitee(i))]),
			groups,
			'vi'
		);
		expect(atLimit.problems).toEqual([]);
		expect(atLimit.rows).toHaveLength(5000);
		for (const [name, bytes] of [
			['ds.xlsx', await xlsxOf([header, ...Array.from({ length: 5001 }, (_, i) => invitee(i))])],
			[
				'ds.csv',
				csv(['Họ tên,Thành phần', ...Array.from({ length: 5001 }, (_, i) => invitee(i).join(','))].join('\n'))
			]
		] as const) {
			const list = await readInviteeFile(name, bytes, groups, 'vi');
			expect(list.rows).toEqual([]);
			expect(list.problems).toEqual([
				{
					row: 1,
					column: '',
					message: expect.stringMatching(/hơn 5\.000 dòng khách mời.*Chưa nạp người nào/)
				}
			]);
		}
	});

	describe('a zip bomb', () => {
		let bomb: Buffer;
		beforeAll(async () => {
			// 21 MB of sheet text (its shared strings) that zips to a few KB
			bomb = await xlsxOf([
				['Họ tên', 'Thành phần'],
				['x'.repeat(21 * 1024 * 1024), 'Báo chí']
			]);
		});

		it('is refused by its unzipped size, declared or real, before reading a row', async () => {
			expect(bomb.length).toBeLessThan(100_000);
			for (const bytes of [bomb, lyingAboutSizes(bomb, 1000)]) {
				const list = await readInviteeFile('ds.xlsx', bytes, groups, 'vi');
				expect(list.rows).toEqual([]);
				expect(list.problems).toEqual([
					{ row: 1, column: '', message: expect.stringMatching(/quá lớn khi giải nén.*Chưa nạp người nào/) }
				]);
			}
		});

		it('is refused when its directory hides the large entry behind another listed twice', async () => {
			// the directory adds up to the file, but the reader, walking the file, would inflate the 21 MB
			const list = await readInviteeFile(
				'ds.xlsx',
				hidingAnEntry(bomb, 'xl/sharedStrings.xml'),
				groups,
				'vi'
			);
			expect(list.rows).toEqual([]);
			expect(list.problems).toEqual([
				{ row: 1, column: '', message: 'Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.' }
			]);
		});
	});
});

describe('searching invitees at the gate', () => {
	const people = [
		{ name: 'Nguyễn Văn A', title: 'Chủ tịch', unit: 'UBND Quận 7' },
		{ name: 'Đặng Thị Đào', title: null, unit: 'Trường THCS Nguyễn Hữu Thọ' },
		{ name: 'Nguyễn Văn Anh', title: null, unit: null }
	];

	it('ignores diacritics and case, and takes word starts in any order', () => {
		expect(fold('Đặng Thị Đào')).toBe('dang thi dao');
		expect(searchInvitees(people, 'nguyen van a').map((p) => p.name)).toEqual([
			'Nguyễn Văn A',
			'Nguyễn Văn Anh'
		]);
		expect(searchInvitees(people, 'DAO dang').map((p) => p.name)).toEqual(['Đặng Thị Đào']);
		// a match in the unit ranks after matches in the name
		expect(searchInvitees(people, 'nguyen').map((p) => p.name)).toEqual([
			'Nguyễn Văn A',
			'Nguyễn Văn Anh',
			'Đặng Thị Đào'
		]);
		expect(searchInvitees(people, '   ')).toEqual([]);
	});
});
