/** The display layout as checked on input (commands, stored links, the address of /display). */
import { z } from '$lib/zod';
import { defaultLayout, layoutModes, panelIds, themes, type DisplayLayout } from './layout';

export const displayLayoutSchema = z.object({
	mode: z.enum(layoutModes, 'Chọn cách bố trí').default(defaultLayout.mode),
	panel: z.enum(panelIds, 'Chọn một ô').default(defaultLayout.panel),
	panels: z
		.array(z.enum(panelIds, 'Ô không hợp lệ'))
		.min(1, 'Chọn ít nhất một ô')
		.max(panelIds.length)
		.default([...defaultLayout.panels]),
	seconds: z
		.number('Số giây phải là số')
		.int('Số giây phải là số nguyên')
		.min(5, 'Ít nhất 5 giây')
		.max(600, 'Tối đa 600 giây')
		.default(defaultLayout.seconds),
	theme: z.enum(themes, 'Chọn giao diện').default(defaultLayout.theme)
}) satisfies z.ZodType<DisplayLayout, unknown>;

/** A stored or typed layout; anything unreadable is the default (a screen must always show). */
export function readLayout(value: unknown): DisplayLayout {
	const parsed = displayLayoutSchema.safeParse(value ?? {});
	return parsed.success ? parsed.data : defaultLayout;
}
