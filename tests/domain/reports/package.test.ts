/**
 * A level that runs its own deployment sends its signed table up as a package; the deployment of
 * the level above imports it as that unit's submission. Here the two deployments are two
 * databases one after the other: Quận 7's own (the demo plan), where Quận 7 signs its table and
 * the package is written, then the city's (Quận 7 beneath a city, beside another district),
 * where it is imported through the command path.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { translate } from '../../../src/lib/i18n';
import type { ReportPackage } from '../../../src/lib/reports/package';
import { completeness, latestByUnit } from '../../../src/lib/reports/rollup';
import { db } from '../../../src/lib/server/db';
import { packageCommandId } from '../../../src/lib/server/reports/import-package';
import { packageHash } from '../../../src/lib/server/reports/package/hash';
import { writeReportPackage } from '../../../src/lib/server/reports/package/write';
import { reportPicture, rolledUpSheet } from '../../../src/lib/server/reports/picture';
import { getSignoff, listSubmissions } from '../../../src/lib/server/reports/store';
import { accepted, run, type CommandResult } from '../support/command';
import { databaseContents, freshDatabase } from '../support/database';
import { givenTheDemoScenario, nestedInACity, signedIn, vn, type Person } from '../support/given';

const classes = (count: number, people?: number) => ({
	'bd-chuyen-mon': people === undefined ? { count } : { count, people }
});
const cell = (figures: Record<string, { count?: number }>) => figures['bd-chuyen-mon']?.count;

async function submit(unitId: string, count: number, people?: number) {
	const staff = signedIn('ward_staff', { unitId });
	await accepted(run(staff, 'report.submit', { unitId, figures: classes(count, people), narrative: {} }));
}

/**
 * Quận 7's own deployment: two wards report, Quận 7's coordinator signs; the package downloaded,
 * and the same signed table downloaded again later (another file: another export time).
 */
async function quan7SignsItsTable(): Promise<[ReportPackage, ReportPackage]> {
	await givenTheDemoScenario(vn('2024-10-11T09:00:00'));
	await submit('phuong-tan-kieng', 3, 120);
	await submit('phuong-tan-hung', 2, 60);
	const quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
	await accepted(run(quan7, 'report.sign_off', { note: 'Quận 7 chốt số liệu' }));
	const written = await writeReportPackage(db(), null, vn('2024-10-11T09:05:00'));
	const later = await writeReportPackage(db(), null, vn('2024-10-12T08:00:00'));
	return [written!.package, later!.package];
}

let pack: ReportPackage;
let downloadedAgain: ReportPackage;
let city: Person;

/** the city's deployment: another database, its own plan and people */
async function theCitysDeployment(plan = nestedInACity()) {
	freshDatabase();
	await givenTheDemoScenario(vn('2024-10-14T10:00:00'), plan);
	city = signedIn('coordinator', { unitId: 'thanh-pho' });
}

beforeEach(async () => {
	[pack, downloadedAgain] = await quan7SignsItsTable();
	await theCitysDeployment();
});

const importing = (by: Person, p: ReportPackage = pack, id?: string): Promise<CommandResult> =>
	run(by, 'report.import_package', p, id);

/** the package changed and sealed again, its hash matching: a package that is whole but not this one */
function resealed(change: (p: ReportPackage) => void): ReportPackage {
	const changed = structuredClone(pack);
	change(changed);
	return { ...changed, sha256: packageHash(changed) };
}

/** refused, and nothing in the database changed */
async function refusedUnchanged(result: Promise<CommandResult>) {
	const before = databaseContents();
	const answer = await result;
	expect(answer.ok).toBe(false);
	expect(databaseContents()).toEqual(before);
	return answer as Extract<CommandResult, { ok: false }>;
}

describe('a package written by a level that signed its table', () => {
	it("holds the signed totals, the sign-off and what it counted, sealed with the content's hash", () => {
		expect(pack.content.unit).toEqual({ id: 'quan7', name: 'UBND Quận 7', kind: 'district' });
		expect(pack.content.totals['bd-chuyen-mon']).toEqual({ count: 5, people: 180 });
		expect(pack.content.signoff).toMatchObject({ note: 'Quận 7 chốt số liệu' });
		expect(pack.content.counted.units.map((u) => [u.name, u.version])).toEqual([
			['Phường Tân Kiểng', 1],
			['Phường Tân Hưng', 1]
		]);
		expect(pack.sha256).toBe(packageHash(pack));
	});
});

