/**
 * How a wall screen lays out the day: every panel, one panel full screen, or the panels in
 * turn every N seconds; dark or high contrast. Set per display link by the coordinator, live.
 * No zod here: the wall screen loads this, and its JavaScript budget is tight (the schema is in
 * layout-schema.ts, for the server and the forms). The labels are catalogue keys: `t(panelLabel[id])`.
 */
import type { MessageKey } from '$lib/i18n';
import type { PlanHas } from '$lib/scenario/plan-has';

export const panelIds = ['map', 'run', 'checklists', 'ceremony', 'reports', 'alerts', 'feed'] as const;
export type PanelId = (typeof panelIds)[number];

export const panelLabel: Record<PanelId, MessageKey> = {
	map: 'display.panel.map',
	run: 'display.panel.run',
	checklists: 'display.panel.checklists',
	ceremony: 'display.panel.ceremony',
	reports: 'display.panel.reports',
	alerts: 'display.panel.alerts',
	feed: 'display.panel.feed'
};

export const layoutModes = ['all', 'single', 'rotate'] as const;
export const layoutModeLabel: Record<(typeof layoutModes)[number], MessageKey> = {
	all: 'display.mode.all',
	single: 'display.mode.single',
	rotate: 'display.mode.rotate'
};
export const themes = ['dark', 'contrast'] as const;
export const themeLabel: Record<(typeof themes)[number], MessageKey> = {
	dark: 'display.theme.dark',
	contrast: 'display.theme.contrast'
};

export interface DisplayLayout {
	mode: (typeof layoutModes)[number];
	/** the one panel of "single" */
	panel: PanelId;
	/** the panels "rotate" goes through, in order */
	panels: PanelId[];
	seconds: number;
	theme: (typeof themes)[number];
}

export const defaultLayout: DisplayLayout = {
	mode: 'all',
	panel: 'map',
	panels: [...panelIds],
	seconds: 20,
	theme: 'dark'
};

/** Which panel a rotating screen shows at a server time: every screen of a link shows the same. */
export function rotatingPanel(layout: DisplayLayout, serverNow: number): PanelId {
	const turn = Math.floor(serverNow / (layout.seconds * 1000));
	return layout.panels[turn % layout.panels.length];
}

/** what a panel needs of the plan to have something to show; notices and the feed always have */
const panelNeeds: Partial<Record<PanelId, keyof PlanHas>> = {
	map: 'trucks',
	run: 'milestones',
	checklists: 'checklistItems',
	ceremony: 'ceremony',
	reports: 'reportTable'
};

/** The panels this plan has something to show in (a ward's plan without trucks: no truck map). */
export function panelsWith(has: PlanHas): PanelId[] {
	return panelIds.filter((id) => {
		const needs = panelNeeds[id];
		return !needs || has[needs];
	});
}

/**
 * The layout a screen shows of the panels there are: a panel that is not there is skipped; a
 * screen set to show only such panels (one link set to the truck map) shows every panel there is.
 */
export function layoutWith(layout: DisplayLayout, present: readonly PanelId[]): DisplayLayout {
	if (layout.mode === 'single' && !present.includes(layout.panel)) return { ...layout, mode: 'all' };
	if (layout.mode !== 'rotate') return layout;
	const panels = layout.panels.filter((id) => present.includes(id));
	return panels.length > 0 ? { ...layout, panels } : { ...layout, mode: 'all' };
}

/** the panels beside the map, column by column, two to a column (the first above the second) */
const columnOrder: PanelId[] = ['run', 'checklists', 'ceremony', 'reports', 'alerts', 'feed'];

export interface WallGrid {
	/** grid-template-columns of the screen */
	columns: string;
	/** each panel's grid-area: the header is row 1, the panels rows 2 and 3 */
	areas: Partial<Record<PanelId, string>>;
}

/**
 * Where the panels there are sit when the screen shows them all: the truck map a wide column of
 * both rows, the others two to a column, a last one alone taking its column's height. Without the
 * map (a plan without trucks) the others share its room, a column fewer.
 */
export function wallGrid(present: readonly PanelId[]): WallGrid {
	const map = present.includes('map');
	const others = columnOrder.filter((id) => present.includes(id));
	const areas: WallGrid['areas'] = {};
	if (map) areas.map = '2 / 1 / 4 / 2';
	others.forEach((id, i) => {
		const column = (map ? 2 : 1) + Math.floor(i / 2);
		const alone = i % 2 === 0 && i === others.length - 1;
		const row = 2 + (i % 2);
		areas[id] = `${row} / ${column} / ${alone ? 4 : row + 1} / ${column + 1}`;
	});
	const columns = Array.from({ length: Math.ceil(others.length / 2) }, () => '1fr');
	return { columns: [...(map ? ['1.5fr'] : []), ...columns].join(' '), areas };
}
