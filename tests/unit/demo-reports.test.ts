import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellsOf, checkFigures } from '../../src/lib/reports/cells';
import type { ReportTemplate, ReportUnit } from '../../src/lib/reports/types';
import { reportFormSchema, reportTableSchema, scenarioSchema } from '../../src/lib/scenario/schema';
import { demoActs } from '../../src/lib/server/simulator/acts';
import { reportSchedule, reportWindow, type ReportSetting } from '../../src/lib/server/simulator/reports';

const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
const scenario = scenarioSchema.parse(read('data/scenarios/quan7-2024.json'));
const vnDay = (date: string) => Date.parse(`${date}T00:00:00+07:00`);
const hour = 3600_000;
const day = 24 * hour;

function templateFrom(table: unknown): ReportTemplate {
	const parsed = reportTableSchema.parse(table);
	return { ...parsed, form: reportFormSchema.parse(parsed.form ?? {}) };
}

/** the reporting picture as the server builds it from this scenario, with the given template */
function settingWith(template: ReportTemplate): ReportSetting {
	const units: ReportUnit[] = scenario.units.map(({ id, name, kind, parentId }) => ({
		id,
		name,
		kind,
		parentId,
		reports: true
	}));
	return {
		template,
		units,
		top: units.find((u) => u.parentId === null)!,
		deadline: scenario.event.reportDeadline ? Date.parse(scenario.event.reportDeadline) : null,
		weekStart: vnDay(scenario.event.startDate),
		weekEnd: vnDay(scenario.event.endDate) + day
	};
}

const accounts = scenario.accounts.map((a, i) => ({
	id: i + 1,
	username: a.username,
	role: a.role,
	unitId: a.unitId ?? null
}));

const templates: [string, ReportTemplate][] = [
	['the 2024 scenario', templateFrom(read('data/scenarios/quan7-2024.json').reportTable)],
	['the 2023 template', templateFrom(read('data/report-tables/htsd-2023.json'))]
];

describe.each(templates)('the demo report submissions, with %s', (_, template) => {
	const setting = settingWith(template);
	const steps = reportSchedule(setting, accounts);
	const deadline = setting.deadline!;
	const others = setting.units.filter((u) => u.id !== setting.top.id);

	it('has every unit but the organizer send once, and one unit a second version a day later', () => {
		const firsts = steps.filter((s) => s.version === 1);
		expect(firsts.map((s) => s.unitId).sort()).toEqual(others.map((u) => u.id).sort());
		const revisions = steps.filter((s) => s.version !== 1);
		expect(revisions).toHaveLength(1);
		const [revision] = revisions;
		expect(revision.version).toBe(2);
		const first = firsts.find((s) => s.unitId === revision.unitId)!;
		expect(revision.at - first.at).toBeGreaterThan(12 * hour);
		expect(revision.at - first.at).toBeLessThanOrEqual(day);
		expect(revision.payload.figures).not.toEqual(first.payload.figures);
	});

	it('has exactly one unit send after the deadline, the others before it', () => {
		const late = steps.filter((s) => s.at > deadline);
		expect(late).toHaveLength(1);
		expect(late[0].version).toBe(1);
		// the others early enough that a tick of the quick act does not carry them past it
		for (const s of steps.filter((s) => s !== late[0])) expect(s.at).toBeLessThanOrEqual(deadline - 3 * hour);
	});

	it('keeps every submission within the reporting window, in time order', () => {
		const window = reportWindow(setting);
		expect(window).toEqual({ start: setting.weekStart, end: deadline + day });
		for (const s of steps) {
			expect(s.at).toBeGreaterThan(window.start);
			expect(s.at).toBeLessThan(window.end);
		}
		expect(steps.map((s) => s.at)).toEqual([...steps.map((s) => s.at)].sort((a, b) => a - b));
	});

	it('sends figures the template takes, with a few rows left empty', () => {
		const typed = template.rows.filter((r) => cellsOf(r).length > 0);
		for (const s of steps) {
			expect(s.payload.unitId).toBe(s.unitId);
			expect(s.payload.uploads).toEqual([]);
			expect(checkFigures(template.rows, s.payload.figures)).toEqual([]);
			const filled = Object.keys(s.payload.figures).length;
			expect(filled).toBeGreaterThan(typed.length / 2);
			expect(filled).toBeLessThan(typed.length);
			for (const row of template.rows.filter((r) => r.money)) {
				const amount = s.payload.figures[row.id]?.count;
				if (amount !== undefined) {
					expect(amount % 1000).toBe(0);
					expect(amount).toBeGreaterThanOrEqual(2_000_000);
				}
			}
		}
	});

	it('writes a demo-marked text for every narrative section', () => {
		for (const s of steps) {
			expect(Object.keys(s.payload.narrative).sort()).toEqual(template.form.sections.map((x) => x.id).sort());
			for (const text of Object.values(s.payload.narrative)) expect(text).toMatch(/^\(Số liệu demo\) /);
		}
	});

	it('sends as the unit’s own demo account, else as the coordinator', () => {
		for (const s of steps) {
			const own = accounts.find(
				(a) => (a.role === 'ward_staff' || a.role === 'unit_staff') && a.unitId === s.unitId
			);
			expect(s.account).toBe(own ?? accounts.find((a) => a.role === 'coordinator'));
		}
	});

	it('is the same every time', () => {
		expect(reportSchedule(settingWith(template), accounts)).toEqual(steps);
	});
});

describe('the demo report submissions without a coordinator account', () => {
	it('leaves out the units nobody can send for', () => {
		const setting = settingWith(templates[0][1]);
		const steps = reportSchedule(
			setting,
			accounts.filter((a) => a.role !== 'coordinator')
		);
		const own = new Set(
			accounts.filter((a) => a.role === 'ward_staff' || a.role === 'unit_staff').map((a) => a.unitId)
		);
		expect(steps.length).toBeGreaterThan(0);
		for (const s of steps) expect(own.has(s.unitId)).toBe(true);
	});
});

describe('the reporting act', () => {
	const milestones = scenario.milestones;
	const deadlines = [...new Set(scenario.checklistItems.map((i) => Date.parse(i.deadline)))];
	const ceremonyAt = Date.parse(scenario.ceremony!.startsAt);
	const speed = 10;
	const window = reportWindow(settingWith(templates[0][1]));
	const without = demoActs({ milestones, deadlines, ceremonyAt, speed });
	const acts = demoActs({ milestones, deadlines, ceremonyAt, reportWindow: window, speed });

	it('plays the Week around the other acts, which keep their hours and speeds', () => {
		// the slower acts win where they overlap: their pieces are as they were alone
		expect(acts.filter((a) => a.name !== 'reporting')).toEqual(without);
		const reporting = acts.filter((a) => a.name === 'reporting');
		expect(reporting.length).toBeGreaterThanOrEqual(2);
		expect(reporting[0].start).toBe(window.start);
		expect(reporting[reporting.length - 1].end).toBe(window.end);
		// quick: about five real minutes for the whole window
		expect(reporting[0].speed).toBe(Math.round((window.end - window.start) / (5 * 60_000)));
	});

	it('leaves no gap and no overlap from the Week’s start to a day after the deadline', () => {
		expect(acts[0].start).toBe(window.start);
		expect(acts[acts.length - 1].end).toBe(window.end);
		for (let i = 1; i < acts.length; i++) expect(acts[i].start).toBe(acts[i - 1].end);
	});

	it('changes nothing without a report table', () => {
		expect(demoActs({ milestones, deadlines, ceremonyAt, reportWindow: null, speed })).toEqual(without);
	});
});
