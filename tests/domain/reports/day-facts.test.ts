/**
 * The day's facts for a report's section I (issue #19), read back against what the day logged
 * through the one command path and the crews' position path: the demo's Quận 7 inside a city,
 * with a ceremony of its own, beside another district whose truck also runs. Each unit's facts
 * are its own scope's: Quận 7's count its wards' trucks, items and reports and its own guests,
 * never the other district's truck nor the city's ceremony.
 */
import { lineString } from '@turf/helpers';
import length from '@turf/length';
import { beforeEach, describe, expect, it } from 'vitest';
import { draftText } from '../../../src/lib/reports/day-facts';
import { listInvitees } from '../../../src/lib/server/ceremony/store';
import { db } from '../../../src/lib/server/db';
import { dayFacts, factsFor } from '../../../src/lib/server/reports/day-facts';
import { fleet } from '../../../src/lib/server/trucks/live-fleet';
import { reportPositions } from '../../../src/lib/server/trucks/watcher';
import { formatKm } from '../../../src/lib/ui/replay/range';
import { accepted, run } from '../support/command';
import { fixAt } from '../support/factories/street';
import {
	demoScenario,
	givenAnUploadedPhoto,
	givenDayTime,
	givenTheDemoScenario,
	nestedInACity,
	signedIn,
	vn,
	withQuan7Ceremony,
	type Person
} from '../support/given';

/** Tân Kiểng's route r-tan-kieng: cp1 at its first point (07:30), cp2 at its second (07:35), cp3 at its fifth (08:15) */
const route = demoScenario().routes!.find((r) => r.id === 'r-tan-kieng')!.line.coordinates as [
	number,
	number
][];
/** the truck's day: cp1 and cp2 on time, cp3 a quarter of an hour late (the ops room's mark is 5 minutes) */
const drive: [number, number, string][] = [
	[...route[0], '07:30'],
	[...route[1], '07:34'],
	[...route[2], '07:45'],
	[...route[3], '07:55'],
	[...route[4], '08:30']
];

const facts = (unitId: string) => dayFacts(db(), unitId);
const text = async (unitId: string, id: string) => (await facts(unitId)).find((f) => f.id === id)?.text;

let quan7: Person;

/** the crew presses "xuất phát" and its phone sends each fix as it takes it */
async function run_(truckId: string, unitId: string, points: [number, number, string][]) {
	const crew = signedIn('truck_crew', { unitId, truckId });
	givenDayTime(vn(`2024-10-04T${points[0][2]}:00`) - 60_000);
	await accepted(run(crew, 'truck.depart', { truckId }));
	for (const [lng, lat, time] of points) {
		const at = vn(`2024-10-04T${time}:00`);
		givenDayTime(at);
		const ack = await reportPositions(crew, { truckId, fixes: [fixAt([lng, lat], at)] }, 'vi');
		expect(ack).toMatchObject({ ok: true });
	}
	fleet().flush(db());
}

async function tick(unitId: string, itemId: string, time: string) {
	givenDayTime(vn(time));
	const staff = signedIn('ward_staff', { unitId });
	const { uploadId } = givenAnUploadedPhoto(unitId);
	await accepted(run(staff, 'checklist.tick', { itemId, uploads: [uploadId], quantityDone: null, note: '' }));
}

async function submit(unitId: string, time: string) {
	givenDayTime(vn(time));
	const staff = signedIn('unit_staff', { unitId });
	await accepted(run(staff, 'report.submit', { unitId, figures: {}, narrative: {} }));
}

beforeEach(async () => {
	await givenTheDemoScenario(vn('2024-10-03T06:00:00'), withQuan7Ceremony(nestedInACity()));
	quan7 = signedIn('coordinator', { unitId: 'ttvh-tt' });
});

