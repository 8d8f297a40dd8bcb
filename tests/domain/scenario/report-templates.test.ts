/**
 * A plan names a shipped report table (data/report-tables/<name>.json) instead of pasting it:
 * `"reportTable": "htsd-2023"`. The import reads the template, checks it with the same schema,
 * and refuses an unknown or unsafe name at `reportTable`, listing the names it knows.
 */
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { reportTableSchema } from '../../../src/lib/scenario/schema';
import { db } from '../../../src/lib/server/db';
import { exportScenario } from '../../../src/lib/server/scenario/store';
import { accepted, run } from '../support/command';
import { databaseContents } from '../support/database';
import { aScenario } from '../support/factories/scenario';
import { signedIn, type Person } from '../support/given';

const template = (name: string) =>
	reportTableSchema.parse(JSON.parse(fs.readFileSync(`data/report-tables/${name}.json`, 'utf8')));

let admin: Person;

beforeEach(() => {
	admin = signedIn('admin');
});

/** a scenario whose report table is given by name */
const naming = (reportTable: string) => ({ ...aScenario(), reportTable });

describe('a report table given by the name of a shipped template', () => {
	it('imports the template as the event’s report table', async () => {
		await accepted(run(admin, 'scenario.import', { scenario: naming('htsd-2023') }));

		expect(exportScenario(db())!.reportTable).toEqual(template('htsd-2023'));
	});

	it('exports the table itself, which imports again as the same event', async () => {
		await accepted(run(admin, 'scenario.import', { scenario: naming('htsd-2024') }));
		const exported = exportScenario(db())!;
		expect(exported.reportTable!.rows.map((r) => r.id)).toContain('bd-khac');

		await accepted(run(admin, 'scenario.import', { scenario: exported }));
		expect(exportScenario(db())).toEqual(exported);
	});

	it('refuses a name it does not know at reportTable, listing the names it knows', async () => {
		const before = databaseContents();

		const result = await run(admin, 'scenario.import', { scenario: naming('htsd-2019') });

		expect(result).toMatchObject({ ok: false, code: 'invalid' });
		const problems = result.ok ? [] : result.problems!;
		expect(problems).toEqual([{ path: 'reportTable', message: expect.stringContaining('"htsd-2019"') }]);
		expect(problems[0].message).toMatch(/Không có mẫu bảng tổng hợp/);
		expect(problems[0].message).toContain('htsd-2023, htsd-2024');
		expect(databaseContents()).toEqual(before);
	});

	it.each(['../scenarios/quan7-2024', '/etc/passwd', 'htsd-2023.json', 'HTSD-2023', ''])(
		'refuses %j, which is not a template’s name, without reading any file',
		async (name) => {
			const result = await run(admin, 'scenario.import', { scenario: naming(name) });

			expect(result).toMatchObject({ ok: false, code: 'invalid' });
			const problems = result.ok ? [] : result.problems!;
			expect(problems).toEqual([{ path: 'reportTable', message: expect.stringMatching(/tên mẫu/i) }]);
		}
	);
});
