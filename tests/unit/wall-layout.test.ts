/** The wall screen shows only the panels the plan has, and gives them the whole room. */
import { describe, expect, it } from 'vitest';
import {
	defaultLayout,
	layoutWith,
	panelIds,
	panelsWith,
	wallGrid,
	type PanelId
} from '../../src/lib/displays/layout';
import type { PlanHas } from '../../src/lib/scenario/plan-has';

const everything: PlanHas = {
	trucks: true,
	milestones: true,
	checklistItems: true,
	ceremony: true,
	reportTable: true
};
const wardPlan: PlanHas = { ...everything, trucks: false };

describe('the panels a plan has', () => {
	it('all of them for a plan with everything; no truck map without trucks', () => {
		expect(panelsWith(everything)).toEqual([...panelIds]);
		expect(panelsWith(wardPlan)).toEqual(['run', 'checklists', 'ceremony', 'reports', 'alerts', 'feed']);
	});

	it('notices and the feed always', () => {
		const nothing: PlanHas = {
			trucks: false,
			milestones: false,
			checklistItems: false,
			ceremony: false,
			reportTable: false
		};
		expect(panelsWith(nothing)).toEqual(['alerts', 'feed']);
	});
});

describe('a screen’s layout over the panels there are', () => {
	const present = panelsWith(wardPlan);

	it('one panel that is not there: every panel there is', () => {
		expect(layoutWith({ ...defaultLayout, mode: 'single', panel: 'map' }, present).mode).toBe('all');
		expect(layoutWith({ ...defaultLayout, mode: 'single', panel: 'run' }, present)).toMatchObject({
			mode: 'single',
			panel: 'run'
		});
	});

	it('in turn: the missing panels skipped, and all of them when none is left', () => {
		expect(
			layoutWith({ ...defaultLayout, mode: 'rotate', panels: ['map', 'run', 'feed'] }, present)
		).toMatchObject({ mode: 'rotate', panels: ['run', 'feed'] });
		expect(layoutWith({ ...defaultLayout, mode: 'rotate', panels: ['map'] }, present).mode).toBe('all');
	});
});

describe('the wall’s grid', () => {
	it('the demo’s: the map a wide column of both rows, then three columns of two', () => {
		expect(wallGrid(panelIds)).toEqual({
			columns: '1.5fr 1fr 1fr 1fr',
			areas: {
				map: '2 / 1 / 4 / 2',
				run: '2 / 2 / 3 / 3',
				checklists: '3 / 2 / 4 / 3',
				ceremony: '2 / 3 / 3 / 4',
				reports: '3 / 3 / 4 / 4',
				alerts: '2 / 4 / 3 / 5',
				feed: '3 / 4 / 4 / 5'
			}
		});
	});

	it('without trucks the other panels take the map’s room: three columns, no empty cell', () => {
		const grid = wallGrid(panelsWith(wardPlan));
		expect(grid.columns).toBe('1fr 1fr 1fr');
		expect(Object.keys(grid.areas)).not.toContain('map');
		expect(cells(grid.areas)).toEqual(new Set(['2/1', '3/1', '2/2', '3/2', '2/3', '3/3']));
	});

	it('an odd last panel takes its column’s height', () => {
		const grid = wallGrid(['run', 'alerts', 'feed']);
		expect(grid).toEqual({
			columns: '1fr 1fr',
			areas: { run: '2 / 1 / 3 / 2', alerts: '3 / 1 / 4 / 2', feed: '2 / 2 / 4 / 3' }
		});
	});
});

/** the row/column cells the areas cover */
function cells(areas: Partial<Record<PanelId, string>>): Set<string> {
	const covered = new Set<string>();
	for (const area of Object.values(areas)) {
		const [rowStart, column, rowEnd] = area.split(' / ').map(Number);
		for (let row = rowStart; row < rowEnd; row++) covered.add(`${row}/${column}`);
	}
	return covered;
}
