/**
 * What units are called, from their kinds: "phường", "24 quận", "11 đơn vị" when the kinds are
 * mixed. A plan may be a province's, a district's or a ward's, so no page writes a level's word:
 * it names units through here, from the kinds of the units it is about (the words are in the
 * catalogue's `units` area).
 */
import { translate, type Lang, type MessageKey } from '$lib/i18n';
import type { UnitKind } from '$lib/scenario/schema';

/**
 * Kinds of one level or sort, which have a word together ("phường, xã", "trường") and are listed
 * together. A kind in no group (a learning center) stands alone.
 */
export const kindGroups = {
	commune: ['ward', 'commune', 'township', 'special_zone'],
	district: ['district', 'rural_district', 'town'],
	residential: ['residential_group', 'quarter', 'village', 'hamlet'],
	school: ['school', 'preschool', 'primary_school', 'lower_secondary_school', 'upper_secondary_school'],
	agency: ['agency', 'organization'],
	province: ['province', 'city']
} as const satisfies Record<string, readonly UnitKind[]>;

export type KindGroup = keyof typeof kindGroups;

/** The group of a kind, or the kind itself when it is in none. */
export function groupOf(kind: UnitKind): KindGroup | UnitKind {
	for (const [group, kinds] of Object.entries(kindGroups))
		if ((kinds as readonly UnitKind[]).includes(kind)) return group as KindGroup;
	return kind;
}

/** Areas of government, whose units are named after a place ("Phường <place>"). */
const namedAreas: readonly (KindGroup | UnitKind)[] = ['province', 'district', 'commune'];

/** A level of local government (a province, a district, a ward or commune): it runs a day of its own. */
export function isLevel(kind: UnitKind): boolean {
	return namedAreas.includes(groupOf(kind));
}

/**
 * A unit that is an area (a level, or a tổ dân phố below one), not an office, school or
 * organization in one: the areas below an organizer are who runs the day's street work there.
 */
export function isArea(kind: UnitKind): boolean {
	return isLevel(kind) || groupOf(kind) === 'residential';
}

const kindKey = (kind: UnitKind) => `units.kind.${kind}` as MessageKey;

/**
 * The noun for units of these kinds, for `n` of them (English plurals): the kind's own word when
 * they are all of one kind, their group's when of one group, "đơn vị" otherwise.
 */
export function unitsNoun(lang: Lang, kinds: Iterable<UnitKind>, n = 1): string {
	const distinct = [...new Set(kinds)];
	if (distinct.length === 1) return translate(lang, kindKey(distinct[0]), { n });
	const groups = new Set(distinct.map(groupOf));
	const [group] = groups;
	if (groups.size === 1 && group in kindGroups)
		return translate(lang, `units.group.${group as KindGroup}`, { n });
	return translate(lang, 'units.any', { n });
}

/** "24 quận", "11 đơn vị": `n` units of these kinds (the kinds of the units counted). */
export function countUnits(lang: Lang, n: number, kinds: Iterable<UnitKind>): string {
	return translate(lang, 'units.count', { n, units: unitsNoun(lang, kinds, n) });
}

/** A word as the first of a heading, a label or a sentence. */
export function capitalized(word: string): string {
	return word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);
}

/** The kind's name as a label: "Phường", "Trường THCS". */
export function kindName(lang: Lang, kind: UnitKind): string {
	return capitalized(unitsNoun(lang, [kind]));
}

/**
 * A unit's name without its kind's word, for a narrow row: "<place>" for "Phường <place>".
 * Only an area's name, and only before a place name: "Phường 5" and "UBND Quận 1"-style names stay whole, and
 * so does a school's name ("Trường THCS <place>") (there are primary and preschools of the same place). Names are
 * the plan's Vietnamese, whatever the reader's language.
 */
export function shortName(unit: { name: string; kind: UnitKind }): string {
	if (!namedAreas.includes(groupOf(unit.kind))) return unit.name;
	const word = `${kindName('vi', unit.kind)} `;
	const rest = unit.name.startsWith(word) ? unit.name.slice(word.length) : '';
	return rest && !/^\d/.test(rest) ? rest : unit.name;
}

/** The order units are listed in by group: the areas that do the street work first, then the rest. */
const listingOrder: readonly (KindGroup | UnitKind)[] = [
	'commune',
	'district',
	'residential',
	'school',
	'learning_center',
	'agency',
	'province'
];

/**
 * Units in groups of their kinds ("Phường", "Trường", "Cơ quan, đoàn thể"), each group in the plan's
 * order, the groups in listingOrder with the organizer's own group last: a notice's recipients.
 */
export function unitsByGroup<U extends { id: string; kind: UnitKind }>(
	units: U[],
	organizerId: string | null
): U[][] {
	const groups = new Map<KindGroup | UnitKind, U[]>();
	for (const unit of units) {
		const group = groupOf(unit.kind);
		groups.set(group, [...(groups.get(group) ?? []), unit]);
	}
	const rank = (list: U[]) => {
		if (list.some((unit) => unit.id === organizerId)) return listingOrder.length + 1;
		const at = listingOrder.indexOf(groupOf(list[0].kind));
		return at === -1 ? listingOrder.length : at;
	};
	return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}
