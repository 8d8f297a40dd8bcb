/**
 * The display layout as checked on input (commands, stored links, the address of /display). The
 * messages are catalogue keys (src/lib/i18n/vi/display.ts).
 */
import { z } from '$lib/zod';
import { defaultLayout, layoutModes, panelIds, themes, type DisplayLayout } from './layout';

const field = {
	mode: z.enum(layoutModes, 'display.layout.mode'),
	panel: z.enum(panelIds, 'display.layout.panel'),
	panels: z
		.array(z.enum(panelIds, 'display.layout.badPanel'))
		.min(1, 'display.layout.panelsMin')
		.max(panelIds.length)
		.refine((ids) => new Set(ids).size === ids.length, 'display.layout.panelsOnce'),
	seconds: z
		.number('display.layout.secondsNumber')
		.int('display.layout.secondsInt')
		.min(5, 'display.layout.secondsMin')
		.max(600, 'display.layout.secondsMax'),
	theme: z.enum(themes, 'display.layout.theme')
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
	.refine((c) => c.mode !== 'single' || c.panel !== undefined, {
		path: ['panel'],
		message: 'display.layout.panel'
	})
	.refine((c) => c.mode !== 'rotate' || c.panels !== undefined, {
		path: ['panels'],
		message: 'display.layout.panelsMin'
	})
	.refine((c) => c.mode !== 'rotate' || c.seconds !== undefined, {
		path: ['seconds'],
		message: 'display.layout.secondsNumber'
	});

/** A stored or typed layout; anything unreadable is the default (a screen must always show). */
export function readLayout(value: unknown): DisplayLayout {
	const parsed = displayLayoutSchema.safeParse(value ?? {});
	return parsed.success ? parsed.data : defaultLayout;
}
