/**
 * The invitee list imported again: the same people are updated in place, never added twice, and
 * keep their QR codes (the letters are printed); names are stored in one Unicode form (NFC), so a
 * name typed or saved in the decomposed form (NFD) is the same name, at the import and at the gate.
 * Each import says how many were added, updated, left unchanged (and, replacing, removed).
 */
import fs from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { searchInvitees } from '../../../src/lib/ceremony/search';
import { readInviteeFile } from '../../../src/lib/server/ceremony/invitee-file';
import { listGroups, listInvitees } from '../../../src/lib/server/ceremony/store';
import { db } from '../../../src/lib/server/db';
import { accepted, run } from '../support/command';
import { recordEmitted } from '../support/emitted';
import { givenTheDemoScenario, signedIn, vn, type Person } from '../support/given';

const demoList = fs.readFileSync('data/scenarios/quan7-2024-invitees-demo.csv');
const emitted = recordEmitted();
let coordinator: Person;

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-03T07:00:00'));
	coordinator = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

/** a file read as the ops page and the command line read it, then imported */
async function importFile(bytes: Buffer | string, mode: 'append' | 'replace') {
	const list = await readInviteeFile('khach-moi.csv', Buffer.from(bytes), listGroups(db()), 'vi');
	expect(list.problems).toEqual([]);
	await accepted(run(coordinator, 'ceremony.import_invitees', { invitees: list.rows, mode }));
	return emitted.of('ceremony.changed').at(-1)!.event.data;
}

const codes = () => listInvitees(db()).map((p) => [p.name, p.code]);

describe('the shipped demo list imported again', () => {
	it('three times over, with "add to the list": 120 invitees, not 360, each with the code it had', async () => {
		expect(await importFile(demoList, 'append')).toMatchObject({
			change: { added: 120, updated: 0, unchanged: 0, removed: 0 }
		});
		const first = codes();

		expect(await importFile(demoList, 'append')).toMatchObject({
			change: { added: 0, updated: 0, unchanged: 120, removed: 0 }
		});
		await importFile(demoList, 'replace');

		expect(listInvitees(db())).toHaveLength(120);
		expect(codes()).toEqual(first);
	});

	it('with a title and a phone changed: updated in place, the QR code kept', async () => {
		await importFile(demoList, 'append');
		const before = listInvitees(db()).find((p) => p.name === 'Hoàng Thanh Chi')!;
		const edited = demoList
			.toString('utf8')
			.replace('Hoàng Thanh Chi,Chủ tịch UBND Quận 7 (demo)', 'Hoàng Thanh Chi,Bí thư Quận ủy Quận 7 (demo)')
			.replace('0959081935', '0909000111');

		expect(await importFile(edited, 'append')).toMatchObject({
			change: { added: 0, updated: 1, unchanged: 119 }
		});
		expect(listInvitees(db()).find((p) => p.name === 'Hoàng Thanh Chi')).toEqual({
			...before,
			title: 'Bí thư Quận ủy Quận 7 (demo)',
			phone: '0909000111'
		});
	});

	it('replacing with a shorter list removes those not in it, and says how many', async () => {
		await importFile(demoList, 'append');
		const lines = demoList.toString('utf8').trimEnd().split('\n');

		expect(await importFile(lines.slice(0, 101).join('\n'), 'replace')).toMatchObject({
			change: { mode: 'replace', added: 0, updated: 0, unchanged: 100, removed: 20 }
		});
		expect(listInvitees(db())).toHaveLength(100);
	});
});

describe('a name in the decomposed Unicode form (NFD), as some keyboards and old files write it', () => {
	const nfd = 'Nguyễn Thị Ánh Tuyết'.normalize('NFD');
	const file = (name: string) => `Họ tên,Đơn vị,Thành phần\n${name},UBND Quận 7,Báo chí\n`;

	it('is stored in the composed form (NFC), and the same list in NFC is the same person', async () => {
		await importFile(file(nfd), 'append');
		expect(listInvitees(db()).map((p) => p.name)).toEqual(['Nguyễn Thị Ánh Tuyết'.normalize('NFC')]);
		expect(listInvitees(db())[0].name).not.toBe(nfd);

		expect(await importFile(file(nfd.normalize('NFC')), 'append')).toMatchObject({
			change: { added: 0, unchanged: 1 }
		});
		expect(listInvitees(db())).toHaveLength(1);
	});

	it('is found at the gate whether the staff type it composed, decomposed or without accents', async () => {
		await importFile(file(nfd), 'append');
		const people = listInvitees(db());
		for (const query of ['Ánh Tuyết'.normalize('NFD'), 'Ánh Tuyết'.normalize('NFC'), 'anh tuyet'])
			expect(
				searchInvitees(people, query).map((p) => p.name),
				query
			).toEqual(['Nguyễn Thị Ánh Tuyết'.normalize('NFC')]);
	});
});

describe('two people with the same name, unit and group on one list', () => {
	it('are two invitees, and the same list again still two', async () => {
		const twins = 'Họ tên,Thành phần\nNguyễn Văn An,Học sinh\nNguyễn Văn An,Học sinh\n';
		expect(await importFile(twins, 'append')).toMatchObject({ change: { added: 2 } });
		expect(await importFile(twins, 'append')).toMatchObject({ change: { added: 0, unchanged: 2 } });
		expect(listInvitees(db())).toHaveLength(2);
	});
});
