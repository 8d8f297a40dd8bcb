/**
 * An invitee list as people keep it: a .xlsx or .csv with a header row (Họ tên, Chức vụ, Đơn vị,
 * Thành phần, Điện thoại, in any order). Every bad row is reported with its row number, its
 * column and why; the caller imports nothing until the file is clean.
 */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fold } from '$lib/ceremony/search';
import type { InvitedGroupView } from '$lib/ceremony/types';
import { inviteeInput } from '$lib/ceremony/commands';
import type { z } from '$lib/zod';

export type InviteeRow = z.output<typeof inviteeInput>;

export interface RowProblem {
	/** the row number as the spreadsheet shows it (the header is row 1) */
	row: number;
	column: string;
	message: string;
}

export interface ParsedList {
	rows: InviteeRow[];
	problems: RowProblem[];
}

export const maxListBytes = 5 * 1024 * 1024;

type Field = 'name' | 'title' | 'unit' | 'group' | 'phone';

const headerNames: Record<Field, string[]> = {
	name: ['ho ten', 'ho va ten', 'ten', 'name', 'full name'],
	title: ['chuc vu', 'chuc danh', 'title'],
	unit: ['don vi', 'co quan', 'noi cong tac', 'unit', 'organization'],
	group: ['thanh phan', 'nhom', 'group'],
	phone: ['dien thoai', 'so dien thoai', 'sdt', 'phone']
};

const columnLabel: Record<Field, string> = {
	name: 'Họ tên',
	title: 'Chức vụ',
	unit: 'Đơn vị',
	group: 'Thành phần',
	phone: 'Điện thoại'
};

async function readCells(fileName: string, bytes: Buffer): Promise<string[][]> {
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (isZip) {
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = book.worksheets[0];
		if (!sheet) return [];
		const rows: string[][] = [];
		sheet.eachRow({ includeEmpty: true }, (row, number) => {
			const cells: string[] = [];
			row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cell.text ?? ''));
			rows[number - 1] = Array.from(cells, (c) => c ?? '');
		});
		return Array.from(rows, (r) => r ?? []);
	}
	if (/\.xlsx?$/i.test(fileName)) throw new Error('Tệp .xlsx bị hỏng hoặc không phải bảng tính Excel.');
	const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
	return parsed.data;
}

export async function readInviteeFile(
	fileName: string,
	bytes: Buffer,
	groups: InvitedGroupView[]
): Promise<ParsedList> {
	let cells: string[][];
	try {
		cells = await readCells(fileName, bytes);
	} catch (error) {
		const message =
			error instanceof TypeError
				? 'Tệp không phải văn bản UTF-8 hay bảng tính .xlsx. Hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.'
				: error instanceof Error && error.message.startsWith('Tệp')
					? error.message
					: 'Không đọc được tệp. Hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8.';
		return { rows: [], problems: [{ row: 1, column: '', message }] };
	}
	const header = (cells[0] ?? []).map((h) => fold(h ?? ''));
	const columns = new Map<Field, number>();
	for (const field of Object.keys(headerNames) as Field[]) {
		const index = header.findIndex((h) => headerNames[field].includes(h));
		if (index >= 0) columns.set(field, index);
	}
	const missing = (['name', 'group'] as Field[]).filter((f) => !columns.has(f));
	if (missing.length)
		return {
			rows: [],
			problems: missing.map((f) => ({
				row: 1,
				column: columnLabel[f],
				message: `Thiếu cột “${columnLabel[f]}” ở dòng tiêu đề (dòng 1).`
			}))
		};

	const groupByName = new Map<string, string>();
	for (const g of groups) {
		groupByName.set(fold(g.id), g.id);
		groupByName.set(fold(g.name), g.id);
	}
	const rows: InviteeRow[] = [];
	const problems: RowProblem[] = [];
	cells.slice(1).forEach((raw, i) => {
		const row = i + 2;
		const value = (f: Field) => (columns.has(f) ? String(raw[columns.get(f)!] ?? '').trim() : '');
		if ((Object.keys(headerNames) as Field[]).every((f) => value(f) === '')) return; // a blank line
		const groupText = value('group');
		const groupId = groupByName.get(fold(groupText));
		if (!groupId)
			problems.push({
				row,
				column: columnLabel.group,
				message: groupText
					? `Không có thành phần “${groupText}”. Dùng một trong: ${groups.map((g) => g.name).join('; ')}.`
					: 'Thiếu thành phần.'
			});
		const parsed = inviteeInput.safeParse({
			name: value('name'),
			title: value('title'),
			unit: value('unit'),
			groupId: groupId ?? 'x',
			phone: value('phone')
		});
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = (
					{ name: 'name', title: 'title', unit: 'unit', phone: 'phone' } as Record<string, Field>
				)[String(issue.path[0])];
				problems.push({ row, column: field ? columnLabel[field] : '', message: issue.message });
			}
		} else if (groupId) rows.push(parsed.data);
	});
	if (rows.length === 0 && problems.length === 0)
		problems.push({ row: 2, column: '', message: 'Tệp không có dòng khách mời nào dưới dòng tiêu đề.' });
	return { rows, problems };
}
