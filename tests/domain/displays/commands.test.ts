/**
 * Display links (the wall screens) through the one command path: the ops room creates a link,
 * lays out what its screens show, and revokes it. Read back as the display's login reads it
 * (by token) and as the ops room lists them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultLayout, type DisplayLayout } from '../../../src/lib/displays/layout';
import { db } from '../../../src/lib/server/db';
import { findDisplayLinkByToken, listDisplayLinks } from '../../../src/lib/server/displays/store';
import { accepted, run, send } from '../support/command';
import { databaseContents } from '../support/database';
import { givenTheDemoScenario, signedIn, type Person } from '../support/given';

let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario();
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

async function aLink(name = 'Màn hình hội trường') {
	await accepted(run(coordinator, 'display_link.create', { name }));
	return listDisplayLinks(db()).find((l) => l.name === name)!;
}

describe('a display link', () => {
	it('opens a screen with a long secret token, showing every panel by default', async () => {
		const link = await aLink();

		expect(link.token).toMatch(/^[a-z2-7]{52}$/);
		expect(findDisplayLinkByToken(db(), link.token)).toMatchObject({
			id: link.id,
			revokedAt: null,
			layout: defaultLayout
		});
	});

	it("takes the layout the ops room sets for it, and only that link's screens change", async () => {
		const hall = await aLink('Hội trường');
		const lobby = await aLink('Sảnh');
		const layout: DisplayLayout = {
			...defaultLayout,
			mode: 'rotate',
			panels: ['map', 'ceremony'],
			seconds: 20,
			theme: 'contrast'
		};

		await accepted(run(coordinator, 'display_link.configure', { linkId: hall.id, layout }));

		expect(findDisplayLinkByToken(db(), hall.token)!.layout).toEqual(layout);
		expect(findDisplayLinkByToken(db(), lobby.token)!.layout).toEqual(defaultLayout);
	});

	it('keeps what its other modes had when one mode is changed (the form sends only that mode)', async () => {
		const hall = await aLink('Hội trường');
		const layout = () => findDisplayLinkByToken(db(), hall.token)!.layout;
		await accepted(
			run(coordinator, 'display_link.configure', {
				linkId: hall.id,
				layout: { mode: 'rotate', panels: ['map', 'reports'], seconds: 30, theme: 'contrast' }
			})
		);

		await accepted(
			run(coordinator, 'display_link.configure', {
				linkId: hall.id,
				layout: { mode: 'single', panel: 'ceremony' }
			})
		);

		expect(layout()).toEqual({
			mode: 'single',
			panel: 'ceremony',
			panels: ['map', 'reports'],
			seconds: 30,
			theme: 'contrast'
		});
		// rotating again takes up the panels and pace it had
		await accepted(
			run(coordinator, 'display_link.configure', {
				linkId: hall.id,
				layout: { mode: 'rotate', panels: ['map', 'reports'], seconds: 30 }
			})
		);
		expect(layout()).toMatchObject({ mode: 'rotate', panel: 'ceremony', theme: 'contrast' });
	});

	it('refuses a mode without its settings, or a panel twice, and nothing changes', async () => {
		const hall = await aLink('Hội trường');
		const before = databaseContents();

		const noPanel = await run(coordinator, 'display_link.configure', {
			linkId: hall.id,
			layout: { mode: 'single' }
		});
		const twice = await run(coordinator, 'display_link.configure', {
			linkId: hall.id,
			layout: { mode: 'rotate', panels: ['map', 'map'], seconds: 20 }
		});

		expect(noPanel).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'layout.panel' }] });
		expect(twice).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'layout.panels' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('revoked, it no longer changes and cannot be revoked again', async () => {
		const link = await aLink();

		await accepted(run(coordinator, 'display_link.revoke', { linkId: link.id }));

		expect(findDisplayLinkByToken(db(), link.token)!.revokedAt).not.toBeNull();
		expect(await run(coordinator, 'display_link.revoke', { linkId: link.id })).toMatchObject({
			ok: false,
			code: 'conflict'
		});
		expect(
			await run(coordinator, 'display_link.configure', {
				linkId: link.id,
				layout: { mode: 'single', panel: 'map' }
			})
		).toMatchObject({ ok: false, code: 'conflict' });
	});

	it('with a layout that rotates too fast is refused with the field, and nothing changes', async () => {
		const link = await aLink();
		const before = databaseContents();

		const result = await send(coordinator, {
			id: crypto.randomUUID(),
			type: 'display_link.configure',
			payload: { linkId: link.id, layout: { mode: 'rotate', panels: ['map', 'ceremony'], seconds: 2 } }
		});

		expect(result).toMatchObject({ ok: false, code: 'invalid', problems: [{ path: 'layout.seconds' }] });
		expect(databaseContents()).toEqual(before);
	});

	it('is managed by the ops room only: a leader cannot create one, and nothing changes', async () => {
		const leader = signedIn('leader', { unitId: 'quan7' });
		const before = databaseContents();

		const result = await run(leader, 'display_link.create', { name: 'Màn hình riêng' });

		expect(result).toMatchObject({ ok: false, code: 'forbidden' });
		expect(databaseContents()).toEqual(before);
	});
});
