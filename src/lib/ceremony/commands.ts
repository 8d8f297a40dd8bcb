/** The ceremony domain's commands: setup and invitee lists (coordinator), check-ins at the gates. */
import { z } from '$lib/zod';
import { optionalText, pressedAt, slugPattern } from '../command-fields';
import { invitedGroupSchema } from '../scenario/schema';
import { composed } from './invitee-match';

/** (not `slug(…)`: its refusal comes from the catalogue, in the reader's language) */
const groupId = z.string().regex(slugPattern, 'ceremony.field.groupId');
/** the ceremony a command is for (a level's, or the top's); none: the sender's own (ceremony/own.ts) */
const ceremonyId = z.string().regex(slugPattern, 'ceremony.field.ceremonyId').optional();

/** One named invitee, as typed or as a row of an imported list; its words in one Unicode form (NFC) */
export const inviteeInput = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'ceremony.field.name')
		.max(120, 'ceremony.field.nameMax')
		.transform(composed),
	title: optionalText(200, 'ceremony.field.titleMax').transform((v) => v && composed(v)),
	unit: optionalText(200, 'ceremony.field.unitMax').transform((v) => v && composed(v)),
	groupId,
	phone: z
		.string()
		.trim()
		.regex(/^$|^[0-9+ ().-]{6,20}$/, 'ceremony.field.phone')
		.transform((v) => v || null)
		.nullable()
		.default(null)
});

export const ceremonyCommands = {
	'ceremony.save_setup': z.object({
		ceremonyId,
		title: z.string().trim().min(1, 'ceremony.field.title').max(300, 'ceremony.field.textMax'),
		place: z.string().trim().min(1, 'ceremony.field.place').max(300, 'ceremony.field.textMax'),
		startsAt: z.iso.datetime({ offset: true, error: 'ceremony.field.startsAt' })
	}),
	'ceremony.save_group': z.object({
		ceremonyId,
		group: invitedGroupSchema
	}),
	'ceremony.remove_group': z.object({
		ceremonyId,
		groupId
	}),
	'ceremony.import_invitees': z.object({
		ceremonyId,
		invitees: z.array(inviteeInput).min(1, 'ceremony.field.listEmpty').max(5000, 'ceremony.field.listMax'),
		mode: z.enum(['replace', 'append'], 'ceremony.field.mode')
	}),
	'gate.check_in': z
		.object({
			ceremonyId,
			inviteeId: z.uuid('ceremony.field.inviteeId').optional(),
			code: z
				.string()
				.regex(/^[A-Z2-9]{10}$/, 'ceremony.field.code')
				.optional(),
			at: pressedAt
		})
		.refine((p) => !!p.inviteeId !== !!p.code, { message: 'ceremony.field.inviteeOrCode' }),
	'gate.count': z.object({
		ceremonyId,
		groupId,
		count: z
			.number('ceremony.field.countNumber')
			.int('ceremony.field.countInteger')
			.min(1, 'ceremony.field.countMin')
			.max(1000, 'ceremony.field.countMax'),
		at: pressedAt
	}),
	'gate.undo': z.object({
		ceremonyId,
		checkinId: z.uuid('ceremony.field.checkinId')
	})
};
