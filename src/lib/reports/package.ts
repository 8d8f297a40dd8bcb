/**
 * A report package (gói báo cáo): a level that runs its own deployment (a district, a ward) sends
 * its signed-off table up to the deployment of the level above as one .zip file, which holds
 *   - the table as the official .xlsx (what a person opens, prints and files), and
 *   - `goi-bao-cao.json`: the same table for the machine (this schema), with a SHA-256 over its
 *     content, and in that content the SHA-256 of the .xlsx.
 * The upper level imports it as that unit's submission (report.import_package). The hash shows
 * the file was not changed after it left the sender (by accident, or by someone editing a
 * number); it is not a signature: anyone with this format's description can write a package
 * whose hash matches. See docs/report-package.md.
 *
 * No transform and no default in this schema: what is checked is exactly what was hashed.
 */
import { z } from '$lib/zod';
import { slugPattern } from '../command-fields';
import { maxCell, maxNote } from './cells';

/** what a package says it is, and the version of its layout */
export const packageFormat = 'khai-mac/goi-bao-cao-da-ky';
export const packageVersion = 1;
/** the machine-readable file inside the .zip */
export const manifestFileName = 'goi-bao-cao.json';

// messages are catalogue keys (packages.ts), said in the reader's language
const slug = z.string().regex(slugPattern, 'packages.shape.id');
const words = (max: number) => z.string().max(max, 'packages.shape.tooLong');
const name = z.string().min(1, 'packages.shape.empty').max(500, 'packages.shape.tooLong');
const time = z.iso.datetime({ offset: true, error: 'packages.shape.time' });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'packages.shape.sha256');
const cellNumber = z.number().int().min(0).max(maxCell);

/** the signed table's figures by row id: the sums, as the sender's sign-off kept them */
const totals = z
	.record(
		slug,
		z.strictObject({
			count: cellNumber.optional(),
			people: cellNumber.optional(),
			note: words(maxNote).optional()
		})
	)
	.refine((t) => Object.keys(t).length <= 500, 'packages.shape.tooManyRows');

/** what the hash is taken over (with the format and its version) */
export const packageContentSchema = z.strictObject({
	/** the sender's event (its own deployment's) */
	event: z.strictObject({ id: slug, name }),
	/** the level that signed: the unit at the top of its table, as the sender's plan names it */
	unit: z.strictObject({ id: slug, name, kind: words(40) }),
	/** the template the table was filled in: the upper level's must have the same rows */
	template: z.strictObject({ title: name, rowIds: z.array(slug).min(1).max(500) }),
	signoff: z.strictObject({ id: z.uuid('packages.shape.id'), at: time, by: name, note: words(500) }),
	totals,
	/** what the signed table counted: each unit's report (its version), each level's signed table */
	counted: z.strictObject({
		units: z.array(z.strictObject({ unitId: slug, name, version: z.number().int().min(1) })).max(10_000),
		levels: z.array(z.strictObject({ unitId: slug, name })).max(10_000)
	}),
	/** the .xlsx beside this file: its name in the .zip and the SHA-256 of its bytes */
	table: z.strictObject({
		file: z.string().regex(/^[a-z0-9-]{1,80}\.xlsx$/, 'packages.shape.fileName'),
		sha256
	}),
	exportedAt: time
});

export const reportPackageSchema = z.strictObject({
	format: z.literal(packageFormat, 'packages.shape.format'),
	version: z.literal(packageVersion, 'packages.shape.version'),
	content: packageContentSchema,
	/** SHA-256 (hex) of the canonical JSON of `{ format, version, content }` (canonical-json.ts) */
	sha256
});

export type ReportPackage = z.output<typeof reportPackageSchema>;
export type PackageContent = ReportPackage['content'];
