/**
 * An invitee list as people keep it: a .xlsx or .csv with a header row (Họ tên, Chức vụ, Đơn vị,
 * Thành phần, Điện thoại, in any order; or their English names). Every bad row is reported with
 * its row number, its column and why, in the reader's language; the caller imports nothing until
 * the file is clean.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { fold } from '$lib/ceremony/search';
import type { InvitedGroupView } from '$lib/ceremony/types';
import { inviteeInput } from '$lib/ceremony/commands';
import { say, translate, type Lang, type MessageKey, type Said } from '$lib/i18n';
import { zodLocale, type z } from '$lib/zod';
import { problemsOf } from '../commands/execute';
import { rezip } from '../zip/rezip';
import { unzipWithin } from '../zip/unzip-within';

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
/** the most one import takes (ceremony.import_invitees says the same); a district's ceremony has a few hundred */
const maxInvitees = 5000;
/** a list of 5,000 invitees is about 2 MB of sheet XML; a bomb is tens or hundreds of MB */
const maxUnzippedBytes = 20 * 1024 * 1024;

type Field = 'name' | 'title' | 'unit' | 'group' | 'phone';

const headerNames: Record<Field, string[]> = {
	name: ['ho ten', 'ho va ten', 'ten', 'name', 'full name'],
	title: ['chuc vu', 'chuc danh', 'title'],
	unit: ['don vi', 'co quan', 'noi cong tac', 'unit', 'organization'],
	group: ['thanh phan', 'nhom', 'group'],
	phone: ['dien thoai', 'so dien thoai', 'sdt', 'phone']
};

const columnLabel: Record<Field, MessageKey> = {
	name: 'ceremony.column.name',
	title: 'ceremony.column.title',
	unit: 'ceremony.column.unit',
	group: 'ceremony.column.group',
	phone: 'ceremony.column.phone'
};

/** A line of the file as the spreadsheet numbers it (the header is line 1), and its cells. */
interface Line {
	number: number;
	cells: string[];
}

/** The file itself is refused (not one of its rows): said as it is to the person importing it. */
class ListRefused extends Error {
	constructor(readonly said: Said) {
		super(said.key);
	}
}

/** a refusal in `lang`, its numbers written as the reader writes them (5.000 or 5,000) */
function wordsOf({ key, params = {} }: Said, lang: Lang): string {
	const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
	const local = Object.entries(params).map(([name, v]) => [
		name,
		typeof v === 'number' ? v.toLocaleString(locale) : v
	]);
	return translate(lang, key, Object.fromEntries(local));
}

const isBlank = (cells: string[]) => cells.every((c) => (c ?? '').trim() === '');

/**
 * Lines taken one at a time, up to the most invitees one import takes (and a header): a file
 * with more is refused as soon as that is known, before the rest is read.
 */
class Lines {
	readonly lines: Line[] = [];
	#filled = 0;

	/** false when this line is one too many */
	add(number: number, cells: string[]): boolean {
		if (isBlank(cells)) return true;
		if (++this.#filled > maxInvitees + 1) return false;
		this.lines.push({ number, cells: Array.from(cells, (c) => c ?? '') });
		return true;
	}
}

const tooMany = () => new ListRefused(say('ceremony.file.tooMany', { max: maxInvitees }));

/**
 * The first sheet, read as a stream: a zip bomb is refused by its unzipped size before it is
 * read (unzip-within.ts), the reader gets only the entries that were counted (rezip.ts), and the
 * rows stop at the row limit, so nothing holds a huge sheet in memory at once.
 */
async function readXlsx(bytes: Buffer): Promise<Line[]> {
	const entries = await unzipWithin(bytes, maxUnzippedBytes);
	if (entries === 'unreadable') throw new ListRefused(say('ceremony.file.broken'));
	if (entries === 'too-large')
		throw new ListRefused(say('ceremony.file.unzipsTooLarge', { mb: maxUnzippedBytes / 1024 / 1024 }));
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([rezip(entries)]), {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'ignore',
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	let lines: Lines | null = null;
	let full = true;
	// parse() is an async generator of {eventType, value}; exceljs's types say less
	const events = reader.parse() as unknown as AsyncIterable<{ eventType: string; value: unknown }>;
	for await (const { eventType, value } of events) {
		if (eventType !== 'worksheet') continue;
		const sheet = value as ExcelJS.stream.xlsx.WorksheetReader;
		if (lines) {
			// another sheet: closed unread (its temporary file is let go)
			for await (const _ of sheet) break;
			continue;
		}
		lines = new Lines();
		let previous = 0;
		for await (const row of sheet) {
			// a row without its number ("r") follows the one before
			const number = Number.isInteger(row.number) && row.number > 0 ? row.number : previous + 1;
			previous = number;
			const cells: string[] = [];
			row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cell.text ?? ''));
			if (!lines.add(number, cells)) {
				full = false;
				break;
			}
		}
		// not left early: the reader removes its temporary files only at the end of the file
	}
	if (!full) throw tooMany();
	return lines?.lines ?? [];
}

