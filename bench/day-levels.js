// The opening day on a province's nested plan, for bench/day.js (BENCH_DAY_PLAN=nested, npm run
// bench:day-levels): about 100 wards and communes under the province, each ward's coordinator,
// leader and wall screen scoped to its ward (its `ops@<ward>`/`display@<ward>` rooms, its ward's
// cut of the position frame), the province's consoles and screens seeing everything. The day is
// driven by the same driveDay as the flat plan; what is here is who is in which room, each
// command's audience (for the bare baseline and for counting what should arrive) and the checks
// that no ward's client hears of another ward's units or sees another ward's trucks.
import Database from 'better-sqlite3';
import { unpackFrame } from '../src/lib/trucks/position-frame.js';
import { dayCommands, dayRates, daySenders } from './day-load.js';
import { connect, inGroups, provinceScenario } from './lib.js';

/** who is connected on a province's day, besides a crew phone per truck: about 5,000 sockets */
export const provinceMix = {
	provinceOps: 10, // the Sở's consoles
	provinceLeaders: 10, // the province's leaders' phones
	provinceDisplays: 10, // the province's wall screens, on 5 links
	wardOps: 200, // each ward's coordinator, on two devices
	wardLeaders: 100, // each ward's leader
	wardDisplays: 100, // each ward's wall screen, on its own link
	wardTablets: 3000, // ward staff, 30 per ward
	unitStaff: 991, // schools and learning centers filling in their reports
	gates: 250 // gate staff at the province's ceremony
};
const provinceLinks = 5;

/** the day's rates, and the wards' coordinators messaging a truck of theirs */
export const provinceRates = {
	...dayRates,
	crewMessages: Number(process.env.BENCH_CREW_MESSAGES_PER_S ?? 0.5)
};

export const provinceCommands = {
	...dayCommands,
	crewMessages: (c, n) => ({
		type: 'crew.message',
		payload: { truckId: c.wardTrucks[n % c.wardTrucks.length], body: `Tin ${n}: giữ tốc độ, chờ ở điểm kế.` }
	})
};

export const provinceSenders = {
	...daySenders,
	crewMessages: (c) => c.role === 'coordinator' && c.scope !== null
};

/**
 * The province's plan and where each of its units belongs: the ward it is in (the ward itself,
 * or a unit beneath it), null for the province's own.
 */
export function provincePlan(dir) {
	const scenario = provinceScenario(dir);
	const root = scenario.units.find((u) => !u.parentId).id;
	const wards = scenario.units.filter((u) => u.parentId === root && u.kind !== 'agency');
	const parentOf = new Map(scenario.units.map((u) => [u.id, u.parentId]));
	const wardOf = new Map();
	for (const u of scenario.units) {
		let at = u.id;
		while (at && parentOf.get(at) !== root) at = parentOf.get(at);
		wardOf.set(u.id, at && at !== root && wards.some((w) => w.id === at) ? at : null);
	}
	const truckUnit = new Map(scenario.trucks.map((t) => [t.id, t.unitId]));
	const trucksOf = new Map(
		wards.map((w) => [w.id, scenario.trucks.filter((t) => t.unitId === w.id).map((t) => t.id)])
	);
	return { scenario, root, wards, wardOf, truckUnit, trucksOf };
}

/** The rooms our server puts each client in (roomsFor in access.ts), for the bare baseline. */
function roomsOf(c, root) {
	const line = [c.unitId, ...(c.ward && c.ward !== c.unitId ? [c.ward] : []), root];
	switch (c.role) {
		case 'truck_crew':
			// the import binds a crew to its truck's unit
			return ['staff', `truck:${c.truckId}`, `unit:${c.unitId}`, ...line.map((u) => `under:${u}`)];
		case 'coordinator':
		case 'leader':
			return c.scope
				? ['ops', 'display', 'gate']
						.flatMap((r) => [`${r}@${c.scope}`, `${r}@*`])
						.concat(`unit:${c.unitId}`, `report:${c.unitId}`)
				: ['ops', 'display', 'gate', `unit:${c.unitId}`, `report:${c.unitId}`];
		case 'display':
			return c.scope ? [`display@${c.scope}`, 'display@*'] : ['display'];
		case 'ward_staff':
		case 'unit_staff':
			return ['staff', `unit:${c.unitId}`, `report:${c.unitId}`, ...line.map((u) => `under:${u}`)];
		case 'gate_staff':
			return ['gate', 'staff', `unit:${c.unitId}`, `under:${c.unitId}`, `under:${root}`];
	}
	throw new Error(`no rooms for ${c.role}`);
}

