/**
 * The words for units (đơn vị) by their kind: the only place a level's word is written. Pages name
 * units through src/lib/units/kinds.ts, from the units' own kinds, so a city's plan says "quận"
 * where a district's says "phường". Each word takes `n` for English plurals; Vietnamese nouns do
 * not change.
 */
const vi = {
	'units.kind.province': '{n|tỉnh|tỉnh}',
	'units.kind.city': '{n|thành phố|thành phố}',
	'units.kind.district': '{n|quận|quận}',
	'units.kind.rural_district': '{n|huyện|huyện}',
	'units.kind.town': '{n|thị xã|thị xã}',
	'units.kind.ward': '{n|phường|phường}',
	'units.kind.commune': '{n|xã|xã}',
	'units.kind.township': '{n|thị trấn|thị trấn}',
	'units.kind.special_zone': '{n|đặc khu|đặc khu}',
	'units.kind.residential_group': '{n|tổ dân phố|tổ dân phố}',
	'units.kind.quarter': '{n|khu phố|khu phố}',
	'units.kind.village': '{n|thôn|thôn}',
	'units.kind.hamlet': '{n|ấp|ấp}',
	'units.kind.school': '{n|trường|trường}',
	'units.kind.preschool': '{n|trường mầm non|trường mầm non}',
	'units.kind.primary_school': '{n|trường tiểu học|trường tiểu học}',
	'units.kind.lower_secondary_school': '{n|trường THCS|trường THCS}',
	'units.kind.upper_secondary_school': '{n|trường THPT|trường THPT}',
	'units.kind.learning_center': '{n|TTHTCĐ|TTHTCĐ}',
	'units.kind.agency': '{n|cơ quan|cơ quan}',
	'units.kind.organization': '{n|đoàn thể|đoàn thể}',
	// units of different kinds of one level or sort
	'units.group.province': '{n|tỉnh, thành phố|tỉnh, thành phố}',
	'units.group.district': '{n|quận, huyện|quận, huyện}',
	'units.group.commune': '{n|phường, xã|phường, xã}',
	'units.group.residential': '{n|khu dân cư|khu dân cư}',
	'units.group.school': '{n|trường|trường}',
	'units.group.agency': '{n|cơ quan, đoàn thể|cơ quan, đoàn thể}',
	// units of different sorts
	'units.any': '{n|đơn vị|đơn vị}',
	/** "24 quận", "11 đơn vị" */
	'units.count': '{n} {units}',
	// who is signed in (the header's menu)
	'units.role.coordinatorOf': 'Điều phối · {unit}',
	'units.role.staffOf': 'Cán bộ {kind}'
};

export default vi;
