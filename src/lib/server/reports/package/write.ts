/**
 * A level's signed table as a package to send up (see $lib/reports/package.ts): the .xlsx the
 * export gives for the signed table, and the machine-readable file with the totals, the sign-off,
 * what it counted and the hashes, in one .zip.
 */
import {
	manifestFileName,
	packageFormat,
	packageVersion,
	type PackageContent,
	type ReportPackage
} from '$lib/reports/package';
import type { Db } from '../../db';
import { currentEvent } from '../../scenario/store';
import { zipFiles } from '../../zip/zip-files';
import { exportFileName, reportWorkbook } from '../export';
import { onPaper, reportPicture, rolledUpSheet } from '../picture';
import { packageHash, sha256Hex } from './hash';

export interface PackageFile {
	/** "goi-bao-cao-ubnd-quan-7.zip" */
	fileName: string;
	bytes: Buffer;
	package: ReportPackage;
}

/**
 * The package of a level's signed table (`level`: the unit at its top; null: the whole event's);
 * null when that table is not signed off (or the plan has no report table).
 */
export async function writeReportPackage(
	db: Db,
	level: string | null,
	exportedAt = Date.now()
): Promise<PackageFile | null> {
	const picture = reportPicture(db, level);
	const event = currentEvent(db);
	const signoff = picture?.signoff;
	if (!picture || !event || !signoff) return null;
	const sheet = onPaper(db, rolledUpSheet(picture, true));
	const table = await reportWorkbook(sheet, exportedAt);
	const tableName = exportFileName(sheet, 'xlsx');
	const nameOf = (unitId: string) => picture.units.find((u) => u.id === unitId)?.name ?? unitId;
	const { top, template } = picture;
	const content: PackageContent = {
		event: { id: event.id, name: event.name },
		unit: { id: top.id, name: top.name, kind: top.kind },
		template: { title: template.title, rowIds: template.rows.map((r) => r.id) },
		signoff: { id: signoff.id, at: new Date(signoff.at).toISOString(), by: signoff.by, note: signoff.note },
		totals: signoff.totals,
		counted: {
			units: signoff.counted.map((c) => ({ unitId: c.unitId, name: nameOf(c.unitId), version: c.version })),
			levels: (signoff.levels ?? []).map((l) => ({ unitId: l.unitId, name: nameOf(l.unitId) }))
		},
		table: { file: tableName, sha256: sha256Hex(table) },
		exportedAt: new Date(exportedAt).toISOString()
	};
	const unsealed = { format: packageFormat, version: packageVersion, content } as const;
	const pack: ReportPackage = { ...unsealed, sha256: packageHash(unsealed) };
	const manifest = Buffer.from(`${JSON.stringify(pack, null, '\t')}\n`, 'utf8');
	return {
		fileName: `goi-${tableName.replace(/\.xlsx$/, '')}.zip`,
		bytes: zipFiles([
			{ name: manifestFileName, bytes: manifest },
			{ name: tableName, bytes: table }
		]),
		package: pack
	};
}