/**
 * The province's connected clients for `sockets` in all: a crew phone per truck, every other
 * kind grows in proportion (5,000 is the mix above). Each carries its ward (`scope` for a
 * level's reader), and a wall screen the link it opens and who makes that link.
 */
export function planProvince({ scenario, root, wards, wardOf, trucksOf }, sockets = 5000) {
	const crews = scenario.trucks.length;
	const baseTotal = Object.values(provinceMix).reduce((a, b) => a + b, 0);
	const mix = Object.fromEntries(
		Object.entries(provinceMix).map(([k, n]) => [
			k,
			Math.max(1, Math.round((n * (sockets - crews)) / baseTotal))
		])
	);
	const account = (username) => scenario.accounts.find((a) => a.username === username);
	const byRole = (role) => scenario.accounts.filter((a) => a.role === role);
	const lineOf = new Map(scenario.routes.map((r) => [r.id, r.line.coordinates]));
	const times = (n, f) => Array.from({ length: n }, (_, i) => f(i));
	const ward = (i) => wards[i % wards.length].id;
	const person = (a, scoped) => ({
		role: a.role,
		username: a.username,
		unitId: a.unitId ?? null,
		scope: scoped ? wardOf.get(a.unitId) : null
	});
	const screen = (scope, link) => ({
		role: 'display',
		username: null,
		unitId: scope,
		scope,
		link: scope ? `Màn hình ${scope}` : `Màn hình tỉnh ${link}`,
		creator: scope ? `dieuphoi-${scope}` : 'sogddt'
	});
	const spread = (accounts, n) => times(n, (i) => person(accounts[i % accounts.length], false));
	const plan = [
		...scenario.trucks.map((t) => ({
			role: 'truck_crew',
			username: t.id,
			unitId: t.unitId,
			truckId: t.id,
			scope: null,
			truck: { ...t, line: lineOf.get(t.routeId) }
		})),
		...times(mix.provinceOps, () => person(account('sogddt'), false)),
		...times(mix.provinceLeaders, () => person(account('lanhdao-tinh'), false)),
		...times(mix.provinceDisplays, (i) => screen(null, 1 + (i % provinceLinks))),
		...times(mix.wardOps, (i) => person(account(`dieuphoi-${ward(i)}`), true)),
		...times(mix.wardLeaders, (i) => person(account(`lanhdao-${ward(i)}`), true)),
		...times(mix.wardDisplays, (i) => screen(ward(i), 0)),
		...spread(byRole('ward_staff'), mix.wardTablets),
		...spread(byRole('unit_staff'), mix.unitStaff),
		...spread(byRole('gate_staff'), mix.gates)
	];
	return plan.map((c) => {
		const placed = {
			...c,
			ward: c.unitId ? wardOf.get(c.unitId) : null,
			wardTrucks: trucksOf.get(c.scope) ?? []
		};
		return { ...placed, rooms: roomsOf(placed, root) };
	});
}

/** Each command's audience as our server's audienceOf makes it, for the bare baseline. */
export function provinceAudience(c, command) {
	switch (command.type) {
		case 'report.save_draft':
			return [`report:${c.unitId}`];
		case 'gate.count':
			return ['ops', 'display', 'gate'];
		case 'notice.post':
			return c.scope
				? ['ops', 'display', `under:${c.scope}`, `ops@${c.scope}`, `display@${c.scope}`]
				: ['ops', 'display', 'staff', 'ops@*', 'display@*'];
		case 'crew.message':
			return ['ops', `truck:${command.payload.truckId}`, `ops@${c.scope}`];
	}
	throw new Error(`no audience for ${command.type}`);
}

/** the event each command makes, for the bare baseline's payloads */
export const eventOf = {
	'report.save_draft': 'report.draft_saved',
	'gate.count': 'ceremony.checked_in',
	'notice.post': 'notice.posted',
	'crew.message': 'crew.message_sent'
};

/**
 * Opens the wall screens on our server as a screen is set up: the level's coordinator (already
 * connected among `clients`) makes the link, the screen opens it with the link's cookie.
 */
