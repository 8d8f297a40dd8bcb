/**
 * The report as the document a unit signs and sends up (.docx), laid out as Vietnamese
 * administrative documents are (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait, Times New
 * Roman, the issuing body and its number at top left, the national motto at top right, place and
 * date, "BÁO CÁO" and its subject, sections I and II, the table as the template prints it, "Nơi
 * nhận" and the signing block, and an appendix of photos with their captions. Every word of the
 * document comes from the template and official.ts, so another year's form needs no code.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	ImageRun,
	LineRuleType,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableBorders,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlign,
	WidthType,
	type IParagraphOptions,
	type IRunOptions
} from 'docx';
import { cellsOf, formatNumber } from '$lib/reports/cells';
import { official } from '$lib/reports/official';
import type { ReportPhoto } from '$lib/reports/types';
import { xmlText } from '$lib/reports/xml-text';
import { formatDateTime } from '$lib/time/format';
import type { ReportSheet } from './picture';

/** A photo's bytes as they go into the document (already made small: document-job.ts). */
export interface DocumentPhoto {
	data: Buffer;
	width: number;
	height: number;
}

export interface DocumentOptions {
	/** the photo's bytes, or null when its file is gone (its caption says so) */
	photo: (photo: ReportPhoto) => Promise<DocumentPhoto | null>;
	exportedAt?: number;
}

/** millimetres in twips, rounded (docx's own converter floors: A4 would be 11905 wide, not 11906) */
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);

// Phụ lục I: margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm
const page = { width: 210, height: 297, top: 20, bottom: 20, left: 30, right: 15 };
const textWidth = page.width - page.left - page.right;
/** point sizes, as docx counts them (half-points) */
const pt = (size: number) => size * 2;
const body = pt(14);

// LibreOffice draws an image in a paragraph of fixed line height as a thin strip: keep lines "auto"
const single = { line: 240, lineRule: LineRuleType.AUTO };

/** text as Word keeps it (xml-text.ts): composed, nothing XML forbids */
const words = (text: string, options: IRunOptions = {}) => new TextRun({ ...options, text: xmlText(text) });

function para(text: string, options: Omit<IParagraphOptions, 'children'> & { run?: IRunOptions } = {}) {
	const { run, ...rest } = options;
	return new Paragraph({ spacing: single, ...rest, children: [words(text, run)] });
}

/** a short rule under a heading line: an empty paragraph with a bottom border, `width` mm long */
function rule(width: number, within: number): Paragraph {
	const side = mm(Math.max(0, (within - width) / 2));
	return new Paragraph({
		spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.AUTO },
		indent: { left: side, right: side },
		border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
		children: [new TextRun({ text: '', size: pt(4) })]
	});
}

const cellOf = (
	children: (Paragraph | Table)[],
	width: number,
	extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}
) => new TableCell({ children, width: { size: mm(width), type: WidthType.DXA }, ...extra });

/** a table without lines, for blocks set side by side (the heading, "Nơi nhận" and the signature) */
function sideBySide(cells: [(Paragraph | Table)[], (Paragraph | Table)[]], widths: [number, number]): Table {
	return new Table({
		layout: TableLayoutType.FIXED,
		borders: TableBorders.NONE,
		width: { size: mm(textWidth), type: WidthType.DXA },
		columnWidths: widths.map((w) => mm(w)),
		rows: [new TableRow({ children: cells.map((c, i) => cellOf(c, widths[i])) })]
	});
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/** top left: the body above and the issuing unit, its number; top right: the motto, place and date */
function heading(sheet: ReportSheet): Table {
	const [left, right] = [62, textWidth - 62];
	const centred = { alignment: AlignmentType.CENTER };
	const issuer = [
		...(sheet.parentName ? [para(upper(sheet.parentName), { ...centred, run: { size: pt(13) } })] : []),
		para(upper(sheet.unitName), { ...centred, run: { size: pt(13), bold: true } }),
		rule(22, left),
		para(`${official.number}        ${official.numberSuffix}`, {
			...centred,
			spacing: { ...single, before: 120 },
			run: { size: pt(13) }
		})
	];
	const nation = [
		para(official.nation, { ...centred, run: { size: pt(12), bold: true } }),
		para(official.motto, { ...centred, run: { size: pt(13), bold: true } }),
		rule(62, right),
		para(official.dateLine(sheet.template.form.place), {
			...centred,
			spacing: { ...single, before: 120 },
			run: { size: body, italics: true }
		})
	];
	return sideBySide([issuer, nation], [left, right]);
}

function title(sheet: ReportSheet): Paragraph[] {
	const { form } = sheet.template;
	const centred = { alignment: AlignmentType.CENTER };
	return [
		para(form.title, { ...centred, spacing: { ...single, before: 360 }, run: { bold: true, size: body } }),
		...(form.subtitle ? [para(form.subtitle, { ...centred, run: { bold: true, size: body } })] : []),
		rule(40, textWidth),
		new Paragraph({ spacing: { ...single, after: 120 }, children: [] })
	];
}

/** a text as typed: one paragraph per line, indented as the body of a document is */
const paragraphs = (text: string, lead?: string): Paragraph[] =>
	text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean)
		.map(
			(line, i) =>
				new Paragraph({
					alignment: AlignmentType.JUSTIFIED,
					spacing: { ...single, after: 120 },
					indent: { firstLine: mm(12.7) },
					children: [
						...(i === 0 && lead ? [words(`${lead} `, { bold: true, italics: true })] : []),
						words(line)
					]
				})
		);

