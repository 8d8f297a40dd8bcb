import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonFaultAt } from '../../src/lib/scenario/json-syntax';
import { validateScenario, validateScenarioText } from '../../src/lib/scenario/validate';
import type { Problem } from '../../src/lib/types';

const quan7 = () => JSON.parse(fs.readFileSync('data/scenarios/quan7-2024.json', 'utf8'));
const problemsOf = (check: ReturnType<typeof validateScenario>): Problem[] =>
	check.ok ? [] : check.problems;

describe('a plan file with faults: every fault at once, each where it is, in words people read', () => {
	it('says where a JSON syntax error is, by line and column', () => {
		const text = '{\n  "format": "khai-mac/scenario@1",\n  "event" {\n  }\n}';
		const [problem, ...rest] = problemsOf(validateScenarioText(text, 'vi'));
		expect(rest).toEqual([]);
		expect(problem.path).toBe('dòng 3, cột 11');
		expect(problem.message).toMatch(/^Tệp không phải JSON hợp lệ/);
		expect(problem.message).toContain('"event" {');
		expect(problem.message).not.toMatch(/Unexpected|position/);
	});

	it('says where a JSON syntax error is in English for an English reader', () => {
		const [problem] = problemsOf(validateScenarioText('{\n  "a": 1,\n  "b" 2\n}', 'en'));
		expect(problem.path).toBe('line 3, column 7');
	});

	it('refuses a misspelled key with its path instead of dropping what it holds', () => {
		const s = quan7();
		const checkpoint = s.routes[0].checkpoints[0];
		checkpoint.positon = checkpoint.position;
		delete checkpoint.position;
		const problems = problemsOf(validateScenario(s, 'vi'));
		const unknown = problems.find((p) => p.path === 'routes[0].checkpoints[0]');
		expect(unknown?.message).toContain('positon');
		expect(problems.map((p) => p.path)).toContain('routes[0].checkpoints[0].position');
	});

	it('names a position written [latitude, longitude] as swapped', () => {
		const s = quan7();
		const [lng, lat] = s.routes[0].checkpoints[1].position;
		s.routes[0].checkpoints[1].position = [lat, lng];
		const problems = problemsOf(validateScenario(s, 'vi'));
		expect(problems).toEqual([
			{
				path: 'routes[0].checkpoints[1].position',
				message: expect.stringContaining(`[${lng}, ${lat}]`)
			}
		]);
		expect(problems[0].message).toMatch(/đảo/);
	});

	it("checks a gathering's point, radius and trucks, in the reader's language", () => {
		const s = quan7();
		const gathering = s.milestones.find((m: { kind: string }) => m.kind === 'gathering');
		gathering.position = [10.7769, 106.7009]; // written [latitude, longitude]
		gathering.radiusM = 5;
		gathering.truckIds = ['xe-quan7', 'xe-khong-co'];
		s.milestones[0].position = [106.7, 10.7];
		const i = s.milestones.indexOf(gathering);
		const problems = problemsOf(validateScenario(s, 'vi'));
		expect(problems).toEqual(
			expect.arrayContaining([
				{ path: `milestones[${i}].position`, message: expect.stringContaining('đảo') },
				{
					path: `milestones[${i}].radiusM`,
					message: 'Bán kính điểm tập kết là số mét nguyên từ 20 đến 5000'
				},
				{ path: `milestones[${i}].truckIds[1]`, message: 'Không có xe loa mã "xe-khong-co"' },
				{ path: 'milestones[0].position', message: 'Chỉ mốc tập kết (kind: "gathering") mới có position' }
			])
		);
		expect(problemsOf(validateScenario(s, 'en')).map((p) => p.message)).toContain(
			'Only a gathering milestone (kind: "gathering") has position'
		);
	});

	it('takes a gathering with a point and no list of trucks: every truck is expected', () => {
		const s = quan7();
		const gathering = s.milestones.find((m: { kind: string }) => m.kind === 'gathering');
		gathering.position = [106.7009, 10.7769];
		const check = validateScenario(s, 'vi');
		expect(check.ok).toBe(true);
	});

	it('lists faults of the shapes and of the references in one pass', () => {
		const s = quan7();
		delete s.units[2].name;
		s.trucks[0].routeId = 'khong-co';
		s.checklistItems[0].unitId = 'khong-co-don-vi';
		s.milestones[0].at = 'sáng mai';
		const paths = problemsOf(validateScenario(s, 'vi')).map((p) => p.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'units[2].name',
				'milestones[0].at',
				'trucks[0].routeId',
				'checklistItems[0].unitId'
			])
		);
	});

	it('finds a JSON fault exactly when JSON.parse does, over a thousand damaged copies of a plan', () => {
		const text = fs.readFileSync('data/scenarios/bien-giang-2024.json', 'utf8');
		let seed = 7;
		const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
		for (let k = 0; k < 1000; k++) {
			const at = random(text.length);
			const damaged =
				k % 2
					? text.slice(0, at) + text.slice(at + 1)
					: text.slice(0, at) + '{,:"]'[random(5)] + text.slice(at);
			let parses = true;
			try {
				JSON.parse(damaged);
			} catch {
				parses = false;
			}
			expect(jsonFaultAt(damaged) === null, `damaged at ${at}`).toBe(parses);
		}
	});
});
