/**
 * The day's facts of one unit, for the first draft of its report's section I: its trucks (of its
 * subtree: those it runs and those of the units beneath it), the banner items of its subtree by
 * unit, its own ceremony's guests by group, and the reports of the units beneath it. Every figure
 * is read from what the day logged, through the computations the ops pages use; a topic with
 * nothing logged says nothing. Each fact names the page to check it on.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { arrivalsByGroup } from '$lib/ceremony/types';
import type { MessageKey } from '$lib/i18n';
import type { DayFact } from '$lib/reports/day-facts';
import { factWords } from '$lib/reports/official-facts';
import { completeness, latestByUnit } from '$lib/reports/rollup';
import { unitStanding } from '$lib/reports/standing';
import { authorize, type Action, type Actor } from '../access';
import { ceremonyRunBy } from '../ceremony/levels';
import { ceremonySetup, listCheckins, listGroups } from '../ceremony/store';
import { listItemViews } from '../checklists/store';
import { dayNow } from '../day-clock';
import type { Db } from '../db';
import { unitTree } from '../scenario/tree';
import { listUnits } from '../scenario/units';
import { truckDay, type TruckDay } from '../trucks/day-record';
import { fleet } from '../trucks/live-fleet';
import { reportPicture } from './picture';

/** A fact with what opening its source takes: the read, on which unit. */
export type SourcedFact = DayFact & {
	source: { href: string; label: MessageKey; read: Action; unitId: string };
};

/**
 * `mayRead`: the units whose facts the reader may have (a ward's staff theirs, not the schools'
 * beneath it, whose reports and checklists are not theirs to read); all of the subtree when not given.
 */
export async function dayFacts(
	db: Db,
	unitId: string,
	mayRead: (unitId: string) => boolean = () => true
): Promise<SourcedFact[]> {
	const subtree = new Set([...unitTree(db).subtreeOf(unitId)].filter(mayRead));
	if (!subtree.has(unitId)) return [];
	const now = dayNow(db);
	return [
		...(await truckFacts(db, unitId, subtree, now)),
		...checklistFacts(db, unitId, subtree),
		...ceremonyFacts(db, unitId),
		...reportFacts(db, unitId, subtree, now)
	];
}

