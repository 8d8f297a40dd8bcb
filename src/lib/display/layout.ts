/**
 * How a wall screen lays out the day: every panel, one panel full screen, or the panels in
 * turn every N seconds; dark or high contrast. Set per display link by the coordinator, live.
 */
import { z } from '$lib/zod';

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

export const displayLayoutSchema = z.object({
	mode: z.enum(layoutModes, 'Chọn cách bố trí').default('all'),
	/** the one panel of "single" */
	panel: z.enum(panelIds, 'Chọn một ô').default('map'),
	/** the panels "rotate" goes through, in order */
	panels: z
		.array(z.enum(panelIds, 'Ô không hợp lệ'))
		.min(1, 'Chọn ít nhất một ô')
		.max(panelIds.length)
		.default([...panelIds]),
	seconds: z
		.number('Số giây phải là số')
		.int('Số giây phải là số nguyên')
		.min(5, 'Ít nhất 5 giây')
		.max(600, 'Tối đa 600 giây')
		.default(20),
	theme: z.enum(themes, 'Chọn giao diện').default('dark')
});

export type DisplayLayout = z.output<typeof displayLayoutSchema>;

export const defaultLayout: DisplayLayout = displayLayoutSchema.parse({});

/** A stored or typed layout; anything unreadable is the default (a screen must always show). */
export function readLayout(value: unknown): DisplayLayout {
	const parsed = displayLayoutSchema.safeParse(value ?? {});
	return parsed.success ? parsed.data : defaultLayout;
}

/** Which panel a rotating screen shows at a server time: every screen of a link shows the same. */
export function rotatingPanel(layout: DisplayLayout, serverNow: number): PanelId {
	const turn = Math.floor(serverNow / (layout.seconds * 1000));
	return layout.panels[turn % layout.panels.length];
}
