import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { groupQr, inviteeQr } from '$lib/server/ceremony/qr';
import { ceremonySetup, listGroups, listInvitees } from '$lib/server/ceremony/store';
import { db } from '$lib/server/db';
import { requireActor } from '$lib/server/guard';
import { unitTree } from '$lib/server/scenario/tree';
import type { PageServerLoad } from './$types';

/** Invitation sheets to print: one card per invitee (or one group), each with its QR. */
export const load: PageServerLoad = async (event) => {
	requireActor(event, 'ceremony.setup', { unitId: unitTree(db()).root });
	const setup = ceremonySetup(db());
	if (!setup) error(404, { message: translate(event.locals.lang, 'ceremony.invitations.noCeremony') });
	const groups = listGroups(db());
	const only = event.url.searchParams.get('group');
	const invitees = listInvitees(db()).filter((p) => !only || p.groupId === only);
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
