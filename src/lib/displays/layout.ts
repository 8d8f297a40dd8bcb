/**
 * How a wall screen lays out the day: every panel, one panel full screen, or the panels in
 * turn every N seconds; dark or high contrast. Set per display link by the coordinator, live.
 * No zod here: the wall screen loads this, and its JavaScript budget is tight (the schema is in
 * layout-schema.ts, for the server and the forms). The labels are catalogue keys: `t(panelLabel[id])`.
 */
import type { MessageKey } from '$lib/i18n';

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
