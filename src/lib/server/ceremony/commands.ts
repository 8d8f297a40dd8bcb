/**
 * Ceremony commands: the coordinator's setup and invitee lists, the gates' check-ins. Each acts on
 * one ceremony: the one named, or the sender's own (own.ts), judged by the ceremony's unit. A
 * person is in once: the second check-in, at any gate, is refused with when and where the first
 * was; a guest of another ceremony is refused with where they are invited.
 */
import type { CeremonyChange } from '$lib/ceremony/events';
import { matchInvitees } from '$lib/ceremony/invitee-match';
import type { CheckinView, InviteeView } from '$lib/ceremony/types';
import { say } from '$lib/i18n';
import { formatHour } from '$lib/time/format';
import { actorLabel, authorize, ceremonyRoom } from '../access';
import { dayNow, pressTime } from '../day-clock';
import { config } from '../config';
import { CommandError, defineCommand, type Emit } from '../commands/define';
import type { Actor } from '../access';
import type { Db } from '../db';
import { shortCode, uuidFromName } from '../ids';
import { unitTree } from '../scenario/tree';
import { ceremonyFor, existingCeremony, newCeremonyId, type CeremonyPlace } from './own';
import {
	appendInvitees,
	getCeremony,
	getCheckin,
	getGroup,
	getInvitee,
	groupUse,
	inviteeByCode,
	insertCheckin,
	listGroups,
	listInvitees,
	namedCheckinCount,
	orderInvitees,
	removeGroup,
	removeInvitees,
	updateInvitee,
	saveCeremonySetup,
	saveGroup,
	standingCheckin,
	undoCheckin
} from './store';

/**
 * Who hears of a ceremony: the readers of the whole event, its level's and those above (by its
 * unit), and its own gates.
 */
function heard(place: { id: string; unitId: string | null }) {
	return {
		audience: ['ops', 'display', 'gate', ceremonyRoom(place.id)],
		about: place.unitId ? [place.unitId] : undefined
	};
}

/** The target of a command on a ceremony: its unit (checked before the transaction). */
const theCeremony = (p: { ceremonyId?: string }, db: Db, actor: Actor) => ({
	unitId: ceremonyFor(db, actor, p.ceremonyId).unitId
});

function changed(place: Required<CeremonyPlace>, change: CeremonyChange): Emit<'ceremony.changed'> {
	return { type: 'ceremony.changed', data: { change, ceremonyId: place.id }, ...heard(place) };
}

export const saveSetup = defineCommand({
	type: 'ceremony.save_setup',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, { ceremonyId, ...p }, { actor }) {
		if (!unitTree(db).root) throw new CommandError('not_found', say('ceremony.refusal.noScenario'));
		const place = ceremonyFor(db, actor, ceremonyId);
		// a level without a ceremony of its own sets one up here: the first save adds it
		const id = place.id ?? newCeremonyId(db, place.unitId);
		const before = getCeremony(db, id);
		const unitId = before ? before.unitId : place.unitId === unitTree(db).root ? null : place.unitId;
		saveCeremonySetup(db, id, unitId, { ...before?.setup, ...p });
		return changed(
			{ id, unitId: unitId ?? unitTree(db).root },
			{ what: 'setup', title: p.title, startsAt: Date.parse(p.startsAt) }
		);
	}
});

export const saveGroupCommand = defineCommand({
	type: 'ceremony.save_group',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p, { actor }) {
		const place = existingCeremony(db, actor, p.ceremonyId);
		const existing = getGroup(db, p.group.id);
		// group ids are one list over every ceremony: a gate reads a group from its QR alone
		if (existing && existing.ceremonyId !== place.id)
			throw new CommandError('conflict', say('ceremony.refusal.groupOfAnother', { group: p.group.id }));
		saveGroup(db, place.id, p.group);
		return changed(place, {
			what: 'group',
			name: p.group.name,
			expected: p.group.expected,
			added: !existing
		});
	}
});

export const removeGroupCommand = defineCommand({
	type: 'ceremony.remove_group',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p, { actor }) {
		const place = existingCeremony(db, actor, p.ceremonyId);
		const group = getGroup(db, p.groupId);
		if (!group || group.ceremonyId !== place.id)
			throw new CommandError('not_found', say('ceremony.refusal.noGroup'));
		if (groupUse(db, p.groupId) > 0)
			throw new CommandError('conflict', say('ceremony.refusal.groupInUse', { name: group.name }));
		removeGroup(db, p.groupId);
		return changed(place, { what: 'group_removed', name: group.name });
	}
});

export const importInvitees = defineCommand({
	type: 'ceremony.import_invitees',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p, { actor, commandId, demo }) {
		const place = existingCeremony(db, actor, p.ceremonyId);
		const groups = new Set(listGroups(db, place.id).map((g) => g.id));
		const problems = p.invitees.flatMap((row, i) =>
			groups.has(row.groupId)
				? []
				: [
						{
							path: `invitees[${i}].groupId`,
							message: say('ceremony.refusal.unknownGroup', { group: row.groupId })
						}
					]
		);
		if (problems.length) throw new CommandError('invalid', say('ceremony.refusal.unknownGroups'), problems);
		if (p.mode === 'replace' && namedCheckinCount(db, place.id) > 0)
			throw new CommandError('conflict', say('ceremony.refusal.replaceAfterCheckins'));
		// the people already invited are updated in place, keeping the codes on their letters
		const existing = listInvitees(db, place.id);
		const matches = matchInvitees(existing, p.invitees);
		const added: InviteeView[] = [];
		const updated: InviteeView[] = [];
		const listed = p.invitees.map((row, i) => {
			const known = matches[i];
			if (!known) {
				const id = uuidFromName(`${commandId}:invitee:${i}`);
				const person = { ...row, id, code: shortCode(id), demo };
				added.push(person);
				return person;
			}
			const person = { ...known, ...row, demo };
			if (!sameListing(known, person)) updated.push(person);
			return person;
		});
		const kept = new Set(matches.map((m) => m?.id));
		const removed = p.mode === 'replace' ? existing.filter((e) => !kept.has(e.id)).map((e) => e.id) : [];
		removeInvitees(db, removed);
		for (const person of updated) updateInvitee(db, person);
		appendInvitees(db, place.id, added);
		if (p.mode === 'replace')
			orderInvitees(
				db,
				listed.map((person) => person.id)
			);
		return changed(place, {
			what: 'invitees',
			mode: p.mode,
			count: listed.length,
			added: added.length,
			updated: updated.length,
			unchanged: listed.length - added.length - updated.length,
			removed: removed.length
		});
	}
});

