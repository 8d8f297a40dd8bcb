/**
 * The scenario file: one event's whole setup (Tuần lễ of a year) as validated data.
 * Nothing about a particular district lives in code; another plan is another file.
 * Positions are [longitude, latitude] as in GeoJSON. Times are ISO 8601 with an offset.
 */
import { z } from '$lib/zod';
import { slugPattern } from '../command-fields';
import { official } from '../reports/official';

// the messages are catalogue keys (src/lib/i18n/vi/admin.ts), said in the reader's language
const id = z.string().regex(slugPattern, 'admin.schema.id');
const text = (max = 500) =>
	z.string().trim().min(1, 'admin.schema.required').max(max, 'admin.schema.maxChars');
const dateTime = z.iso.datetime({ offset: true, error: 'admin.schema.dateTime' });
const date = z.iso.date({ error: 'admin.schema.date' });
/** a time, or a day without an hour ("ngày 11/10"): due by that day's end (milestone-time.ts) */
const dayOrTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
	error: 'admin.schema.dayOrTime'
});
const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
	error: 'admin.schema.lngLat'
});

/** the format a scenario file names itself with */
export const scenarioFormat = 'khai-mac/scenario@1';

/**
 * What a unit is (đơn vị), by level and sort; its words are in src/lib/units/kinds.ts. `school`
 * (a school of no stated level) and the rest of the first list stay valid for older files.
 */
export const unitKinds = [
	// province and city (tỉnh, thành phố trực thuộc trung ương)
	'province',
	'city',
	// districts, gone since 1 July 2025 but in older plans (quận, huyện, thị xã)
	'district',
	'rural_district',
	'town',
	// wards and communes (phường, xã, thị trấn, đặc khu)
	'ward',
	'commune',
	'township',
	'special_zone',
	// residential groups (tổ dân phố, khu phố, thôn, ấp)
	'residential_group',
	'quarter',
	'village',
	'hamlet',
	// schools (trường; mầm non, tiểu học, THCS, THPT)
	'school',
	'preschool',
	'primary_school',
	'lower_secondary_school',
	'upper_secondary_school',
	// community learning centers (TTHTCĐ) and the like
	'learning_center',
	// agencies (phòng, ban, Sở) and organizations (đoàn thể, hội)
	'agency',
	'organization'
] as const;
export const roles = [
	'admin',
	'coordinator',
	'leader',
	'ward_staff',
	'truck_crew',
	'gate_staff',
	'unit_staff'
] as const;
export const checklistKinds = ['co', 'phuon', 'bang_ron', 'pano', 'ap_phich', 'khau_hieu'] as const;
export const milestoneKinds = ['gathering', 'ceremony', 'parade', 'deadline', 'report', 'other'] as const;

export const unitSchema = z.strictObject({
	id,
	name: text(200),
	/** đơn vị: tỉnh, quận, phường, xã, tổ dân phố, trường, TTHTCĐ, phòng ban, đoàn thể… (unitKinds) */
	kind: z.enum(unitKinds),
	parentId: id.nullable(),
	/** where the unit is (a ward's office), for the map */
	position: lngLat.optional(),
	/** false: not expected to send report figures (a radio station, an office that only helps) */
	reports: z.boolean().optional()
});

/** a gathering point's radius when the plan gives none: a square, a school yard, a stretch of kerb */
export const defaultGatheringRadiusM = 150;

export const milestoneSchema = z.strictObject({
	id,
	title: text(200),
	at: dayOrTime,
	place: text(300).optional(),
	kind: z.enum(milestoneKinds).default('other'),
	/**
	 * the unit whose level's run of show it is in (a district's own parade in a city's plan); none:
	 * the top level's. A level's screens show its own milestones and those of the levels above it.
	 */
	unitId: id.optional(),
	/** a gathering's point (điểm tập kết), for the maps and the count of trucks there */
	position: lngLat.optional(),
	/** metres around `position` within which a truck has gathered (defaultGatheringRadiusM) */
	radiusM: z
		.number()
		.int('admin.schema.radiusM')
		.min(20, 'admin.schema.radiusM')
		.max(5000, 'admin.schema.radiusM')
		.optional(),
	/** the trucks expected there; none given: every truck of the event */
	truckIds: z.array(id).min(1, 'admin.schema.truckIds').optional()
});

export const sloganSchema = z.strictObject({ id, text: text(300) });

export const checkpointSchema = z.strictObject({
	id,
	name: text(200),
	position: lngLat,
	plannedAt: dateTime
});

export const routeSchema = z.strictObject({
	id,
	name: text(200),
	/** lộ trình: a GeoJSON LineString along the streets */
	line: z.strictObject({
		type: z.literal('LineString'),
		coordinates: z.array(lngLat).min(2, 'admin.schema.routePoints')
	}),
	checkpoints: z.array(checkpointSchema).default([])
});

export const truckSchema = z.strictObject({
	id,
	name: text(200),
	unitId: id,
	plate: text(20).optional(),
	crew: z.strictObject({ name: text(100), phone: text(20).optional() }).optional(),
	routeId: id.optional(),
	sloganIds: z.array(id).default([])
});

export const checklistItemSchema = z.strictObject({
	id,
	unitId: id,
	/** hạng mục: cờ, phướn, băng rôn, pano, áp phích, khẩu hiệu */
	kind: z.enum(checklistKinds),
	place: text(300),
	position: lngLat.optional(),
	quantity: z.number().int().min(1).max(100000),
	sloganId: id.optional(),
	deadline: dateTime
});

