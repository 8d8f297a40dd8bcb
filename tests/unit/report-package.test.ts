/**
 * A report package, as a file: the canonical JSON its hash is taken over, the zip it travels in,
 * and the reader the upper level's deployment checks it with before anything is imported. Made
 * here by hand (a small table, a few bytes standing for the .xlsx), so each kind of change can be
 * made on purpose and must be refused.
 */
import { describe, expect, it } from 'vitest';
import { translate, words } from '../../src/lib/i18n';
import { manifestFileName, packageFormat, type ReportPackage } from '../../src/lib/reports/package';
import { canonicalJson } from '../../src/lib/server/canonical-json';
import { packageHash, sha256Hex } from '../../src/lib/server/reports/package/hash';
import { readReportPackage, type PackageRead } from '../../src/lib/server/reports/package/read';
import { unzipFiles, zipFiles } from '../../src/lib/server/zip/zip-files';

const table = Buffer.from('PK… the signed table, as the export wrote it');
const tableFile = 'bao-cao-ubnd-quan-7.xlsx';

function aPackage(): ReportPackage {
	const unsealed: Omit<ReportPackage, 'sha256'> = {
		format: packageFormat,
		version: 1,
		content: {
			event: { id: 'quan7-2024', name: 'Tuần lễ hưởng ứng học tập suốt đời năm 2024 — Quận 7' },
			unit: { id: 'quan7', name: 'UBND Quận 7', kind: 'district' },
			template: { title: 'Tổng hợp số liệu', rowIds: ['lop-boi-duong', 'tin-bai', 'kinh-phi'] },
			signoff: {
				id: '6f1c2d3e-4a5b-5c6d-8e7f-8091a2b3c4d5',
				at: '2024-10-11T09:00:00.000Z',
				by: 'Điều phối – TTVH-TT Quận 7 (ttvh)',
				note: 'Quận 7 chốt'
			},
			totals: { 'lop-boi-duong': { count: 12, people: 340 }, 'tin-bai': { count: 18 } },
			counted: {
				units: [{ unitId: 'phuong-tan-kieng', name: 'Phường Tân Kiểng', version: 2 }],
				levels: []
			},
			table: { file: tableFile, sha256: sha256Hex(table) },
			exportedAt: '2024-10-11T09:05:00.000Z'
		}
	};
	return { ...unsealed, sha256: packageHash(unsealed) };
}

/** the package as a .zip: its JSON as given (a text, or indented as the writer does) and its table */
function zipped(pack: unknown, { xlsx = table, json }: { xlsx?: Buffer; json?: string } = {}): Buffer {
	return zipFiles([
		{ name: manifestFileName, bytes: Buffer.from(json ?? JSON.stringify(pack, null, '\t')) },
		{ name: tableFile, bytes: xlsx }
	]);
}

/** the package changed, and sealed again with a hash that matches: what a careful forger or a bug writes */
function resealed(change: (p: ReportPackage) => void): ReportPackage {
	const pack = aPackage();
	change(pack);
	return { ...pack, sha256: packageHash(pack) };
}

function refusal(read: PackageRead): string {
	if (read.ok) throw new Error('the package was taken');
	return words('vi', read.message);
}

describe('the canonical JSON a hash is taken over', () => {
	it('sorts keys at every depth, drops what is undefined, and adds no spaces', () => {
		expect(canonicalJson({ b: 1, a: [2, { d: undefined, c: 'Quận 7' }], e: null })).toBe(
			'{"a":[2,{"c":"Quận 7"}],"b":1,"e":null}'
		);
	});

	it('gives the same hash however the file was indented or its keys ordered, another for any change', () => {
		const pack = aPackage();
		const reordered = JSON.parse(JSON.stringify({ content: pack.content, version: 1, format: pack.format }));
		expect(packageHash(reordered)).toBe(pack.sha256);
		expect(pack.sha256).toMatch(/^[0-9a-f]{64}$/);

		const oneMore = structuredClone(pack);
		oneMore.content.totals['tin-bai'].count = 19;
		expect(packageHash(oneMore)).not.toBe(pack.sha256);
		const anotherNote = structuredClone(pack);
		anotherNote.content.signoff.note = 'Quận 7 chốt.';
		expect(packageHash(anotherNote)).not.toBe(pack.sha256);
		const anotherTable = structuredClone(pack);
		anotherTable.content.table.sha256 = sha256Hex('another spreadsheet');
		expect(packageHash(anotherTable)).not.toBe(pack.sha256);
	});
});

