/**
 * The banner-checklists domain's commands: the tablet's ticks, the review, editing the items.
 * Their own messages are catalogue keys (checklists.command.*).
 */
import { z } from '$lib/zod';
import { pressedAt, slugPattern, unitId } from '../command-fields';
import { checklistItemSchema, unitKinds } from '../scenario/schema';

const itemId = z.string().regex(slugPattern, 'checklists.command.itemId');

export const checklistCommands = {
	// the tablet's ticks (photos are uploaded first, by upload id)
	'checklist.tick': z.object({
		itemId,
		uploads: z
			.array(z.uuid('checklists.command.uploadId'))
			.min(1, 'checklists.command.uploadsMin')
			.max(10, 'checklists.command.uploadsMax'),
		quantityDone: z
			.number('checklists.command.quantityNumber')
			.int('checklists.command.quantityInteger')
			.min(0, 'checklists.command.quantityNegative')
			.max(100000, 'checklists.command.quantityTooLarge')
			.nullable()
			.default(null),
		note: z.string().trim().max(500, 'checklists.command.noteMax').default(''),
		at: pressedAt
	}),
	'checklist.untick': z.object({
		itemId,
		reason: z.string().trim().min(1, 'checklists.command.untickReason').max(300, 'checklists.command.textMax')
	}),
	'checklist.review_photo': z
		.object({
			itemId,
			photoId: z.string().regex(/^[0-9a-f]{64}$/, 'checklists.command.photoId'),
			verdict: z.enum(['accepted', 'rejected'], 'checklists.command.verdict'),
			reason: z.string().trim().max(300, 'checklists.command.textMax').default('')
		})
		.refine((p) => p.verdict === 'accepted' || p.reason.length > 0, {
			path: ['reason'],
			message: 'checklists.command.rejectReason'
		}),
	// editing the checklists (coordinator)
	'checklist.save_item': z.object({ item: checklistItemSchema }),
	/**
	 * the same item for many units at once: every unit of a kind, every unit under a unit, or
	 * both (src/lib/units/choice.ts); ids are `${idPrefix}-${unit id}`
	 */
	'checklist.add_to_units': z
		.object({
			idPrefix: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,30}$/, 'checklists.command.idPrefix'),
			unitKind: z.enum(unitKinds, 'checklists.command.unitKind').nullable().default(null),
			under: unitId.nullable().default(null),
			item: checklistItemSchema.omit({ id: true, unitId: true, position: true })
		})
		.refine((p) => p.unitKind !== null || p.under !== null, {
			path: ['unitKind'],
			message: 'checklists.command.chooseUnits'
		}),
	'checklist.remove_item': z.object({ itemId }),
	/** a new deadline for every item of one ward, or of all wards (unitId null) */
	'checklist.set_deadline': z.object({
		unitId: unitId.nullable(),
		deadline: z.iso.datetime({ offset: true, error: 'checklists.command.deadline' })
	})
};