describe("the city's deployment imports Quận 7's package", () => {
	it("as Quận 7's submission, marked as a package, counted in place of Quận 7's units", async () => {
		// a Quận 7 ward that also reported in the city's own deployment: the package stands for it
		await submit('phuong-tan-kieng', 100);
		await submit('phuong-khac', 7);

		await accepted(importing(city));

		const [imported] = listSubmissions(db(), 'quan7');
		expect(imported).toMatchObject({
			version: 1,
			figures: { 'bd-chuyen-mon': { count: 5, people: 180 } },
			package: {
				sha256: pack.sha256,
				signedAt: pack.content.signoff.at,
				signedBy: pack.content.signoff.by,
				note: 'Quận 7 chốt số liệu'
			}
		});
		const whole = reportPicture(db())!;
		expect(cell(rolledUpSheet(whole, false).figures)).toBe(5 + 7);
		// the city does not wait for the units Quận 7's package stands for
		const { expected, answered } = completeness(
			whole.units,
			'thanh-pho',
			latestByUnit(whole.submissions),
			[]
		);
		const waitsFor = expected.map((u) => u.id);
		expect(waitsFor).not.toContain('phuong-tan-kieng');
		expect(waitsFor).toEqual(expect.arrayContaining(['quan7', 'phuong-khac']));
		expect(answered.has('quan7')).toBe(true);

		// the city signs off its own table with Quận 7's package in it, and Quận 7's ward not again
		await accepted(run(city, 'report.sign_off', { note: '' }));
		const signed = getSignoff(db(), null)!;
		expect(cell(signed.totals)).toBe(5 + 7);
		expect(signed.counted.map((c) => c.unitId).sort()).toEqual(['phuong-khac', 'quan7']);
	});

	it('once: the same package, or the same signed table downloaded again, makes no second version', async () => {
		// the page and the command line send it under the package's own command id: sent again, the
		// same command gets its first answer
		const first = await accepted(importing(city, pack, packageCommandId(pack, city)));
		expect(await importing(city, pack, packageCommandId(pack, city))).toEqual(first);
		// sent again under any other id, or the same table downloaded again: refused, saying it is in already
		const again = await refusedUnchanged(importing(city));
		expect(again.code).toBe('conflict');
		expect(again.message).toContain('đã được nhập');
		expect(downloadedAgain.sha256).not.toBe(pack.sha256);
		const sameTable = await refusedUnchanged(
			importing(city, downloadedAgain, packageCommandId(downloadedAgain, city))
		);
		expect(sameTable.message).toBe(again.message);
		expect(listSubmissions(db(), 'quan7')).toHaveLength(1);
	});

	it('refuses a package altered after signing, saying so, and changes nothing', async () => {
		const altered = structuredClone(pack);
		altered.content.totals['bd-chuyen-mon'].count = 50;
		const answer = await refusedUnchanged(importing(city, altered));
		expect(answer.message).toBe(translate('vi', 'packages.read.altered'));
		expect(listSubmissions(db(), 'quan7')).toEqual([]);
	});

	it('refuses a package of a unit this plan does not have, or that has another name here', async () => {
		const elsewhere = resealed(
			(p) => (p.content.unit = { id: 'quan-9', name: 'UBND Quận 9', kind: 'district' })
		);
		const missing = await refusedUnchanged(importing(city, elsewhere));
		expect(missing.code).toBe('not_found');
		expect(missing.message).toContain('UBND Quận 9');

		const namesake = resealed(
			(p) => (p.content.unit = { id: 'quan-khac', name: 'UBND Quận 7', kind: 'district' })
		);
		const other = await refusedUnchanged(importing(city, namesake));
		expect(other.code).toBe('invalid');
		expect(other.message).toContain('Quận Khác');
	});

	it("refuses a coordinator whose level does not hold the unit, and Quận 7's own for its own table", async () => {
		const otherDistrict = signedIn('coordinator', { unitId: 'quan-khac' });
		expect((await refusedUnchanged(importing(otherDistrict))).code).toBe('forbidden');
		const quan7Here = signedIn('coordinator', { unitId: 'ttvh-tt' });
		const own = await refusedUnchanged(importing(quan7Here));
		expect(own.message).toBe(translate('vi', 'packages.import.ownLevel', { unit: 'UBND Quận 7' }));
		expect(listSubmissions(db(), 'quan7')).toEqual([]);

		// once the city has imported it, each of them sending it as the page does is still judged for them
		await accepted(importing(city, pack, packageCommandId(pack, city)));
		for (const [person, code] of [
			[otherDistrict, 'forbidden'],
			[quan7Here, 'invalid']
		] as const)
			expect((await refusedUnchanged(importing(person, pack, packageCommandId(pack, person)))).code).toBe(
				code
			);
		expect(listSubmissions(db(), 'quan7')).toHaveLength(1);
	});

	it('refuses a package made on another template, naming the rows that differ', async () => {
		const plan = nestedInACity();
		const rows = plan.reportTable as { rows: { id: string }[] };
		rows.rows = rows.rows.filter((r) => r.id !== 'tin-bai').concat({ ...rows.rows[1], id: 'hoi-thao-moi' });
		await theCitysDeployment(plan);

		const answer = await refusedUnchanged(importing(city));
		expect(answer.code).toBe('invalid');
		expect(answer.problems?.map((p) => p.message)).toEqual([
			translate('vi', 'packages.import.rowsMissing', { rows: 'hoi-thao-moi' }),
			translate('vi', 'packages.import.rowsExtra', { rows: 'tin-bai' })
		]);
	});
});
