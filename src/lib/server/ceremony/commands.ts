/**
 * Ceremony commands: the coordinator's setup and invitee lists, the gates' check-ins. A person
 * is in once: the second check-in, at any gate, is refused with when and where the first was.
 */
import type { CeremonyChange } from '$lib/ceremony/events';
import { matchInvitees } from '$lib/ceremony/invitee-match';
import type { CheckinView, InviteeView } from '$lib/ceremony/types';
import { say } from '$lib/i18n';
import { formatHour } from '$lib/time/format';
import { actorLabel, authorize } from '../access';
import { dayNow, pressTime } from '../day-clock';
import { config } from '../config';
import { CommandError, defineCommand, type Emit } from '../commands/define';
import type { Db } from '../db';
import { shortCode, uuidFromName } from '../ids';
import { unitTree } from '../scenario/tree';
import {
	appendInvitees,
	ceremonySetup,
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

const audience = ['ops', 'display', 'gate'];

/** The ceremony is the whole event's: its setup and its gates are the top level's. */
const theCeremony = (_: unknown, db: Db) => ({ unitId: unitTree(db).root });

function changed(change: CeremonyChange): Emit<'ceremony.changed'> {
	return { type: 'ceremony.changed', data: { change }, audience };
}

export const saveSetup = defineCommand({
	type: 'ceremony.save_setup',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p) {
		const before = ceremonySetup(db);
		if (!saveCeremonySetup(db, { ...before, ...p }))
			throw new CommandError('not_found', say('ceremony.refusal.noScenario'));
		return changed({ what: 'setup', title: p.title, startsAt: Date.parse(p.startsAt) });
	}
});

export const saveGroupCommand = defineCommand({
	type: 'ceremony.save_group',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p) {
		const existed = !!getGroup(db, p.group.id);
		saveGroup(db, p.group);
		return changed({ what: 'group', name: p.group.name, expected: p.group.expected, added: !existed });
	}
});

export const removeGroupCommand = defineCommand({
	type: 'ceremony.remove_group',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p) {
		const group = getGroup(db, p.groupId);
		if (!group) throw new CommandError('not_found', say('ceremony.refusal.noGroup'));
		if (groupUse(db, p.groupId) > 0)
			throw new CommandError('conflict', say('ceremony.refusal.groupInUse', { name: group.name }));
		removeGroup(db, p.groupId);
		return changed({ what: 'group_removed', name: group.name });
	}
});

export const importInvitees = defineCommand({
	type: 'ceremony.import_invitees',
	emits: ['ceremony.changed'],
	action: 'ceremony.setup',
	target: theCeremony,
	apply(db, p, { commandId, demo }) {
		const groups = new Set(listGroups(db).map((g) => g.id));
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
		if (p.mode === 'replace' && namedCheckinCount(db) > 0)
			throw new CommandError('conflict', say('ceremony.refusal.replaceAfterCheckins'));
		// the people already invited are updated in place, keeping the codes on their letters
		const existing = listInvitees(db);
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
		appendInvitees(db, added);
		if (p.mode === 'replace')
			orderInvitees(
				db,
				listed.map((person) => person.id)
			);
		return changed({
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

function checkedIn(checkin: CheckinView): Emit<'ceremony.checked_in'> {
	return { type: 'ceremony.checked_in', data: { checkin }, audience };
}

export const checkIn = defineCommand({
	type: 'gate.check_in',
	emits: ['ceremony.checked_in'],
	action: 'gate.check_in',
	target: theCeremony,
	apply(db, p, { actor, commandId, demo, lang }) {
		const invitee = p.inviteeId ? getInvitee(db, p.inviteeId) : inviteeByCode(db, p.code!);
		if (!invitee)
			throw new CommandError(
				'not_found',
				say(p.code ? 'ceremony.refusal.unknownCode' : 'ceremony.refusal.unknownInvitee')
			);
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
			inviteeId: invitee.id,
			inviteeName: invitee.name,
			groupId: invitee.groupId,
			count: 1,
			gate: actorLabel(actor),
			at: pressTime(dayNow(db), p.at),
			undone: false
		};
		insertCheckin(db, { ...checkin, realAt: Date.now(), demo });
		return checkedIn(checkin);
	}
});

export const countGroup = defineCommand({
	type: 'gate.count',
	emits: ['ceremony.checked_in'],
	action: 'gate.check_in',
	target: theCeremony,
	apply(db, p, { actor, commandId, demo }) {
		if (!getGroup(db, p.groupId)) throw new CommandError('not_found', say('ceremony.refusal.noGroup'));
		const checkin = {
			id: uuidFromName(`checkin:${commandId}`),
			inviteeId: null,
			inviteeName: null,
			groupId: p.groupId,
			count: p.count,
			gate: actorLabel(actor),
			at: pressTime(dayNow(db), p.at),
			undone: false
		};
		insertCheckin(db, { ...checkin, realAt: Date.now(), demo });
		return checkedIn(checkin);
	}
});

export const undo = defineCommand({
	type: 'gate.undo',
	emits: ['ceremony.checkin_undone'],
	action: 'gate.check_in',
	target: theCeremony,
	apply(db, p, { actor }) {
		const checkin = getCheckin(db, p.checkinId);
		if (!checkin) throw new CommandError('not_found', say('ceremony.refusal.noCheckin'));
		if (checkin.undone) throw new CommandError('conflict', say('ceremony.refusal.alreadyUndone'));
		const ownGate = checkin.gate === actorLabel(actor);
		const organizer = authorize(actor, 'ceremony.setup', theCeremony(p, db));
		if (!ownGate && !organizer) throw new CommandError('forbidden', say('ceremony.refusal.otherGate'));
		if (ownGate && Date.now() - checkin.realAt > config.undoMinutes * 60_000 && !organizer)
			throw new CommandError('conflict', say('ceremony.refusal.undoLate', { minutes: config.undoMinutes }));
		undoCheckin(db, checkin.id, dayNow(db));
		const { realAt: _realAt, ...view } = checkin;
		return { type: 'ceremony.checkin_undone', data: { checkin: { ...view, undone: true } }, audience };
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
