/**
 * Who a signed-in person is, as the header's menu says it: a coordinator by the unit they act for
 * (theirs, or the plan's organizer), a unit's staff by their unit's kind ("Cán bộ quận").
 */
import { translate, type Lang } from '$lib/i18n';
import type { Role, UnitKind } from '$lib/scenario/schema';
import { capitalized, unitsNoun } from './kinds';

export function roleLabel(
	lang: Lang,
	role: Role,
	unit: { name: string; kind: UnitKind } | null,
	organizer: string | null
): string {
	if (role === 'coordinator' && (unit ?? organizer))
		return translate(lang, 'units.role.coordinatorOf', { unit: unit?.name ?? organizer! });
	if ((role === 'ward_staff' || role === 'unit_staff') && unit)
		return capitalized(translate(lang, 'units.role.staffOf', { kind: unitsNoun(lang, [unit.kind]) }));
	return translate(lang, `role.${role}`);
}