/** The facts as a reader gets them: a source they may not open is named without its link. */
export async function factsFor(actor: Actor, db: Db, unitId: string): Promise<DayFact[]> {
	const mayRead = (id: string) => authorize(actor, 'read.report', { unitId: id });
	return (await dayFacts(db, unitId, mayRead)).map(
		({ source: { href, label, read, unitId: target }, ...fact }) => ({
			...fact,
			source: { href: authorize(actor, read, { unitId: target }) ? href : null, label }
		})
	);
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function truckFacts(
	db: Db,
	unitId: string,
	subtree: ReadonlySet<string>,
	now: number
): Promise<SourcedFact[]> {
	const trucks = fleet()
		.trucks()
		.filter((t) => subtree.has(t.unitId));
	const days: TruckDay[] = [];
	// a truck's track a turn: a city's 330 three-hour tracks (3.3 s of sums, measured) never hold every other request up at once
	for (const truck of trucks) {
		days.push(truckDay(db, truck.id, now));
		await nextTurn();
	}
	const ran = days.filter((d) => d.ran);
	if (!ran.length) return [];
	const facts: SourcedFact[] = [
		{
			id: 'trucks.ran',
			topic: 'trucks',
			text: factWords.trucksRan(ran.length, trucks.length, sum(ran.map((d) => d.drivenM))),
			source: { href: '/ops/replay', label: 'reports.facts.sourceReplay', read: 'read.ops', unitId }
		}
	];
	// every planned route counts, a truck that stayed home with none of its own covered
	const routed = days.flatMap((d) => (d.route ? [{ ...d.route, checkpoints: d.checkpoints }] : []));
	const lengthM = sum(routed.map((r) => r.lengthM));
	if (lengthM > 0)
		facts.push({
			id: 'trucks.routes',
			topic: 'trucks',
			text: factWords.routesCovered(
				sum(routed.map((r) => r.covered * r.lengthM)) / lengthM,
				sum(routed.map((r) => r.checkpoints.onTime)),
				sum(routed.map((r) => r.checkpoints.total))
			),
			source: { href: '/ops/trucks', label: 'reports.facts.sourceTrucks', read: 'read.ops', unitId }
		});
	return facts;
}

function checklistFacts(db: Db, unitId: string, subtree: ReadonlySet<string>): SourcedFact[] {
	const items = listItemViews(db).filter((i) => subtree.has(i.unitId));
	if (!items.some((i) => i.status === 'done')) return [];
	const byUnit = listUnits(db).flatMap((unit) => {
		const own = items.filter((i) => i.unitId === unit.id);
		const doneAt = own.flatMap((i) => (i.status === 'done' && i.doneAt !== null ? [i.doneAt] : []));
		return own.length ? [{ unit, total: own.length, done: doneAt.length, lastAt: Math.max(...doneAt) }] : [];
	});
	const facts: SourcedFact[] = [];
	if (byUnit.length > 1)
		facts.push({
			id: 'checklists.all',
			topic: 'checklists',
			text: factWords.checklistsAll(sum(byUnit.map((u) => u.done)), items.length, byUnit.length),
			source: { href: '/ops/checklists', label: 'reports.facts.sourceChecklists', read: 'read.ops', unitId }
		});
	for (const { unit, total, done, lastAt } of byUnit)
		if (done)
			facts.push({
				id: `checklists.${unit.id}`,
				topic: 'checklists',
				text: factWords.checklistUnit(unit.name, done, total, lastAt),
				source: {
					href: `/ward?unit=${encodeURIComponent(unit.id)}`,
					label: 'reports.facts.sourceUnitChecklist',
					read: 'read.unit',
					unitId: unit.id
				}
			});
	return facts;
}

/** The ceremony the unit holds as a level (a school or an office under a level holds none of its own). */
function ceremonyFacts(db: Db, unitId: string): SourcedFact[] {
	if (unitTree(db).levelOf(unitId) !== unitId) return [];
	const id = ceremonyRunBy(db, unitId);
	const setup = id ? ceremonySetup(db, id) : null;
	if (!id || !setup) return [];
	const groups = listGroups(db, id);
	const arrivals = arrivalsByGroup(listCheckins(db, id));
	const arrived = sum([...arrivals.values()]);
	if (!arrived) return [];
	return [
		{
			id: 'ceremony',
			topic: 'ceremony',
			text: factWords.ceremony(
				setup.title,
				arrived,
				sum(groups.map((g) => g.expected)),
				groups.map((g) => ({ name: g.name, done: arrivals.get(g.id) ?? 0, of: g.expected }))
			),
			source: {
				href: `/ops/ceremony?ceremony=${encodeURIComponent(id)}`,
				label: 'reports.facts.sourceCeremony',
				read: 'read.ops',
				unitId
			}
		}
	];
}

/** Who of the units beneath has reported, as the overview's completeness table says it. */
function reportFacts(db: Db, unitId: string, readable: ReadonlySet<string>, now: number): SourcedFact[] {
	const picture = reportPicture(db, unitId === unitTree(db).root ? null : unitId);
	if (!picture) return [];
	const { units, submissions, levelSignoffs, deadline } = picture;
	const signed = levelSignoffs.flatMap((s) => (s.unitId ? [s.unitId] : []));
	const expected = completeness(units, unitId, latestByUnit(submissions), signed).expected.filter((u) =>
		readable.has(u.id)
	);
	if (!expected.length) return [];
	const standing = { onTime: [] as string[], late: [] as string[], notSent: [] as string[] };
	for (const unit of expected) {
		const said = unitStanding(unit.id, submissions, levelSignoffs, deadline, now);
		// sent on time and revised after the deadline: it was on time
		const kind = said === 'late' ? 'late' : said === 'missing' || said === 'overdue' ? 'notSent' : 'onTime';
		standing[kind].push(unit.name);
	}
	return [
		{
			id: 'reports',
			topic: 'reports',
			text: factWords.reports(expected.length, standing),
			source: {
				href: '/reports/overview',
				label: 'reports.facts.sourceOverview',
				read: 'read.reports',
				unitId
			}
		}
	];
}