export const invitedGroupSchema = z.strictObject({
	id,
	/** thành phần: đại biểu, lãnh đạo, trường, học sinh, đoàn thể, báo chí */
	name: text(200),
	expected: z.number().int().min(0).max(1000000)
});

export const ceremonySchema = z.strictObject({
	title: text(300),
	place: text(300),
	position: lngLat.optional(),
	startsAt: dateTime,
	groups: z.array(invitedGroupSchema).default([])
});

/**
 * A level's own ceremony (a district's, in a city's plan): the level of `unitId` runs it. The
 * plan's single `ceremony` is the top level's, under the id `topCeremonyId`.
 */
export const levelCeremonySchema = ceremonySchema.extend({ id, unitId: id });

/** the id the single `ceremony` of a plan (and of a database from before levels had theirs) goes by */
export const topCeremonyId = 'khai-mac';

export const reportRowSchema = z.strictObject({
	id,
	/** STT as printed: "1", "2"… on section rows, empty on sub-rows */
	stt: z.string().max(10).default(''),
	section: z.number().int().min(1).max(99),
	label: text(500),
	/** đơn vị tính as printed, e.g. "lớp/người", "Quyển", "đồng" */
	measure: z.string().max(100).default(''),
	/** which of the two quantity cells (số lớp/số cuộc thi, người) take numbers */
	inputs: z.enum(['none', 'count', 'people', 'both']),
	/** amounts in đồng (kinh phí): entered in the first quantity cell */
	money: z.boolean().default(false),
	/** chỉ tiêu, where the plan gives one (the coordinator may set it too) */
	target: z
		.object({ count: z.number().int().min(0).optional(), people: z.number().int().min(0).optional() })
		.optional(),
	/** a key row: shown as a big number on the wall display */
	key: z.boolean().default(false),
	note: z.string().max(500).default('')
});

/** The report form around the table (mẫu báo cáo): heading, narrative sections, table heading. */
export const reportFormSchema = z.strictObject({
	/** the place in "Quận 7, ngày … tháng … năm 2024" */
	place: z.string().trim().max(100).default(''),
	title: z.string().trim().max(100).default(official.title),
	/** e.g. "Thực hiện Tuần lễ hưởng ứng học tập suốt đời năm 2024" */
	subtitle: z.string().trim().max(300).default(''),
	/** the narrative sections the unit writes before the table (I, II) */
	sections: z
		.array(z.strictObject({ id, title: text(300), hint: z.string().max(1000).default('') }))
		.max(10)
		.default([]),
	/** the heading over the table, e.g. "III. TỔNG HỢP SỐ LIỆU …" */
	tableHeading: z.string().trim().max(500).default('')
});

export const reportTableSchema = z.strictObject({
	title: text(500),
	/** the two sub-columns under "Số lượng" */
	quantityColumns: z.tuple([text(100), text(100)]),
	form: reportFormSchema.optional(),
	rows: z.array(reportRowSchema).min(1)
});

export const accountSchema = z.strictObject({
	username: z.string().regex(/^[a-z0-9._-]{3,40}$/, 'admin.schema.username'),
	displayName: text(100),
	role: z.enum(roles),
	unitId: id.optional(),
	truckId: id.optional(),
	password: z.string().min(8, 'admin.users.passwordMin').max(200)
});

export const scenarioSchema = z.strictObject({
	format: z.literal(scenarioFormat, { error: 'admin.schema.format' }),
	event: z.strictObject({
		id,
		name: text(300),
		theme: text(500),
		startDate: date,
		endDate: date,
		timeZone: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
		organizerUnitId: id,
		/** the plan that orders it, e.g. "Kế hoạch số …/KH-UBND" */
		plan: z.string().max(500).optional(),
		reportDeadline: dateTime.optional(),
		/**
		 * a rehearsal (diễn tập): the plan moved to other days (rehearsal.ts), and the first day the
		 * plan itself gave. Set by an import "on date D"; kept by the export, so it stays labelled.
		 */
		rehearsal: z.strictObject({ originalStartDate: date }).optional()
	}),
	units: z.array(unitSchema).min(1),
	milestones: z.array(milestoneSchema).default([]),
	slogans: z.array(sloganSchema).default([]),
	routes: z.array(routeSchema).default([]),
	trucks: z.array(truckSchema).default([]),
	checklistItems: z.array(checklistItemSchema).default([]),
	/** the top level's ceremony (lễ khai mạc); a level's own are in `ceremonies` */
	ceremony: ceremonySchema.optional(),
	/** a ceremony per level, each run by the level of its unit (one per level) */
	ceremonies: z.array(levelCeremonySchema).optional(),
	reportTable: reportTableSchema.optional(),
	/** demo accounts, created on import when asked (npm run demo does) */
	accounts: z.array(accountSchema).default([])
});

/**
 * The file as people write it, for editors (docs/scenario.schema.json): the report table pasted
 * or named after a shipped template (data/report-tables/<name>.json), which the import puts in
 * place before checking the file against `scenarioSchema` (see report-templates.ts).
 */
export const scenarioFileSchema = scenarioSchema.extend({
	reportTable: z.union([reportTableSchema, z.string().regex(slugPattern)]).optional()
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Unit = z.infer<typeof unitSchema>;
export type UnitKind = (typeof unitKinds)[number];
export type Role = (typeof roles)[number];
export type Milestone = z.infer<typeof milestoneSchema>;
export type LevelCeremony = z.infer<typeof levelCeremonySchema>;
export type ReportTable = z.infer<typeof reportTableSchema>;
export type ReportRow = z.infer<typeof reportRowSchema>;
export type ReportForm = z.infer<typeof reportFormSchema>;
