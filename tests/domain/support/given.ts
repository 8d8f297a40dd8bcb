/**
 * The situations a domain test starts from: the demo scenario imported, the day's clock at a
 * chosen time, people signed in with a role, photos already uploaded. Set up through the same
 * command path and stores the app uses, never by hand-written rows.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Role, ScenarioInput } from '../../../src/lib/scenario/schema';
import { userActor, type Actor } from '../../../src/lib/server/access';
import { setDayClock } from '../../../src/lib/server/day-clock';
import { db } from '../../../src/lib/server/db';
import { completeUpload, createUpload } from '../../../src/lib/server/photos/store';
import { getUser, insertUser } from '../../../src/lib/server/users/store';
import { accepted, run } from './command';

/** The command line's actor: what `npm run scenario import` acts as. */
export const commandLine: Actor = { kind: 'system', label: 'Dòng lệnh' };

const demoFile = path.resolve('data/scenarios/quan7-2024.json');
let demo: ScenarioInput | undefined;

/** A copy of the demo scenario (data/scenarios/quan7-2024.json), to import as is or change. */
export function demoScenario(): ScenarioInput {
	demo ??= JSON.parse(fs.readFileSync(demoFile, 'utf8')) as ScenarioInput;
	return structuredClone(demo);
}

/**
 * The demo's Quận 7 as one level of a city: the city at the top, beside Quận 7 another district
 * with a ward and a truck of its own. Quận 7's day is the demo's, whole.
 */
export function nestedInACity(): ScenarioInput {
	const plan = demoScenario();
	const city = { id: 'thanh-pho', name: 'Thành phố', kind: 'city' as const, parentId: null };
	plan.units = [
		city,
		...plan.units.map((u) => (u.parentId === null ? { ...u, parentId: city.id } : u)),
		{ id: 'quan-khac', name: 'Quận Khác', kind: 'district', parentId: city.id },
		{ id: 'phuong-khac', name: 'Phường Khác', kind: 'ward', parentId: 'quan-khac' }
	];
	plan.trucks = [
		...(plan.trucks ?? []),
		{ id: 'xe-khac', name: 'Xe loa Phường Khác', unitId: 'phuong-khac' }
	];
	return plan;
}

/**
 * A plan with a ceremony of Quận 7's own beside the top level's (the plan's single `ceremony`):
 * held at Quận 7's culture centre half an hour after the city's, with groups of its own.
 */
export function withQuan7Ceremony(plan: ScenarioInput): ScenarioInput {
	plan.ceremonies = [
		{
			id: 'le-quan7',
			unitId: 'ttvh-tt',
			title: 'Lễ khai mạc Tuần lễ cấp quận',
			place: 'Trung tâm Văn hóa - Thể thao Quận 7',
			startsAt: '2024-10-03T08:30:00+07:00',
			groups: [
				{ id: 'q7-lanh-dao', name: 'Lãnh đạo quận', expected: 5 },
				{ id: 'q7-hoc-sinh', name: 'Học sinh', expected: 50 }
			]
		}
	];
	return plan;
}

/** Day time, from the ISO time of the scenario's plan (Việt Nam time). */
export const vn = (isoLocal: string): number => Date.parse(`${isoLocal}+07:00`);

/** The day's clock reads `dayTime` now, and runs on at real speed (as a demo day does). */
export function givenDayTime(dayTime: number): void {
	setDayClock(db(), { anchorReal: Date.now(), anchorDay: dayTime, speed: 1 });
}

/**
 * The demo scenario imported (without its accounts: argon2 takes 50 ms a password), the
 * day at `dayTime`: by default the opening morning, before the ceremony and every deadline.
 */
export async function givenTheDemoScenario(
	dayTime = vn('2024-10-03T06:30:00'),
	scenario: ScenarioInput = demoScenario()
): Promise<void> {
	await accepted(run(commandLine, 'scenario.import', { scenario }));
	givenDayTime(dayTime);
}

let people = 0;

/** A person signed in: the actor a session gives the command path. */
export type Person = Extract<Actor, { kind: 'user' }>;

/** Someone signed in with this role (and unit or truck): their account exists, as a session's does. */
export function signedIn(
	role: Role,
	binding: { unitId?: string; truckId?: string; username?: string } = {}
): Person {
	const username = binding.username ?? `${role.replace('_', '-')}-${++people}`;
	const id = insertUser(
		db(),
		{
			username,
			displayName: `Người thử ${username}`,
			role,
			unitId: binding.unitId ?? null,
			truckId: binding.truckId ?? null,
			passwordHash: 'not used: no one logs in here',
			demo: false
		},
		Date.now()
	);
	return userActor(getUser(db(), id)!) as Person;
}

/**
 * A photo a unit's tablet has finished uploading: the upload and the stored photo, as
 * photos/uploads.ts leaves them once the bytes are checked. Returns the upload id a tick or a
 * report names, and the photo's id (its content hash).
 */
export function givenAnUploadedPhoto(unitId: string): { uploadId: string; photoId: string } {
	const uploadId = randomUUID();
	const photoId = createHash('sha256').update(uploadId).digest('hex');
	createUpload(db(), { id: uploadId, unitId, userId: null, total: 1000 }, Date.now());
	completeUpload(db(), uploadId, { id: photoId, width: 1200, height: 800, bytes: 1000 }, false, Date.now());
	return { uploadId, photoId };
}