function readCsv(bytes: Buffer): Line[] {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		throw new ListRefused(say('ceremony.file.notText'));
	}
	const lines = new Lines();
	let full = true;
	let number = 0;
	Papa.parse<string[]>(text, {
		skipEmptyLines: false,
		step: (result, parser) => {
			if (!(full = lines.add(++number, result.data))) parser.abort();
		}
	});
	if (!full) throw tooMany();
	return lines.lines;
}

async function readLines(fileName: string, bytes: Buffer): Promise<Line[]> {
	const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
	if (isZip) return readXlsx(bytes);
	if (/\.xlsx?$/i.test(fileName)) throw new ListRefused(say('ceremony.file.broken'));
	return readCsv(bytes);
}

export async function readInviteeFile(
	fileName: string,
	bytes: Buffer,
	groups: InvitedGroupView[],
	lang: Lang
): Promise<ParsedList> {
	const label = (field: Field) => translate(lang, columnLabel[field]);
	let lines: Line[];
	try {
		lines = await readLines(fileName, bytes);
	} catch (error) {
		const said = error instanceof ListRefused ? error.said : say('ceremony.file.unreadable');
		return { rows: [], problems: [{ row: 1, column: '', message: wordsOf(said, lang) }] };
	}
	const header = (lines[0]?.number === 1 ? lines[0].cells : []).map((h) => fold(h ?? ''));
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
				column: label(f),
				message: translate(lang, 'ceremony.file.missingColumn', { column: label(f) })
			}))
		};

	const groupByName = new Map<string, string>();
	for (const g of groups) {
		groupByName.set(fold(g.id), g.id);
		groupByName.set(fold(g.name), g.id);
	}
	const rows: InviteeRow[] = [];
	const problems: RowProblem[] = [];
	for (const { number: row, cells: raw } of lines) {
		if (row === 1) continue; // the header
		const value = (f: Field) => (columns.has(f) ? String(raw[columns.get(f)!] ?? '').trim() : '');
		if ((Object.keys(headerNames) as Field[]).every((f) => value(f) === '')) continue; // a blank line
		const groupText = value('group');
		const groupId = groupByName.get(fold(groupText));
		if (!groupId)
			problems.push({
				row,
				column: label('group'),
				message: groupText
					? translate(lang, 'ceremony.file.unknownGroup', {
							group: groupText,
							groups: groups.map((g) => g.name).join('; ')
						})
					: translate(lang, 'ceremony.file.noGroup')
			});
		const parsed = inviteeInput.safeParse(
			{
				name: value('name'),
				title: value('title'),
				unit: value('unit'),
				groupId: groupId ?? 'x',
				phone: value('phone')
			},
			zodLocale(lang)
		);
		if (!parsed.success) {
			for (const problem of problemsOf(parsed.error, lang)) {
				const field = (
					{ name: 'name', title: 'title', unit: 'unit', phone: 'phone' } as Record<string, Field>
				)[problem.path];
				problems.push({ row, column: field ? label(field) : '', message: problem.message });
			}
		} else if (groupId) rows.push(parsed.data);
	}
	if (rows.length === 0 && problems.length === 0)
		problems.push({ row: 2, column: '', message: translate(lang, 'ceremony.file.empty') });
	return { rows, problems };
}
