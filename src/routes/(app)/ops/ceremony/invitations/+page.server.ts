import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { groupQr, inviteeQr } from '$lib/server/ceremony/qr';
import { ceremonyShown } from '$lib/server/ceremony/own';
import { ceremonySetup, listGroups, listInvitees } from '$lib/server/ceremony/store';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import type { PageServerLoad } from './$types';

/** Invitation sheets to print: one card per invitee (or one group), each with its QR. */
export const load: PageServerLoad = async (event) => {
	// the reader's level's ceremony, or the one asked for (which must be theirs to set up)
	const place = ceremonyShown(db(), requireActor(event, 'read.ops'), event.url.searchParams.get('ceremony'));
	requireActor(event, 'ceremony.setup', { unitId: place.unitId });
	const setup = place.id ? ceremonySetup(db(), place.id) : null;
	if (!place.id || !setup)
		error(404, { message: translate(event.locals.lang, 'ceremony.invitations.noCeremony') });
	const groups = listGroups(db(), place.id);
	const only = event.url.searchParams.get('group');
	const invitees = listInvitees(db(), place.id).filter((p) => !only || p.groupId === only);
	const groupName = new Map(groups.map((g) => [g.id, g.name]));
	return {
		ceremony: { title: setup.title, place: setup.place, startsAt: Date.parse(setup.startsAt) },
		groups: await Promise.all(groups.map(async (g) => ({ ...g, qr: await groupQr(g.id) }))),
		cards: await Promise.all(
			invitees.map(async (p) => ({
				id: p.id,
				name: p.name,
				title: p.title,
				unit: p.unit,
				group: groupName.get(p.groupId) ?? p.groupId,
				code: p.code,
				qr: await inviteeQr(p.code)
			}))
		),
		only
	};
};