describe("a unit's day in facts", () => {
	it('says nothing when the day logged nothing', async () => {
		// a plan with trucks, items, a ceremony and units beneath: none of it has happened yet
		expect((await facts('quan7')).map((f) => f.id)).toEqual(['reports']);
		expect((await facts('phuong-tan-kieng')).map((f) => f.id)).toEqual(['reports']);
		// a school with nothing beneath it and nothing of its own
		expect(await facts('thcs-tan-kieng')).toEqual([]);
		expect(draftText(await facts('thcs-tan-kieng'))).toBe('');
	});

	it("counts the level's trucks that ran, the kilometres of their tracks, the routes covered and the checkpoints on time", async () => {
		await run_('xe-tan-kieng', 'phuong-tan-kieng', drive);
		await run_('xe-khac', 'phuong-khac', [
			[106.69, 10.75, '07:30'],
			[106.695, 10.75, '07:40']
		]);

		const km = formatKm(length(lineString(route.slice(0, 5)), { units: 'meters' }), 'vi');
		// Quận 7 plans eleven trucks (its ten wards' and the TTVH-TT's); xe-khac is not one of them
		expect(await text('quan7', 'trucks.ran')).toBe(
			`Có 1/11 xe loa tuyên truyền lưu động theo kế hoạch chạy, tổng cộng ${km}.`
		);
		// the ten routes' checkpoints (50), of which cp1 and cp2 reached on time; the coverage as the ops room sees it
		const routes = fleet()
			.trucks()
			.filter((t) => t.routeId)
			.map((t) => ({ id: t.id, lengthM: fleet().route(t.routeId)!.lengthM }))
			.filter((t) => t.id !== 'xe-khac');
		const covered = fleet().view('xe-tan-kieng', vn('2024-10-04T08:30:00'))!.coverage!;
		expect(covered).toBeGreaterThan(0);
		const lengthM = routes.reduce((n, r) => n + r.lengthM, 0);
		const share = (covered * routes.find((r) => r.id === 'xe-tan-kieng')!.lengthM) / lengthM;
		// a part of one route of ten: some, not yet one in a hundred, and said so rather than "0%"
		expect(share).toBeGreaterThan(0);
		expect(share).toBeLessThan(0.005);
		expect(await text('quan7', 'trucks.routes')).toBe(
			'Các xe phủ dưới 1% tuyến đường theo lộ trình; 2/50 điểm mốc đến đúng giờ.'
		);
		// the ward's own: its one truck, its one route
		expect(await text('phuong-tan-kieng', 'trucks.ran')).toBe(
			`Có 1 xe loa tuyên truyền lưu động chạy, tổng cộng ${km}.`
		);
		expect(await text('phuong-tan-kieng', 'trucks.routes')).toBe(
			`Các xe phủ ${Math.round(covered * 100)}% tuyến đường theo lộ trình; 2/5 điểm mốc đến đúng giờ.`
		);
		// the other district's truck is its own, and the city's are both (Quận 7's eleven and xe-khac)
		expect(await text('quan-khac', 'trucks.ran')).toMatch(
			/^Có 1 xe loa tuyên truyền lưu động chạy, tổng cộng /
		);
		expect(await text('thanh-pho', 'trucks.ran')).toMatch(/^Có 2\/12 xe loa/);
		// a ward whose truck stayed home says nothing of trucks
		expect((await facts('phuong-phu-my')).filter((f) => f.topic === 'trucks')).toEqual([]);
	});

	it('names each unit with items done, how many of its items and when the last was done', async () => {
		await tick('phuong-tan-kieng', 'cl-tan-kieng-1', '2024-10-03T08:10:00');
		await tick('phuong-tan-kieng', 'cl-tan-kieng-3', '2024-10-03T09:45:00');
		await tick('phuong-phu-my', 'cl-phu-my-2', '2024-10-03T10:05:00');

		const q7 = (await facts('quan7')).filter((f) => f.topic === 'checklists');
		expect(q7.map((f) => f.id)).toEqual([
			'checklists.all',
			'checklists.phuong-tan-kieng',
			'checklists.phuong-phu-my'
		]);
		// Quận 7's 57 items, at its ten wards and the TTVH-TT
		expect(q7[0].text).toBe(
			'Việc treo cờ, phướn, băng rôn, pano, áp phích, khẩu hiệu: hoàn thành 3/57 hạng mục tại 11 đơn vị.'
		);
		expect(q7[1].text).toBe(
			'Phường Tân Kiểng hoàn thành 2/5 hạng mục trang trí, tuyên truyền trực quan, hạng mục gần nhất xong lúc 9g45 03/10/2024.'
		);
		expect(q7[1].source).toMatchObject({ href: '/ward?unit=phuong-tan-kieng', read: 'read.unit' });
		// the ward's own page: only its own line, no other ward's
		expect(
			(await facts('phuong-tan-kieng')).filter((f) => f.topic === 'checklists').map((f) => f.id)
		).toEqual(['checklists.phuong-tan-kieng']);
		expect((await facts('phuong-tan-hung')).filter((f) => f.topic === 'checklists')).toEqual([]);
	});

	it("counts its own ceremony's guests by group against the expected, not the city's", async () => {
		const city = signedIn('coordinator', { unitId: 'thanh-pho' });
		await accepted(
			run(quan7, 'ceremony.import_invitees', {
				mode: 'replace',
				invitees: [{ name: 'Nguyễn Thị Lan', title: 'Phó Chủ tịch UBND quận', groupId: 'q7-lanh-dao' }]
			})
		);
		givenDayTime(vn('2024-10-03T08:20:00'));
		const gate = signedIn('gate_staff', { unitId: 'ttvh-tt' });
		const code = listInvitees(db(), 'le-quan7')[0].code;
		await accepted(run(gate, 'gate.check_in', { code }));
		await accepted(run(gate, 'gate.count', { groupId: 'q7-hoc-sinh', count: 42 }));
		await accepted(run(city, 'gate.count', { ceremonyId: 'khai-mac', groupId: 'hoc-sinh', count: 300 }));

		const ceremony = (await facts('quan7')).find((f) => f.topic === 'ceremony')!;
		expect(ceremony.text).toBe(
			'Lễ khai mạc Tuần lễ cấp quận có 43/55 đại biểu, khách mời dự kiến đến tham dự (Lãnh đạo quận 1/5; Học sinh 42/50).'
		);
		expect(ceremony.source).toMatchObject({ href: '/ops/ceremony?ceremony=le-quan7', read: 'read.ops' });
		// the city's ceremony is the city's; a ward and the TTVH-TT (which set Quận 7's up) hold none
		expect(await text('thanh-pho', 'ceremony')).toMatch(/có 300\/\d+ đại biểu/);
		expect((await facts('phuong-tan-kieng')).filter((f) => f.topic === 'ceremony')).toEqual([]);
		expect((await facts('ttvh-tt')).filter((f) => f.topic === 'ceremony')).toEqual([]);
	});

	it('says which units beneath reported on time, late, or not at all', async () => {
		await submit('thcs-tan-kieng', '2024-10-09T10:00:00');
		// the deadline is 17:00 on 11/10
		await submit('th-tan-kieng', '2024-10-12T09:00:00');

		expect(await text('phuong-tan-kieng', 'reports')).toBe(
			'Trong 3 đơn vị trực thuộc phải báo cáo: 1 đơn vị gửi đúng hạn, 1 đơn vị (Trường Tiểu học Tân Kiểng) gửi trễ hạn, 1 đơn vị (Trung tâm học tập cộng đồng phường Tân Kiểng) chưa gửi.'
		);
		// Quận 7's: its 41 units beneath that report; beyond five, those not sent are counted, not named
		expect(await text('quan7', 'reports')).toBe(
			'Trong 41 đơn vị trực thuộc phải báo cáo: 1 đơn vị gửi đúng hạn, 1 đơn vị (Trường Tiểu học Tân Kiểng) gửi trễ hạn, 39 đơn vị chưa gửi.'
		);
		// the other district has nothing of Quận 7's
		expect(await text('quan-khac', 'reports')).toBe(
			'Trong 1 đơn vị trực thuộc phải báo cáo: 1 đơn vị (Phường Khác) chưa gửi.'
		);
	});

	it('drafts one paragraph per topic, and links a source only for a reader who may open it', async () => {
		await run_('xe-tan-kieng', 'phuong-tan-kieng', drive.slice(0, 2));
		await tick('phuong-tan-kieng', 'cl-tan-kieng-1', '2024-10-04T09:00:00');

		const all = await facts('phuong-tan-kieng');
		const paragraphs = draftText(all).split('\n\n');
		expect(paragraphs).toEqual([
			`${await text('phuong-tan-kieng', 'trucks.ran')} ${await text('phuong-tan-kieng', 'trucks.routes')}`,
			await text('phuong-tan-kieng', 'checklists.phuong-tan-kieng'),
			await text('phuong-tan-kieng', 'reports')
		]);

		// the ward's staff open their own checklist, not the ops room's pages, and hear nothing of the
		// units beneath the ward (their reports are not theirs to read)
		const staff = signedIn('ward_staff', { unitId: 'phuong-tan-kieng' });
		const links = async (reader: Person) =>
			Object.fromEntries(
				(await factsFor(reader, db(), 'phuong-tan-kieng')).map((f) => [f.id, f.source.href])
			);
		expect(await links(staff)).toEqual({
			'trucks.ran': null,
			'trucks.routes': null,
			'checklists.phuong-tan-kieng': '/ward?unit=phuong-tan-kieng'
		});
		expect(await links(quan7)).toEqual({
			'trucks.ran': '/ops/replay',
			'trucks.routes': '/ops/trucks',
			'checklists.phuong-tan-kieng': '/ward?unit=phuong-tan-kieng',
			reports: '/reports/overview'
		});
	});
});