describe('the zip a package travels in', () => {
	it('gives back the files put in, byte for byte', async () => {
		const files = await unzipFiles(zipped(aPackage()), 1024 * 1024);
		expect(files).toBeInstanceOf(Map);
		expect((files as Map<string, Buffer>).get(tableFile)).toEqual(table);
	});

	it('refuses a damaged zip, and one that unzips past its limit', async () => {
		const bytes = zipped(aPackage());
		const damaged = Buffer.from(bytes);
		// a byte of the first file's compressed data (after its 30-byte header and its name)
		damaged[30 + manifestFileName.length + 4] ^= 0xff;
		expect(await unzipFiles(damaged, 1024 * 1024)).toBe('unreadable');
		expect(await unzipFiles(bytes, 100)).toBe('too-large');
	});
});

describe('the package reader', () => {
	it('takes a package as written, and one re-indented with its keys in another order', async () => {
		const pack = aPackage();
		expect(await readReportPackage(zipped(pack), 'vi')).toEqual({ ok: true, package: pack });
		const { sha256, content, format, version } = pack;
		const json = JSON.stringify({ sha256, content, version, format });
		expect(await readReportPackage(zipped(pack, { json }), 'vi')).toMatchObject({ ok: true });
	});

	it('refuses a figure edited after signing, saying the package was changed after it was signed', async () => {
		const pack = aPackage();
		pack.content.totals['lop-boi-duong'].people = 3400;
		const said = refusal(await readReportPackage(zipped(pack), 'vi'));
		expect(said).toBe(translate('vi', 'packages.read.altered'));
		expect(said).toContain('đã bị thay đổi sau khi ký');
	});

	it('refuses a package whose spreadsheet was edited or swapped', async () => {
		const said = refusal(
			await readReportPackage(zipped(aPackage(), { xlsx: Buffer.from('PK… edited') }), 'vi')
		);
		expect(said).toBe(translate('vi', 'packages.read.tableAltered'));
	});

	it('refuses a package whose spreadsheet is not in it', async () => {
		const pack = aPackage();
		const bytes = zipFiles([{ name: manifestFileName, bytes: Buffer.from(JSON.stringify(pack)) }]);
		expect(refusal(await readReportPackage(bytes, 'vi'))).toBe(
			translate('vi', 'packages.read.noTable', { file: tableFile })
		);
	});

	it('refuses what is not a package: not a zip, a zip of something else, another JSON, another version', async () => {
		expect(refusal(await readReportPackage(Buffer.from('Họ tên,Thành phần\n'), 'vi'))).toBe(
			translate('vi', 'packages.read.notZip')
		);
		const other = zipFiles([{ name: 'ds.csv', bytes: Buffer.from('a,b') }]);
		expect(refusal(await readReportPackage(other, 'vi'))).toBe(
			translate('vi', 'packages.read.noManifest', { file: manifestFileName })
		);
		expect(refusal(await readReportPackage(zipped({ format: 'khai-mac/kich-ban' }), 'vi'))).toBe(
			translate('vi', 'packages.read.notPackage', { file: manifestFileName })
		);
		expect(refusal(await readReportPackage(zipped(aPackage(), { json: '{"format": ' }), 'vi'))).toBe(
			translate('vi', 'packages.read.notPackage', { file: manifestFileName })
		);
		expect(refusal(await readReportPackage(zipped({ ...aPackage(), version: 2 }), 'vi'))).toBe(
			translate('vi', 'packages.read.version', { version: '2' })
		);
	});

	it('refuses a package sealed again over a bad shape, naming each place', async () => {
		const bad = resealed((p) => {
			(p.content.totals['tin-bai'] as Record<string, unknown>).count = -3;
			(p.content as Record<string, unknown>).extra = true;
		});
		const read = await readReportPackage(zipped(bad), 'vi');
		expect(refusal(read)).toBe(translate('vi', 'packages.read.invalid'));
		expect(read.ok ? [] : read.problems?.map((p) => p.path)).toEqual(
			expect.arrayContaining(['content.totals.tin-bai.count', 'content'])
		);
	});

	it('refuses a file larger than a package can be before unzipping it', async () => {
		const said = refusal(await readReportPackage(Buffer.alloc(3 * 1024 * 1024), 'vi'));
		expect(said).toBe(translate('vi', 'packages.read.tooLarge', { mb: 2 }));
	});
});
