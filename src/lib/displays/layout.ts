/**
 * How a wall screen lays out the day: every panel, one panel full screen, or the panels in
 * turn every N seconds; dark or high contrast. Set per display link by the coordinator, live.
 * No zod here: the wall screen loads this, and its JavaScript budget is tight (the schema is in
 * layout-schema.ts, for the server and the forms).
 */
export const panelIds = ['map', 'run', 'checklists', 'ceremony', 'reports', 'alerts', 'feed'] as const;
export type PanelId = (typeof panelIds)[number];

export const panelLabel: Record<PanelId, string> = {
	map: 'Bản đồ xe loa',
	run: 'Chương trình',
	checklists: 'Trang trí, cổ động',
	ceremony: 'Lễ khai mạc',
	reports: 'Báo cáo Tuần lễ',
	alerts: 'Cảnh báo, thông báo',
	feed: 'Diễn biến'
};

export const layoutModes = ['all', 'single', 'rotate'] as const;
export const layoutModeLabel: Record<(typeof layoutModes)[number], string> = {
	all: 'Tất cả các ô',
	single: 'Một ô toàn màn hình',
	rotate: 'Lần lượt từng ô'
};
export const themes = ['dark', 'contrast'] as const;
export const themeLabel: Record<(typeof themes)[number], string> = {
	dark: 'Nền tối',
	contrast: 'Tương phản cao'
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
