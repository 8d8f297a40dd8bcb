/** Times, dates and spans of time. */
import type { Messages } from '../define';

const vi = {
	'time.hour': '{hour}g',
	'time.hourMinute': '{hour}g{minute}',
	'time.weekday.Mon': 'Thứ Hai',
	'time.weekday.Tue': 'Thứ Ba',
	'time.weekday.Wed': 'Thứ Tư',
	'time.weekday.Thu': 'Thứ Năm',
	'time.weekday.Fri': 'Thứ Sáu',
	'time.weekday.Sat': 'Thứ Bảy',
	'time.weekday.Sun': 'Chủ Nhật',
	'time.minutes': '{minutes} phút',
	'time.hoursMinutes': '{hours} giờ {minutes} phút',
	'time.daysHours': '{days} ngày {hours} giờ',
	'time.daysClock': '{days} ngày {clock}'
};

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

export default { vi, en };
