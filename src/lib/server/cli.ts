/**
 * Command line for the operator: validate, import and export scenario files.
 *   node build/cli.js validate <file>
 *   node build/cli.js import <file> [--accounts] [--demo] [--if-empty] [--rehearse <YYYY-MM-DD|today>]
 *     (--rehearse: the whole plan moved so that its first day is that day, marked as a rehearsal)
 *   node build/cli.js export [file]
 *   node build/cli.js invitees <file.xlsx|file.csv> [--append] [--demo] [--if-empty]   (named invitees)
 *   node build/cli.js report-package [file.zip] [--unit <id>]   (the signed table as a package, to send up)
 *   node build/cli.js report [file.docx|file.xlsx] [--level <id>] [--unit <id> [--below]] [--signed]
 *     (the report to sign: a level's rolled up, live or as signed, or one unit's own)
 *   node build/cli.js import-package <file.zip>   (a lower level's package, as its unit's submission)
 *   node build/cli.js json-schema      (the file format as JSON Schema, for editors)
 *   node build/cli.js backup [folder]  (a consistent copy of the live database and photos)
 *   node build/cli.js restore <folder> [--force]   (into a stopped server)
 * The database path comes from KHAIMAC_DB (see README).
 */
import fs from 'node:fs';
import path from 'node:path';
import { scenarioFileSchema } from '$lib/scenario/schema';
import { vietnamToday } from '$lib/scenario/rehearsal';
import { validateScenarioText } from '$lib/scenario/validate';
import { describeEvent } from '$lib/feed';
import { z } from '$lib/zod';
import { translate, words, type Lang } from '$lib/i18n';
import type { Problem } from '$lib/types';
import { backup, restore } from './backup';
import { executeCommand } from './commands/execute';
import { config } from './config';
import { db } from './db';
import { eventAt } from './events/log';
import { readInviteeFile } from './ceremony/invitee-file';
import { packageCommandId } from './reports/import-package';
import { readReportPackage } from './reports/package/read';
import { lastVersion } from './reports/store';
import { writeReportPackage } from './reports/package/write';
import { documentFile } from './reports/document-file';
import { exportFileName, reportWorkbook } from './reports/export';
import { onPaper, reportPicture, rolledUpSheet, sheetPhotos, unitSheet } from './reports/picture';
import { getUnit } from './scenario/units';
import { ownCeremony } from './ceremony/own';
import { listGroups, listInvitees } from './ceremony/store';
import { shippedReportTables } from './scenario/report-templates';
import { currentEvent, exportScenario } from './scenario/store';

/** the operator's command line speaks Vietnamese, as all its own lines here do */
const lang: Lang = 'vi';

function printProblems(file: string, problems: Problem[]): void {
	console.error(`✗ ${file}: ${problems.length} lỗi, chưa có gì thay đổi.`);
	for (const p of problems) console.error(`  - ${p.path}: ${p.message}`);
}

function readFile(file: string | undefined): string {
	if (!file) {
		console.error('Thiếu đường dẫn tệp kịch bản.');
		process.exit(2);
	}
	try {
		return fs.readFileSync(file, 'utf8');
	} catch (error) {
		console.error(`Không đọc được tệp ${file}: ${(error as Error).message}`);
		process.exit(2);
	}
}

/** The options that take a value (`--rehearse 2026-12-03`): the rest are flags. */
const valued = new Set(['--rehearse', '--unit', '--level']);

