/**
 * The report as the document a unit signs (.docx), read back as a word processor finds it: the
 * heading blocks of Nghị định 30/2020, sections I and II (a level's gathering its units'), the
 * table cell by cell against the roll-up and the .xlsx, the photos with their captions, and the
 * Vietnamese text composed (NFC) with every diacritic. On Quận 7 under a city, with real photos.
 */
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { cellsOf, formatNumber } from '../../../src/lib/reports/cells';
import { official } from '../../../src/lib/reports/official';
import { db } from '../../../src/lib/server/db';
import { documentFile } from '../../../src/lib/server/reports/document-file';
import { reportWorkbook } from '../../../src/lib/server/reports/export';
import {
	reportPicture,
	rolledUpSheet,
	sheetPhotos,
	unitSheet,
	type ReportSheet
} from '../../../src/lib/server/reports/picture';
import { ingestPhoto } from '../../../src/lib/server/photos/uploads';
import { cameraJpeg } from '../../helpers/photos';
import { readDocx, type Docx, type DocxCell } from '../../helpers/docx';
import { accepted, run } from '../support/command';
import { givenTheDemoScenario, nestedInACity, signedIn, vn, type Person } from '../support/given';

const tanKieng = 'phuong-tan-kieng';
/** Tân Kiểng's two banners at the crossroads: a photo of them is accepted by Quận 7 */
const banner = 'cl-tan-kieng-3';
const ownText = 'Ủy ban nhân dân Quận 7 ban hành kế hoạch, tổ chức lễ phát động tại Trung tâm Văn hóa.';
const wardText = 'Phường treo 2 băng rôn tại ngã ba.\nMở 3 lớp bồi dưỡng kỹ năng số cho người cao tuổi.';

let coordinator: Person;
let ward: Person;

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-07T15:00:00'), nestedInACity());
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
	ward = signedIn('ward_staff', { unitId: tanKieng });
});

async function photo(unitId: string, red: number): Promise<string> {
	const uploadId = crypto.randomUUID();
	const stored = await ingestPhoto(
		db(),
		{ uploadId, unitId, userId: null },
		await cameraJpeg(640, 480, red),
		false
	);
	expect(stored).toMatchObject({ ok: true });
	return uploadId;
}

async function theDay() {
	const reported = await photo(tanKieng, 90);
	await accepted(
		run(ward, 'report.submit', {
			unitId: tanKieng,
			figures: { 'lop-boi-duong': { count: 3 }, 'tong-nguoi': { people: 45 } },
			// typed on a Mac: decomposed, as some keyboards send it
			narrative: { 'trien-khai': wardText.normalize('NFD') },
			uploads: [reported]
		})
	);
	await accepted(
		run(coordinator, 'report.submit', {
			unitId: 'quan7',
			figures: { 'lop-boi-duong': { count: 2 } },
			narrative: { 'trien-khai': ownText, 'hoat-dong': 'Các hoạt động diễn ra đúng kế hoạch.' },
			uploads: []
		})
	);
	const spot = await photo(tanKieng, 160);
	await accepted(run(ward, 'checklist.tick', { itemId: banner, uploads: [spot], quantityDone: 2, note: '' }));
	const bannerPhoto = (await import('../../../src/lib/server/checklists/store')).itemView(db(), banner)!
		.photos[0].id;
	await accepted(
		run(coordinator, 'checklist.review_photo', { itemId: banner, photoId: bannerPhoto, verdict: 'accepted' })
	);
}

/** a level's sheet (null: the whole event's) and a unit's own, with their appendix's photos, as the export makes them */
function levelSheet(level: string | null, signed = false): ReportSheet {
	const picture = reportPicture(db(), level)!;
	return rolledUpSheet(picture, signed, sheetPhotos(db(), picture));
}
function ownSheet(unitId: string): ReportSheet {
	const picture = reportPicture(db())!;
	return unitSheet(picture, unitId, false, sheetPhotos(db(), picture))!;
}