/** what the list says of a person: the same, or changed (demo or not is not the list's) */
function sameListing(a: InviteeView, b: InviteeView): boolean {
	return (['name', 'title', 'unit', 'groupId', 'phone'] as const).every((field) => a[field] === b[field]);
}

function checkedIn(place: Required<CeremonyPlace>, checkin: CheckinView): Emit<'ceremony.checked_in'> {
	return { type: 'ceremony.checked_in', data: { checkin }, ...heard(place) };
}

export const checkIn = defineCommand({
	type: 'gate.check_in',
	emits: ['ceremony.checked_in'],
	action: 'gate.check_in',
	target: theCeremony,
	apply(db, p, { actor, commandId, demo, lang }) {
		const place = existingCeremony(db, actor, p.ceremonyId);
		const invitee = p.inviteeId ? getInvitee(db, p.inviteeId) : inviteeByCode(db, p.code!);
		if (!invitee)
			throw new CommandError(
				'not_found',
				say(p.code ? 'ceremony.refusal.unknownCode' : 'ceremony.refusal.unknownInvitee')
			);
		if (invitee.ceremonyId !== place.id) {
			const theirs = getCeremony(db, invitee.ceremonyId)?.setup.place ?? invitee.ceremonyId;
			const here = getCeremony(db, place.id)?.setup.place ?? place.id;
			throw new CommandError(
				'conflict',
				say('ceremony.refusal.otherCeremony', { name: invitee.name, place: theirs, here })
			);
		}
		const first = standingCheckin(db, invitee.id);
		if (first)
			throw new CommandError(
				'conflict',
				say('ceremony.refusal.alreadyIn', {
					name: invitee.name,
					time: formatHour(first.at, lang),
					gate: first.gate
				})
			);
		const checkin = {
			id: uuidFromName(`checkin:${commandId}`),
			ceremonyId: place.id,
			inviteeId: invitee.id,
			inviteeName: invitee.name,
			groupId: invitee.groupId,
			count: 1,
			gate: actorLabel(actor),
			at: pressTime(dayNow(db), p.at),
			undone: false
		};
		insertCheckin(db, { ...checkin, realAt: Date.now(), demo });
		return checkedIn(place, checkin);
	}
});

export const countGroup = defineCommand({
	type: 'gate.count',
	emits: ['ceremony.checked_in'],
	action: 'gate.check_in',
	target: theCeremony,
	apply(db, p, { actor, commandId, demo }) {
		const place = existingCeremony(db, actor, p.ceremonyId);
		if (getGroup(db, p.groupId)?.ceremonyId !== place.id)
			throw new CommandError('not_found', say('ceremony.refusal.noGroup'));
		const checkin = {
			id: uuidFromName(`checkin:${commandId}`),
			ceremonyId: place.id,
			inviteeId: null,
			inviteeName: null,
			groupId: p.groupId,
			count: p.count,
			gate: actorLabel(actor),
			at: pressTime(dayNow(db), p.at),
			undone: false
		};
		insertCheckin(db, { ...checkin, realAt: Date.now(), demo });
		return checkedIn(place, checkin);
	}
});

export const undo = defineCommand({
	type: 'gate.undo',
	emits: ['ceremony.checkin_undone'],
	action: 'gate.check_in',
	// a check-in is undone at its own ceremony, whichever the sender names
	target: (p, db, actor) =>
		theCeremony({ ceremonyId: getCheckin(db, p.checkinId)?.ceremonyId ?? p.ceremonyId }, db, actor),
	apply(db, p, { actor }) {
		const checkin = getCheckin(db, p.checkinId);
		if (!checkin) throw new CommandError('not_found', say('ceremony.refusal.noCheckin'));
		const place = existingCeremony(db, actor, checkin.ceremonyId);
		if (checkin.undone) throw new CommandError('conflict', say('ceremony.refusal.alreadyUndone'));
		const ownGate = checkin.gate === actorLabel(actor);
		const organizer = authorize(actor, 'ceremony.setup', { unitId: place.unitId });
		if (!ownGate && !organizer) throw new CommandError('forbidden', say('ceremony.refusal.otherGate'));
		if (ownGate && Date.now() - checkin.realAt > config.undoMinutes * 60_000 && !organizer)
			throw new CommandError('conflict', say('ceremony.refusal.undoLate', { minutes: config.undoMinutes }));
		undoCheckin(db, checkin.id, dayNow(db));
		const { realAt: _realAt, ...view } = checkin;
		return {
			type: 'ceremony.checkin_undone',
			data: { checkin: { ...view, undone: true } },
			...heard(place)
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const ceremonyHandlers = [
	saveSetup,
	saveGroupCommand,
	removeGroupCommand,
	importInvitees,
	checkIn,
	countGroup,
	undo
];
