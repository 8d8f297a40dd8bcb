/** English for ../vi/time.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/time';

const en: Messages<typeof vi> = {
	'time.hour': '{hour}:00',
	'time.hourMinute': '{hour}:{minute}',
	'time.weekday.Mon': 'Monday',
	'time.weekday.Tue': 'Tuesday',
	'time.weekday.Wed': 'Wednesday',
	'time.weekday.Thu': 'Thursday',
	'time.weekday.Fri': 'Friday',
	'time.weekday.Sat': 'Saturday',
	'time.weekday.Sun': 'Sunday',
	'time.minutes': '{minutes} min',
	'time.hoursMinutes': '{hours} h {minutes} min',
	'time.daysHours': '{days} {days|day|days} {hours} h',
	'time.daysClock': '{days} {days|day|days} {clock}'
};

export default en;
