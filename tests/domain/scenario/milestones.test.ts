/**
 * The run of show as stored and listed: a milestone with a day and no hour ("ngày 11/10") keeps
 * its day as written, is listed after the timed items of that day, and exports as it came.
 */
import { describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db';
import { exportScenario, listMilestones } from '../../../src/lib/server/scenario/store';
import { accepted, run } from '../support/command';
import { aScenario } from '../support/factories/scenario';
import { signedIn } from '../support/given';

describe('a run of show with days and times', () => {
	it('lists a day after that day’s timed items, and exports it as written', async () => {
		const scenario = aScenario({
			milestones: [
				{ id: 'bao-cao', title: 'Gửi báo cáo về Quận', at: '2024-10-11', kind: 'report' },
				{ id: 'bang-ron', title: 'Treo băng rôn trên các tuyến đường', at: '2024-10-03', kind: 'deadline' },
				{ id: 'khai-mac', title: 'Lễ khai mạc', at: '2024-10-03T08:00:00+07:00', kind: 'ceremony' },
				{ id: 'tap-ket', title: 'Xe tập kết', at: '2024-10-03T06:30:00+07:00', kind: 'gathering' }
			]
		});

		await accepted(run(signedIn('admin'), 'scenario.import', { scenario }));

		expect(listMilestones(db()).map((m) => [m.id, m.at])).toEqual([
			['tap-ket', '2024-10-03T06:30:00+07:00'],
			['khai-mac', '2024-10-03T08:00:00+07:00'],
			['bang-ron', '2024-10-03'],
			['bao-cao', '2024-10-11']
		]);
		expect(exportScenario(db())!.milestones.map((m) => m.at)).toEqual(scenario.milestones!.map((m) => m.at));
	});
});
