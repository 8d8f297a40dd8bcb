import type { Messages } from '../define';
import type vi from '../vi/units';

const en: Messages<typeof vi> = {
	'units.kind.province': '{n|province|provinces}',
	'units.kind.city': '{n|city|cities}',
	'units.kind.district': '{n|district|districts}',
	'units.kind.rural_district': '{n|rural district|rural districts}',
	'units.kind.town': '{n|town|towns}',
	'units.kind.ward': '{n|ward|wards}',
	'units.kind.commune': '{n|commune|communes}',
	'units.kind.township': '{n|township|townships}',
	'units.kind.special_zone': '{n|special zone|special zones}',
	'units.kind.residential_group': '{n|residential group|residential groups}',
	'units.kind.quarter': '{n|quarter|quarters}',
	'units.kind.village': '{n|village|villages}',
	'units.kind.hamlet': '{n|hamlet|hamlets}',
	'units.kind.school': '{n|school|schools}',
	'units.kind.preschool': '{n|preschool|preschools}',
	'units.kind.primary_school': '{n|primary school|primary schools}',
	'units.kind.lower_secondary_school': '{n|lower secondary school|lower secondary schools}',
	'units.kind.upper_secondary_school': '{n|upper secondary school|upper secondary schools}',
	'units.kind.learning_center': '{n|community learning center|community learning centers}',
	'units.kind.agency': '{n|agency|agencies}',
	'units.kind.organization': '{n|organization|organizations}',
	'units.group.province': '{n|province or city|provinces and cities}',
	'units.group.district': '{n|district|districts}',
	'units.group.commune': '{n|ward or commune|wards and communes}',
	'units.group.residential': '{n|residential area|residential areas}',
	'units.group.school': '{n|school|schools}',
	'units.group.agency': '{n|agency or organization|agencies and organizations}',
	'units.any': '{n|unit|units}',
	'units.count': '{n} {units}',
	'units.role.coordinatorOf': 'Coordinator · {unit}',
	'units.role.staffOf': '{kind} staff'
};

export default en;