async function main(args: string[]): Promise<number> {
	const options = new Map<string, string | undefined>();
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (valued.has(args[i])) options.set(args[i], args[++i]);
		else if (!args[i].startsWith('--')) positional.push(args[i]);
	}
	const [verb, file] = positional;
	const flags = new Set(args.filter((a) => a.startsWith('--')));
	switch (verb) {
		case 'validate': {
			const check = validateScenarioText(readFile(file), lang, shippedReportTables());
			if (!check.ok) return (printProblems(file, check.problems), 1);
			console.log(`✓ ${file}: hợp lệ (${check.scenario.event.name})`);
			return 0;
		}
		case 'import': {
			const text = readFile(file);
			if (flags.has('--if-empty') && currentEvent(db())) {
				console.log(`Đã có kịch bản "${currentEvent(db())!.name}" trong ${config.databasePath}: giữ nguyên.`);
				return 0;
			}
			const check = validateScenarioText(text, lang, shippedReportTables());
			if (!check.ok) return (printProblems(file, check.problems), 1);
			const rehearse = options.get('--rehearse');
			if (flags.has('--rehearse') && !rehearse)
				return (console.error('Thiếu ngày diễn tập: --rehearse YYYY-MM-DD hoặc --rehearse today.'), 2);
			const rehearseOn = rehearse === 'today' ? vietnamToday() : rehearse;
			const result = await executeCommand(
				{ kind: 'system', label: 'Dòng lệnh (nạp kịch bản)' },
				{
					id: crypto.randomUUID(),
					type: 'scenario.import',
					payload: { scenario: JSON.parse(text), withAccounts: flags.has('--accounts'), rehearseOn }
				},
				{ demo: flags.has('--demo') }
			);
			if (!result.ok)
				return (printProblems(file, result.problems ?? [{ path: '(tệp)', message: result.message }]), 1);
			const as = rehearseOn ? ` để diễn tập từ ngày ${rehearseOn}` : '';
			console.log(
				`✓ Đã nạp "${check.scenario.event.name}"${as} vào ${config.databasePath} (seq ${result.seq}).`
			);
			return 0;
		}
		case 'export': {
			const scenario = exportScenario(db());
			if (!scenario) {
				console.error('Chưa có kịch bản để xuất.');
				return 1;
			}
			const json = JSON.stringify(scenario, null, '\t') + '\n';
			if (file) fs.writeFileSync(file, json);
			else process.stdout.write(json);
			return 0;
		}
		case 'invitees': {
			if (!file) return (console.error('Thiếu đường dẫn tệp danh sách khách mời.'), 2);
			// the top level's ceremony (a level's own is set up on its page)
			const top = { kind: 'system', label: 'Dòng lệnh (nạp khách mời)' } as const;
			const ceremonyId = ownCeremony(db(), top).id;
			if (flags.has('--if-empty') && ceremonyId && listInvitees(db(), ceremonyId).length) {
				console.log('Đã có danh sách khách mời: giữ nguyên.');
				return 0;
			}
			const list = await readInviteeFile(
				file,
				fs.readFileSync(file),
				ceremonyId ? listGroups(db(), ceremonyId) : [],
				lang
			);
			if (list.problems.length)
				return (
					printProblems(
						file,
						list.problems.map((p) => ({
							path: `dòng ${p.row}${p.column ? `, cột ${p.column}` : ''}`,
							message: p.message
						}))
					),
					1
				);
			const result = await executeCommand(
				top,
				{
					id: crypto.randomUUID(),
					type: 'ceremony.import_invitees',
					payload: { invitees: list.rows, mode: flags.has('--append') ? 'append' : 'replace' }
				},
				{ demo: flags.has('--demo') }
			);
			if (!result.ok)
				return (printProblems(file, result.problems ?? [{ path: '(tệp)', message: result.message }]), 1);
			// what the import did: added, updated, unchanged (and removed, replacing)
			const done = eventAt(db(), result.seq);
			console.log(
				`✓ ${done ? describeEvent(done, lang) : `${list.rows.length} khách mời`} (${config.databasePath}).`
			);
			return 0;
		}
		case 'report-package': {
			// the whole event's signed table, or a level's (the unit at its top)
			const unitId = options.get('--unit') ?? null;
			if (unitId && !getUnit(db(), unitId))
				return (console.error(`✗ Kế hoạch không có đơn vị ${unitId}.`), 1);
			const written = await writeReportPackage(db(), unitId);
			if (!written) return (console.error(`✗ ${translate(lang, 'packages.export.notSigned')}`), 1);
			const out = file ?? written.fileName;
			fs.writeFileSync(out, written.bytes);
			const { unit, signoff } = written.package.content;
			console.log(
				`✓ Đã ghi gói báo cáo đã ký của ${unit.name} (ký lúc ${signoff.at}, ${signoff.by}) vào ${out}.`
			);
			console.log(`  SHA-256 của gói: ${written.package.sha256}`);
			return 0;
		}
		case 'report': {
			// a level's report (the whole event's by default), or `--unit`: that unit's own
			const level = options.get('--level') ?? null;
			const unitId = options.get('--unit');
			for (const id of [level, unitId])
				if (id && !getUnit(db(), id)) return (console.error(`✗ Kế hoạch không có đơn vị ${id}.`), 1);
			const picture = reportPicture(db(), level);
			if (!picture) return (console.error(`✗ ${translate(lang, 'reports.noTemplate')}`), 1);
			const signed = flags.has('--signed');
			if (signed && !picture.signoff)
				return (
					console.error(
						'✗ Bảng tổng hợp của cấp này chưa được chốt và ký: bỏ --signed để lấy bản trực tiếp.'
					),
					1
				);
			const photos = sheetPhotos(db(), picture);
			const found = unitId
				? unitSheet(picture, unitId, flags.has('--below'), photos)
				: rolledUpSheet(picture, signed, photos);
			if (!found) return (console.error(`✗ Đơn vị ${unitId} không thuộc cấp ${level}.`), 1);
			const sheet = onPaper(db(), found);
			const out = file ?? exportFileName(sheet, 'docx');
			const asWorkbook = out.toLowerCase().endsWith('.xlsx');
			if (!asWorkbook && sheet.photos.length > 20)
				console.log(`… Đang dựng văn bản, thu nhỏ ${sheet.photos.length} ảnh phụ lục.`);
			const bytes = asWorkbook ? await reportWorkbook(sheet) : await documentFile(sheet, 'cli');
			fs.writeFileSync(out, bytes);
			console.log(
				`✓ Đã ghi báo cáo của ${sheet.unitName} (${sheet.basis}; ${sheet.photos.length} ảnh) vào ${out}.`
			);
			return 0;
		}
		case 'import-package': {
			if (!file) return (console.error('Thiếu đường dẫn tệp gói báo cáo (.zip).'), 2);
			let bytes: Buffer;
			try {
				bytes = fs.readFileSync(file);
			} catch (error) {
				return (console.error(`Không đọc được tệp ${file}: ${(error as Error).message}`), 2);
			}
			const read = await readReportPackage(bytes, lang);
			if (!read.ok) {
				console.error(`✗ ${file}: ${words(lang, read.message)}`);
				for (const p of read.problems ?? []) console.error(`  - ${p.path}: ${p.message}`);
				return 1;
			}
			// under the package's own command id: the same package again is the same command
			const actor = { kind: 'system', label: 'Dòng lệnh (nhập gói báo cáo)' } as const;
			const result = await executeCommand(
				actor,
				{ id: packageCommandId(read.package, actor), type: 'report.import_package', payload: read.package },
				{ lang }
			);
			if (!result.ok) {
				console.error(`✗ ${file}: ${result.message}`);
				for (const p of result.problems ?? []) console.error(`  - ${p.path}: ${p.message}`);
				return 1;
			}
			const { unit, signoff } = read.package.content;
			console.log(
				`✓ ${translate(lang, 'packages.import.done', { unit: unit.name, version: lastVersion(db(), unit.id), time: signoff.at, by: signoff.by })} (${config.databasePath})`
			);
			return 0;
		}
		case 'backup': {
			const stamp = new Date().toISOString().replace(/[:.]/g, '-');
			const folder = file ?? path.join(config.dataDir, 'backups', stamp);
			const done = await backup(db(), config.photosDir, folder);
			console.log(
				`✓ Đã sao lưu vào ${done.folder}: cơ sở dữ liệu ${(done.databaseBytes / 1e6).toFixed(1)} MB, ${done.photos} tệp ảnh.`
			);
			return 0;
		}
		case 'restore': {
			if (!file) return (console.error('Thiếu thư mục bản sao lưu.'), 2);
			try {
				const done = restore(file, config.databasePath, config.photosDir, flags.has('--force'));
				console.log(
					`✓ Đã khôi phục ${done.folder} vào ${config.databasePath} (${done.photos} tệp ảnh). Khởi động lại máy chủ.`
				);
				return 0;
			} catch (error) {
				console.error(`✗ ${(error as Error).message}`);
				return 1;
			}
		}
		case 'json-schema':
			process.stdout.write(
				JSON.stringify(z.toJSONSchema(scenarioFileSchema, { io: 'input' }), null, '\t') + '\n'
			);
			return 0;
		default:
			console.error(
				'Dùng: cli.js validate <tệp> | import <tệp> [--accounts] [--demo] [--if-empty] [--rehearse <YYYY-MM-DD|today>] | export [tệp] | invitees <tệp> [--append] [--demo] | report-package [tệp.zip] [--unit <mã>] | report [tệp.docx|tệp.xlsx] [--level <mã>] [--unit <mã> [--below]] [--signed] | import-package <tệp.zip> | json-schema | backup [thư mục] | restore <thư mục> [--force]'
			);
			return 2;
	}
}

process.exitCode = await main(process.argv.slice(2));
