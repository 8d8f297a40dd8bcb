/**
 * Reading a report package sent up by a lower level (see $lib/reports/package.ts), before anything
 * is imported: a .zip within its sizes, its machine-readable file, that file's hash recomputed,
 * its shape, and the .xlsx beside it against the hash the file gives for it. Any change after the
 * sender signed (a number edited in the JSON, the spreadsheet swapped or edited) is refused here,
 * with words saying so; the command checks the JSON's hash again (report.import_package).
 */
import { say, type Lang, type Said } from '$lib/i18n';
import { manifestFileName, packageFormat, packageVersion, reportPackageSchema } from '$lib/reports/package';
import type { ReportPackage } from '$lib/reports/package';
import type { Problem } from '$lib/types';
import { zodLocale } from '$lib/zod';
import { TooDeep } from '../../canonical-json';
import { problemsOf } from '../../commands/execute';
import { unzipFiles } from '../../zip/zip-files';
import { packageHash, sha256Hex } from './hash';

/** a package is a table and a small JSON: a few hundred KB at most; unzipped, a few MB */
export const maxPackageBytes = 2 * 1024 * 1024;
const maxUnzippedBytes = 10 * 1024 * 1024;

export type PackageRead =
	{ ok: true; package: ReportPackage } | { ok: false; message: Said; problems?: Problem[] };

const refused = (message: Said, problems?: Problem[]): PackageRead => ({ ok: false, message, problems });

function parseJson(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}

/** Whether the file's hash is the one its content gives; false for content that cannot be read. */
function intact(raw: Record<string, unknown>): boolean {
	try {
		return packageHash(raw as Pick<ReportPackage, 'format' | 'version' | 'content'>) === raw.sha256;
	} catch (error) {
		if (error instanceof TooDeep) return false;
		throw error;
	}
}

/** The package in `bytes` (a .zip), checked; or why it is refused, in words for `lang`'s reader. */
export async function readReportPackage(bytes: Buffer, lang: Lang): Promise<PackageRead> {
	if (bytes.length > maxPackageBytes)
		return refused(say('packages.read.tooLarge', { mb: maxPackageBytes / 1024 / 1024 }));
	const files = await unzipFiles(bytes, maxUnzippedBytes);
	if (files === 'too-large') return refused(say('packages.read.unzipsTooLarge'));
	if (files === 'unreadable') return refused(say('packages.read.notZip'));
	const manifest = files.get(manifestFileName);
	if (!manifest) return refused(say('packages.read.noManifest', { file: manifestFileName }));
	const raw = parseJson(manifest);
	if (
		!raw ||
		typeof raw !== 'object' ||
		Array.isArray(raw) ||
		(raw as { format?: unknown }).format !== packageFormat
	)
		return refused(say('packages.read.notPackage', { file: manifestFileName }));
	const { version } = raw as { version?: unknown };
	if (version !== packageVersion) return refused(say('packages.read.version', { version: String(version) }));
	if (!intact(raw as Record<string, unknown>)) return refused(say('packages.read.altered'));
	const parsed = reportPackageSchema.safeParse(raw, zodLocale(lang));
	if (!parsed.success) return refused(say('packages.read.invalid'), problemsOf(parsed.error, lang));
	const pack = parsed.data;
	const table = files.get(pack.content.table.file);
	if (!table) return refused(say('packages.read.noTable', { file: pack.content.table.file }));
	if (sha256Hex(table) !== pack.content.table.sha256) return refused(say('packages.read.tableAltered'));
	return { ok: true, package: pack };
}
