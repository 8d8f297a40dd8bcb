/**
 * Checks a scenario file completely: the schema, then the references between its parts.
 * Returns every problem with its path in the file, never just the first.
 */
import type { z } from 'zod';
import type { Problem } from '$lib/types';
import { scenarioSchema, type Scenario } from './schema';

export type ScenarioCheck = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

function pathOf(path: readonly PropertyKey[]): string {
	return path
		.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
		.join('');
}

export function zodProblems(error: z.ZodError): Problem[] {
	return error.issues.map((issue) => ({ path: pathOf(issue.path) || '(tệp)', message: issue.message }));
}

function crossReferences(s: Scenario): Problem[] {
	const problems: Problem[] = [];
	const add = (path: string, message: string) => problems.push({ path, message });

	const idsOf = <T extends { id: string }>(list: T[], name: string, label: string) => {
		const seen = new Set<string>();
		list.forEach((item, i) => {
			if (seen.has(item.id)) add(`${name}[${i}].id`, `Mã ${label} "${item.id}" bị trùng`);
			seen.add(item.id);
		});
		return seen;
	};
	const units = idsOf(s.units, 'units', 'đơn vị');
	idsOf(s.milestones, 'milestones', 'mốc thời gian');
	const slogans = idsOf(s.slogans, 'slogans', 'khẩu hiệu');
	const routes = idsOf(s.routes, 'routes', 'lộ trình');
	const trucks = idsOf(s.trucks, 'trucks', 'xe loa');
	idsOf(s.checklistItems, 'checklistItems', 'hạng mục');
	if (s.ceremony) idsOf(s.ceremony.groups, 'ceremony.groups', 'thành phần');
	if (s.reportTable) idsOf(s.reportTable.rows, 'reportTable.rows', 'dòng báo cáo');
	s.routes.forEach((r, i) => idsOf(r.checkpoints, `routes[${i}].checkpoints`, 'điểm kiểm soát'));

	const unitRef = (path: string, id: string | undefined | null) => {
		if (id && !units.has(id)) add(path, `Không có đơn vị mã "${id}" trong danh sách units`);
	};
	if (!units.has(s.event.organizerUnitId)) {
		add('event.organizerUnitId', `Không có đơn vị mã "${s.event.organizerUnitId}" trong danh sách units`);
	}
	if (s.event.endDate < s.event.startDate) add('event.endDate', 'Ngày kết thúc trước ngày bắt đầu');

	// the unit tree: every parent exists, exactly one root, no cycles
	const parent = new Map(s.units.map((u) => [u.id, u.parentId]));
	const roots = s.units.filter((u) => u.parentId === null);
	if (roots.length !== 1)
		add('units', `Cây đơn vị cần đúng một gốc (parentId: null), đang có ${roots.length}`);
	s.units.forEach((u, i) => {
		if (u.parentId !== null && !units.has(u.parentId)) {
			add(`units[${i}].parentId`, `Không có đơn vị cha mã "${u.parentId}"`);
			return;
		}
		const visited = new Set([u.id]);
		for (let p = u.parentId; p !== null && p !== undefined; p = parent.get(p) ?? null) {
			if (visited.has(p)) {
				add(`units[${i}].parentId`, `Cây đơn vị có vòng lặp qua "${u.id}"`);
				break;
			}
			visited.add(p);
		}
	});

	s.trucks.forEach((t, i) => {
		unitRef(`trucks[${i}].unitId`, t.unitId);
		if (t.routeId && !routes.has(t.routeId))
			add(`trucks[${i}].routeId`, `Không có lộ trình mã "${t.routeId}"`);
		t.sloganIds.forEach((sid, j) => {
			if (!slogans.has(sid)) add(`trucks[${i}].sloganIds[${j}]`, `Không có khẩu hiệu mã "${sid}"`);
		});
	});
	s.checklistItems.forEach((c, i) => {
		unitRef(`checklistItems[${i}].unitId`, c.unitId);
		if (c.sloganId && !slogans.has(c.sloganId))
			add(`checklistItems[${i}].sloganId`, `Không có khẩu hiệu mã "${c.sloganId}"`);
	});

	const usernames = new Set<string>();
	s.accounts.forEach((a, i) => {
		if (usernames.has(a.username)) add(`accounts[${i}].username`, `Tên đăng nhập "${a.username}" bị trùng`);
		usernames.add(a.username);
		unitRef(`accounts[${i}].unitId`, a.unitId);
		if (a.truckId && !trucks.has(a.truckId))
			add(`accounts[${i}].truckId`, `Không có xe loa mã "${a.truckId}"`);
		if (a.role === 'ward_staff' && !a.unitId)
			add(`accounts[${i}].unitId`, 'Cán bộ phường cần gắn với một đơn vị');
		if (a.role === 'truck_crew' && !a.truckId) add(`accounts[${i}].truckId`, 'Tổ xe loa cần gắn với một xe');
	});
	return problems;
}

export function validateScenario(raw: unknown): ScenarioCheck {
	const parsed = scenarioSchema.safeParse(raw);
	if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
	const problems = crossReferences(parsed.data);
	return problems.length ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Reads JSON text, reporting a syntax error as a problem too. */
export function validateScenarioText(text: string): ScenarioCheck {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			problems: [{ path: '(tệp)', message: `Tệp không phải JSON hợp lệ: ${(error as Error).message}` }]
		};
	}
	return validateScenario(raw);
}