/** sections I, II: the unit's own text, then each unit beneath's, headed by its name */
function narrative(sheet: ReportSheet): Paragraph[] {
	return sheet.narrative.flatMap((section) => {
		const written = [
			...paragraphs(section.text),
			...section.units.flatMap((unit) => paragraphs(unit.text, official.unitPart(unit.unitName)))
		];
		return [
			para(section.title, { spacing: { ...single, before: 120, after: 120 }, run: { bold: true } }),
			// a section nobody wrote keeps its place, dotted, for the writer to fill in
			...(written.length ? written : [para('…'.repeat(60), { indent: { firstLine: mm(12.7) } })])
		];
	});
}

/** the table's columns, as the template prints them: STT, activity, unit, the two quantities, note */
const widths = { stt: 12, label: 66, measure: 22, count: 23, people: 21, note: 21 };

function tableCell(
	text: string,
	width: number,
	options: { bold?: boolean; align?: 'left' | 'center' | 'right'; rowSpan?: number; columnSpan?: number } = {}
): TableCell {
	const alignment =
		options.align === 'center'
			? AlignmentType.CENTER
			: options.align === 'right'
				? AlignmentType.RIGHT
				: AlignmentType.LEFT;
	return cellOf([para(text, { alignment, run: { size: pt(12), bold: options.bold } })], width, {
		rowSpan: options.rowSpan,
		columnSpan: options.columnSpan,
		verticalAlign: VerticalAlign.CENTER,
		margins: { top: mm(0.8), bottom: mm(0.8), left: mm(1.2), right: mm(1.2) }
	});
}

/** the figures table: "Số lượng" over its two sub-columns, the other headings over both rows */
function figuresTable(sheet: ReportSheet): Table {
	const { template, figures } = sheet;
	const { heads } = official;
	const head = { bold: true, align: 'center' as const };
	const header = [
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [
				tableCell(heads.stt, widths.stt, { ...head, rowSpan: 2 }),
				tableCell(heads.activity, widths.label, { ...head, rowSpan: 2 }),
				tableCell(heads.measure, widths.measure, { ...head, rowSpan: 2 }),
				tableCell(heads.quantity, widths.count + widths.people, { ...head, columnSpan: 2 }),
				tableCell(heads.note, widths.note, { ...head, rowSpan: 2 })
			]
		}),
		new TableRow({
			tableHeader: true,
			cantSplit: true,
			children: [
				tableCell(template.quantityColumns[0], widths.count, head),
				tableCell(template.quantityColumns[1], widths.people, head)
			]
		})
	];
	const rows = template.rows.map((row) => {
		const own = figures[row.id] ?? {};
		const bold = row.inputs === 'none';
		const taken = cellsOf(row);
		const value = (cell: 'count' | 'people') => (taken.includes(cell) ? formatNumber(own[cell]) : '');
		return new TableRow({
			cantSplit: true,
			children: [
				tableCell(row.stt, widths.stt, { bold, align: 'center' }),
				tableCell(row.label, widths.label, { bold }),
				tableCell(row.measure, widths.measure, { bold, align: 'center' }),
				tableCell(value('count'), widths.count, { bold, align: 'right' }),
				tableCell(value('people'), widths.people, { bold, align: 'right' }),
				tableCell(own.note || row.note, widths.note, { bold })
			]
		});
	});
	return new Table({
		layout: TableLayoutType.FIXED,
		width: { size: mm(textWidth), type: WidthType.DXA },
		columnWidths: Object.values(widths).map((w) => mm(w)),
		rows: [...header, ...rows]
	});
}

/** bottom left "Nơi nhận"; bottom right the signer, room for the signature and the stamp */
function signing(sheet: ReportSheet): Table {
	const [left, right] = [textWidth * 0.45, textWidth * 0.55];
	const { recipients } = official;
	const to = [
		para(recipients.title, { run: { size: pt(12), bold: true, italics: true } }),
		...(sheet.parentName ? [para(recipients.to(sheet.parentName), { run: { size: pt(11) } })] : []),
		para(recipients.archive, { run: { size: pt(11) } })
	];
	const centred = { alignment: AlignmentType.CENTER };
	const signer = [
		para(official.signer, { ...centred, run: { size: body, bold: true } }),
		para(official.signHint, { ...centred, run: { size: body, italics: true } }),
		// room for the signature and the stamp
		new Paragraph({ spacing: { ...single, after: 1440 }, children: [] })
	];
	return sideBySide([to, signer], [left, right]);
}