/** the day, Quận 7 signs its table off, then Tân Kiểng sends 9 classes and `revision` as its section I */
async function signedThenRevised(revision: string) {
	await theDay();
	await accepted(run(coordinator, 'report.sign_off', { note: '' }));
	await accepted(
		run(ward, 'report.submit', {
			unitId: tanKieng,
			figures: { 'lop-boi-duong': { count: 9 } },
			narrative: { 'trien-khai': revision },
			uploads: []
		})
	);
}

const documentOf = async (sheet: ReportSheet) => readDocx(await documentFile(sheet, 'test'));
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();

/** the figures table: the one whose first cell is "STT" */
const figuresTable = (docx: Docx) => docx.tables.find((t) => t[0]?.[0]?.text === official.heads.stt)!;

describe("a level's document", () => {
	it('is laid out as an administrative document: A4, Times New Roman, heading blocks, numbered pages', async () => {
		await theDay();
		const sheet = levelSheet('quan7');
		const docx = await documentOf(sheet);

		// A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right (in twips)
		expect(docx.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
		expect(docx.xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
		expect(docx.styles).toContain('w:ascii="Times New Roman"');
		// the page number in the top margin, none on the first page
		expect(docx.xml).toContain('<w:titlePg/>');
		expect(docx.headers.length).toBe(2);

		const [issuer, nation] = docx.tables[0][0].map((c) => c.text.split('\n'));
		expect(issuer).toEqual([
			'THÀNH PHỐ',
			'UBND QUẬN 7',
			'',
			`${official.number}        ${official.numberSuffix}`
		]);
		expect(nation).toEqual([
			official.nation,
			official.motto,
			'',
			official.dateLine(sheet.template.form.place)
		]);
		const { form } = sheet.template;
		expect(docx.paragraphs).toContain(form.title);
		expect(docx.paragraphs).toContain(form.subtitle);

		const [to, signer] = docx.tables
			.at(-2)!
			.at(-1)!
			.map((c) => c.text.split('\n'));
		expect(to).toEqual([
			official.recipients.title,
			official.recipients.to('Thành phố'),
			official.recipients.archive
		]);
		expect(signer).toEqual([official.signer, official.signHint, '']);
	});

	it("gathers its units' sections beneath its own, composed (NFC), every diacritic kept", async () => {
		await theDay();
		const docx = await documentOf(levelSheet('quan7'));

		expect(docx.xml).toBe(docx.xml.normalize('NFC'));
		const [first, second] = reportPicture(db())!.template.form.sections;
		const at = (text: string) => docx.paragraphs.indexOf(text);
		expect(at(first.title)).toBeGreaterThan(0);
		expect(at(ownText)).toBe(at(first.title) + 1);
		// the ward's part, headed by its name, one paragraph per line as typed
		expect(at(`Phường Tân Kiểng: ${wardText.split('\n')[0]}`)).toBe(at(ownText) + 1);
		expect(at(wardText.split('\n')[1])).toBe(at(ownText) + 2);
		expect(at(second.title)).toBe(at(ownText) + 3);
		expect(at('Các hoạt động diễn ra đúng kế hoạch.')).toBe(at(second.title) + 1);
	});

	it('has the table as the template prints it, every cell the roll-up and the .xlsx give', async () => {
		await theDay();
		const sheet = levelSheet('quan7');
		const table = figuresTable(await documentOf(sheet));
		const { template } = sheet;

		// "Số lượng" over its two columns; the other headings merged down both header rows
		const cell = (c: DocxCell) => [c.text, c.span, c.vMerge];
		expect(table[0].map(cell)).toEqual([
			[official.heads.stt, 1, 'restart'],
			[official.heads.activity, 1, 'restart'],
			[official.heads.measure, 1, 'restart'],
			[official.heads.quantity, 2, null],
			[official.heads.note, 1, 'restart']
		]);
		expect(table[1].map(cell)).toEqual([
			['', 1, 'continue'],
			['', 1, 'continue'],
			['', 1, 'continue'],
			[template.quantityColumns[0], 1, null],
			[template.quantityColumns[1], 1, null],
			['', 1, 'continue']
		]);

		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await reportWorkbook(sheet)) as unknown as ArrayBuffer);
		const xlsxRows = book.worksheets[0].getSheetValues();
		const body = table.slice(2);
		expect(body.length).toBe(template.rows.length);
		template.rows.forEach((row, i) => {
			const own = sheet.figures[row.id] ?? {};
			const value = (c: 'count' | 'people') => (cellsOf(row).includes(c) ? formatNumber(own[c]) : '');
			expect(body[i].map((c) => c.text)).toEqual([
				row.stt,
				row.label,
				row.measure,
				value('count'),
				value('people'),
				own.note || row.note
			]);
			// the .xlsx has the same numbers in the same row
			const inXlsx = xlsxRows.find((r) => Array.isArray(r) && r[2] === row.label) as unknown[];
			expect(
				[inXlsx[4] ?? '', inXlsx[5] ?? ''].map((v) => formatNumber(v === '' ? undefined : Number(v)))
			).toEqual([value('count'), value('people')]);
		});
		// Quận 7's own 2 and Tân Kiểng's 3 classes, its 45 people
		const row = (id: string) => body[template.rows.findIndex((r) => r.id === id)];
		expect(row('lop-boi-duong')[3].text).toBe('5');
		expect(row('tong-nguoi')[4].text).toBe('45');
	});

	it('ends with its photos, each captioned with what, where and when, listed alike in the .xlsx', async () => {
		await theDay();
		const sheet = levelSheet('quan7');
		const docx = await documentOf(sheet);

		expect(docx.media.size).toBe(2);
		for (const image of docx.media.values()) expect([...image.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
		const captions = docx.paragraphs.filter((p) => p.startsWith('Ảnh '));
		expect(captions.map(flat)).toEqual([
			expect.stringMatching(
				/^Ảnh 1\. Hoạt động của đơn vị, ảnh gửi kèm báo cáo lần 1 — Phường Tân Kiểng, \d\dg(\d\d)? \d\d\/10\/2024\.$/
			),
			expect.stringMatching(
				/^Ảnh 2\. Băng rôn tuyên truyền \(2\) — Ngã ba Trần Xuân Soạn – Lâm Văn Bền, \d\dg(\d\d)? \d\d\/10\/2024\.$/
			)
		]);
		expect(docx.paragraphs).toContain(official.appendix.attached('UBND Quận 7'));

		const book = new ExcelJS.Workbook();
		await book.xlsx.load((await reportWorkbook(sheet)) as unknown as ArrayBuffer);
		const photos = book.getWorksheet(official.sheets.photos)!;
		expect(photos.getRow(2).values).toEqual([
			undefined,
			1,
			'Phường Tân Kiểng',
			sheet.photos[0].what,
			'Phường Tân Kiểng',
			expect.stringMatching(/\/10\/2024$/),
			sheet.photos[0].id,
			// not a demo's photo: nothing to say
			''
		]);
		expect(photos.rowCount).toBe(3);
		const texts = book.getWorksheet(official.sheets.narrative)!;
		expect(texts.getRow(3).values).toEqual([undefined, expect.any(String), 'Phường Tân Kiểng', wardText]);
	});

	it('as signed off keeps the sections, figures and photos of the submissions it counted', async () => {
		await signedThenRevised('Bản sửa sau khi chốt.');
		const picture = reportPicture(db(), 'quan7')!;
		const signed = await documentOf(levelSheet('quan7', true));
		const live = await documentOf(levelSheet('quan7'));

		expect(signed.paragraphs).toContain(`Phường Tân Kiểng: ${wardText.split('\n')[0]}`);
		expect(signed.paragraphs.join('\n')).not.toContain('Bản sửa sau khi chốt.');
		expect(live.paragraphs).toContain('Phường Tân Kiểng: Bản sửa sau khi chốt.');
		const label = picture.template.rows.find((r) => r.id === 'lop-boi-duong')!.label;
		const classes = (docx: Docx) => figuresTable(docx).find((r) => r[1].text === label);
		expect(classes(signed)?.[3].text).toBe('5');
		expect(classes(live)?.[3].text).toBe('11');
		// the signed table's photos stay; the new submission sent none, so the live one has the banner only
		expect(signed.media.size).toBe(2);
		expect(live.media.size).toBe(1);
	});
});

describe('what a writer may send', () => {
	it('a character XML forbids, typed in a section or a note, leaves the documents readable', async () => {
		await accepted(
			run(ward, 'report.submit', {
				unitId: tanKieng,
				figures: { 'tin-bai': { count: 2, note: 'Bài\uFFFE số 2' } },
				narrative: { 'trien-khai': 'Phường\uFFFF tổ chức lễ phát động.\uD800' },
				uploads: []
			})
		);
		const sheet = levelSheet('quan7');
		const docx = await documentOf(sheet);
		expect(docx.xml).not.toMatch(/[\uFFFE\uFFFF\uD800]/);
		expect(docx.paragraphs).toContain('Phường Tân Kiểng: Phường tổ chức lễ phát động.');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(
			(await reportWorkbook(unitSheet(reportPicture(db())!, tanKieng)!)) as unknown as ArrayBuffer
		);
		expect(book.getWorksheet(official.sheets.narrative)!.getRow(2).getCell(3).text).toBe(
			'Phường tổ chức lễ phát động.'
		);
	});

	it("a level's appendix takes four photos of each unit and says how many more there are", async () => {
		const uploads = [];
		for (let i = 0; i < 6; i++) uploads.push(await photo(tanKieng, 20 + i * 30));
		await accepted(run(ward, 'report.submit', { unitId: tanKieng, figures: {}, narrative: {}, uploads }));

		const level = levelSheet('quan7');
		expect([level.photos.length, level.leftOut]).toEqual([4, 2]);
		const docx = await documentOf(level);
		expect(docx.media.size).toBe(4);
		expect(docx.paragraphs).toContain(official.appendix.leftOut(2));
		// the unit's own document takes them all
		const own = ownSheet(tanKieng);
		expect([own.photos.length, own.leftOut]).toEqual([6, 0]);
	});
});

describe('the level above', () => {
	it("takes a level's sections and photos as that level signed them, live and once it signs too", async () => {
		await signedThenRevised('Bản sửa sau khi Quận 7 chốt.');
		const city = signedIn('coordinator', { unitId: 'thanh-pho' });
		const texts = async (signed: boolean) => {
			const docx = await documentOf(levelSheet(null, signed));
			return { text: docx.paragraphs.join('\n'), photos: docx.media.size };
		};
		const live = await texts(false);
		expect(live.text).toContain(`Phường Tân Kiểng: ${wardText.split('\n')[0]}`);
		expect(live.text).toContain(ownText);
		expect(live.text).not.toContain('Bản sửa sau khi Quận 7 chốt.');
		expect(live.photos).toBe(2);

		await accepted(run(city, 'report.sign_off', { note: '' }));
		const signed = await texts(true);
		expect(signed.text).toContain(`Phường Tân Kiểng: ${wardText.split('\n')[0]}`);
		expect(signed.text).toContain(`UBND Quận 7: ${ownText}`);
		expect(signed.text).not.toContain('Bản sửa sau khi Quận 7 chốt.');
		expect(signed.photos).toBe(2);
	});
});

describe("a unit's own document", () => {
	it('has its own sections and photos only, under the body above it', async () => {
		await theDay();
		const sheet = ownSheet(tanKieng);
		const docx = await documentOf(sheet);

		expect(docx.tables[0][0][0].text.split('\n').slice(0, 2)).toEqual(['UBND QUẬN 7', 'PHƯỜNG TÂN KIỂNG']);
		expect(docx.paragraphs).toContain(wardText.split('\n')[0]);
		expect(docx.paragraphs.join('\n')).not.toContain(ownText);
		// the section it left empty keeps its place, dotted, for the writer
		const second = sheet.template.form.sections[1];
		expect(docx.paragraphs[docx.paragraphs.indexOf(second.title) + 1]).toMatch(/^…+$/);
		expect(docx.media.size).toBe(2);
	});

	it("of a unit that sent nothing is the form to fill in: the table's empty cells, no appendix", async () => {
		await theDay();
		const docx = await documentOf(ownSheet('phuong-khac'));
		const table = figuresTable(docx);
		expect(table.slice(2).every((r) => r[3].text === '' && r[4].text === '')).toBe(true);
		expect(docx.media.size).toBe(0);
		expect(docx.paragraphs).not.toContain(official.appendix.title);
	});
});
