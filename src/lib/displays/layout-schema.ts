/** The display layout as checked on input (commands, stored links, the address of /display). */
import { z } from '$lib/zod';
import { defaultLayout, layoutModes, panelIds, themes, type DisplayLayout } from './layout';

const field = {
	mode: z.enum(layoutModes, 'Chọn cách bố trí'),
	panel: z.enum(panelIds, 'Chọn một ô'),
	panels: z
		.array(z.enum(panelIds, 'Ô không hợp lệ'))
		.min(1, 'Chọn ít nhất một ô')
		.max(panelIds.length)
		.refine((ids) => new Set(ids).size === ids.length, 'Mỗi ô chỉ chọn một lần'),
	seconds: z
		.number('Số giây phải là số')
		.int('Số giây phải là số nguyên')
		.min(5, 'Ít nhất 5 giây')
		.max(600, 'Tối đa 600 giây'),
	theme: z.enum(themes, 'Chọn giao diện')
};

export const displayLayoutSchema = z.object({
	mode: field.mode.default(defaultLayout.mode),
	panel: field.panel.default(defaultLayout.panel),
	panels: field.panels.default([...defaultLayout.panels]),
	seconds: field.seconds.default(defaultLayout.seconds),
	theme: field.theme.default(defaultLayout.theme)
}) satisfies z.ZodType<DisplayLayout, unknown>;

/**
 * A change to a link's layout: its mode, and the settings the form showed for it; what is left
 * out (another mode's settings) stays as the link has it.
 */
export const displayLayoutChangeSchema = z
	.object({
		mode: field.mode,
		panel: field.panel.optional(),
		panels: field.panels.optional(),
		seconds: field.seconds.optional(),
		theme: field.theme.optional()
	})
	// the settings of the mode chosen come with it
	.refine((c) => c.mode !== 'single' || c.panel !== undefined, { path: ['panel'], message: 'Chọn một ô' })
	.refine((c) => c.mode !== 'rotate' || c.panels !== undefined, {
		path: ['panels'],
		message: 'Chọn ít nhất một ô'
	})
	.refine((c) => c.mode !== 'rotate' || c.seconds !== undefined, {
		path: ['seconds'],
		message: 'Số giây phải là số'
	});

/** A stored or typed layout; anything unreadable is the default (a screen must always show). */
export function readLayout(value: unknown): DisplayLayout {
	const parsed = displayLayoutSchema.safeParse(value ?? {});
	return parsed.success ? parsed.data : defaultLayout;
}