// the appendix sets photos two to a row, each at most this size (mm)
const photoBox = { width: 78, height: 62 };
const pxPerMm = 96 / 25.4;

async function appendix(sheet: ReportSheet, options: DocumentOptions): Promise<(Paragraph | Table)[]> {
	if (sheet.photos.length === 0) return [];
	const { appendix } = official;
	const centred = { alignment: AlignmentType.CENTER };
	const half = textWidth / 2;
	const cells: TableCell[] = [];
	// one at a time: a city's document has hundreds, and each is read and made small here
	for (const [i, photo] of sheet.photos.entries()) {
		const image = await options.photo(photo);
		const caption = appendix.caption(i + 1, photo.what, photo.where, formatDateTime(photo.when, 'vi'));
		const scale = image
			? Math.min(photoBox.width / image.width, photoBox.height / image.height) * pxPerMm
			: 0;
		const picture = image
			? new Paragraph({
					...centred,
					spacing: single,
					children: [
						new ImageRun({
							type: 'jpg',
							data: image.data,
							transformation: {
								width: Math.round(image.width * scale),
								height: Math.round(image.height * scale)
							}
						})
					]
				})
			: para(appendix.missing, { ...centred, run: { size: pt(12), italics: true } });
		cells.push(
			cellOf(
				[
					picture,
					para(caption, {
						...centred,
						spacing: { ...single, after: 200 },
						run: { size: pt(12), italics: true }
					}),
					...(photo.demo ? [para(appendix.demo, { ...centred, run: { size: pt(11) } })] : [])
				],
				half,
				{ margins: { left: mm(2), right: mm(2), top: mm(2) } }
			)
		);
	}
	const rows: TableRow[] = [];
	for (let i = 0; i < cells.length; i += 2)
		rows.push(
			new TableRow({
				cantSplit: true,
				children: [cells[i], cells[i + 1] ?? cellOf([new Paragraph({ children: [] })], half)]
			})
		);
	return [
		para(appendix.title, { ...centred, pageBreakBefore: true, run: { bold: true, size: body } }),
		para(appendix.subject, { ...centred, run: { bold: true, size: body } }),
		para(appendix.attached(sheet.unitName), {
			...centred,
			spacing: { ...single, after: 240 },
			run: { italics: true }
		}),
		...(sheet.leftOut
			? [
					para(appendix.leftOut(sheet.leftOut), {
						...centred,
						spacing: { ...single, after: 240 },
						run: { size: pt(12) }
					})
				]
			: []),
		new Table({
			layout: TableLayoutType.FIXED,
			borders: TableBorders.NONE,
			width: { size: mm(textWidth), type: WidthType.DXA },
			columnWidths: [mm(half), mm(half)],
			rows
		})
	];
}

/** The report as a .docx file. */
export async function reportDocument(sheet: ReportSheet, options: DocumentOptions): Promise<Buffer> {
	const { form } = sheet.template;
	const exportedAt = options.exportedAt ?? Date.now();
	const pageNumber = new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(13) })]
			})
		]
	});
	const document = new Document({
		creator: official.creator,
		title: `${form.title} ${form.subtitle}`.trim(),
		subject: sheet.unitName,
		styles: { default: { document: { run: { font: 'Times New Roman', size: body } } } },
		sections: [
			{
				properties: {
					// no number on the first page, the others numbered at the top, centred
					titlePage: true,
					page: {
						size: { width: mm(page.width), height: mm(page.height) },
						margin: {
							top: mm(page.top),
							bottom: mm(page.bottom),
							left: mm(page.left),
							right: mm(page.right),
							header: mm(10)
						}
					}
				},
				// the first page's header is there and empty (the schema wants a paragraph in it)
				headers: { default: pageNumber, first: new Header({ children: [new Paragraph({})] }) },
				children: [
					heading(sheet),
					...title(sheet),
					...narrative(sheet),
					...(form.tableHeading
						? [
								para(form.tableHeading, {
									spacing: { ...single, before: 120, after: 120 },
									run: { bold: true }
								})
							]
						: []),
					figuresTable(sheet),
					para(official.exported(sheet.basis, formatDateTime(exportedAt, 'vi')), {
						spacing: { ...single, before: 60, after: 240 },
						run: { size: pt(10), italics: true }
					}),
					signing(sheet),
					...(await appendix(sheet, options))
				]
			}
		]
	});
	return Packer.toBuffer(document);
}