export async function openScreens(url, dbPath, screens, clients) {
	if (!screens.length) return [];
	const byUser = new Map(clients.map((c) => [c.username, c]));
	const links = [...new Map(screens.map((s) => [s.link, s])).values()];
	for (const s of links) {
		const answer = await byUser
			.get(s.creator)
			.socket.timeout(10_000)
			.emitWithAck('command', {
				id: crypto.randomUUID(),
				type: 'display_link.create',
				payload: { name: s.link }
			});
		if (!answer.ok) throw new Error(`link ${s.link}: ${answer.message}`);
	}
	const db = new Database(dbPath, { readonly: true });
	const tokenOf = db.prepare('SELECT token FROM display_links WHERE name = ?');
	const tokens = new Map(links.map((s) => [s.link, tokenOf.get(s.link).token]));
	db.close();
	return inGroups(screens, 50, async (s) => ({
		...s,
		socket: await connect(url, `km_display=${tokens.get(s.link)}`, 'display')
	}));
}

/**
 * What the ward's readers received, checked as it arrives: an event naming a unit or truck
 * outside the reader's ward is a leak, so is a frame with a truck the ward does not have; and
 * every accepted command's deliveries against the clients its audience reaches (`expected`).
 * Also the frames of each level: how many were cut a second, their bytes, their delays.
 */
export function levelWatch({ wardOf, truckUnit, trucksOf }, clients) {
	const receivedBy = new Map();
	const expectedBy = new Map();
	const reach = new Map();
	const leaks = { events: 0, frames: 0, examples: [] };
	const wardEvents = { checked: 0, about: 0, types: {} };
	const frames = {
		ward: { count: 0, bytes: 0, delays: [], trucks: 0 },
		province: { count: 0, bytes: 0, delays: [], trucks: 0 },
		cut: new Set()
	};
	/** the wards an event names: its unit(s), its truck's; none for the whole event's */
	const wardsNamed = (data) => {
		const units = [
			data?.unitId,
			data?.submission?.unitId,
			data?.item?.unitId,
			...(data?.targetUnitIds ?? []),
			data?.truckId ? (truckUnit.get(data.truckId) ?? `truck ${data.truckId}`) : undefined
		].filter(Boolean);
		return units.map((u) => (wardOf.has(u) ? wardOf.get(u) : u));
	};
	return {
		onSent(client, command, seq) {
			const audience = provinceAudience(client, command);
			const key = audience.join(' ');
			if (!reach.has(key))
				reach.set(key, clients.filter((c) => c.rooms.some((r) => audience.includes(r))).length);
			expectedBy.set(seq, {
				n: reach.get(key),
				what: `${command.type} from ${client.role}@${client.scope ?? client.unitId}`
			});
		},
		onEvent(c, e) {
			receivedBy.set(e.seq, (receivedBy.get(e.seq) ?? 0) + 1);
			if (!c.scope) return;
			wardEvents.checked++;
			wardEvents.types[e.type] = (wardEvents.types[e.type] ?? 0) + 1;
			const named = wardsNamed(e.data);
			if (named.length) wardEvents.about++;
			if (named.some((w) => w !== c.scope)) {
				leaks.events++;
				if (leaks.examples.length < 5)
					leaks.examples.push(
						`${c.role}@${c.scope} got ${e.type} about ${named.map((w) => w ?? "the province's own")}`
					);
			}
		},
		onFrame(c, packed) {
			const frame = unpackFrame(packed);
			const level = c.scope ? frames.ward : frames.province;
			level.count++;
			level.bytes += packed.byteLength;
			level.trucks += frame.p.length;
			level.delays.push(Date.now() - frame.t);
			frames.cut.add(`${c.scope} ${frame.t}`);
			if (c.scope) {
				const own = trucksOf.get(c.scope).length;
				if (frame.p.length > own || frame.p.some(([i]) => i >= own)) {
					leaks.frames++;
					if (leaks.examples.length < 5)
						leaks.examples.push(`${c.role}@${c.scope}: frame of ${frame.p.length} trucks`);
				}
			}
		},
		/** accepted commands whose deliveries fell short of, or went beyond, their audience */
		deliveries() {
			let expected = 0;
			let received = 0;
			let short = 0;
			let over = 0;
			const examples = [];
			for (const [seq, { n, what }] of expectedBy) {
				const got = receivedBy.get(seq) ?? 0;
				expected += n;
				received += got;
				if (got < n) short++;
				if (got > n) over++;
				if (got !== n && examples.length < 5) examples.push(`${what}: ${got} of ${n}`);
			}
			return { commands: expectedBy.size, expected, received, short, over, examples };
		},
		leaks,
		wardEvents,
		frames
	};
}
