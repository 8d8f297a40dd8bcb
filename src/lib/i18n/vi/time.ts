/** Times, dates and spans of time. */
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

export default vi;
