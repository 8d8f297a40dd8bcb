/**
 * User-facing words: Vietnamese first, English second. Pages take `t` from the layout data's
 * language; a missing English entry falls back to Vietnamese.
 */
export const langs = ['vi', 'en'] as const;
export type Lang = (typeof langs)[number];

const vi = {
	appName: 'Khai Mạc',
	tagline: 'Điều hành ngày khai mạc Tuần lễ hưởng ứng học tập suốt đời',
	'login.title': 'Đăng nhập',
	'login.username': 'Tên đăng nhập',
	'login.password': 'Mật khẩu',
	'login.submit': 'Đăng nhập',
	'login.wrong': 'Tên đăng nhập hoặc mật khẩu không đúng.',
	'login.disabled': 'Tài khoản này đã bị khoá. Hãy liên hệ Ban tổ chức (quản trị hệ thống) để mở lại.',
	'login.missing': 'Nhập tên đăng nhập và mật khẩu.',
	'login.limited': 'Đăng nhập sai quá nhiều lần. Hãy thử lại sau {seconds} giây.',
	'login.demo': 'Bản chạy thử (demo): mật khẩu của mọi tài khoản mẫu in trong cửa sổ dòng lệnh.',
	logout: 'Đăng xuất',
	menu: 'Menu',
	'error.forbidden': 'Không có quyền',
	'error.notFound': 'Không tìm thấy trang',
	'error.notFoundText': 'Địa chỉ này không có trong Khai Mạc. Hãy kiểm tra lại đường dẫn.',
	'error.other': 'Có lỗi xảy ra',
	'error.otherText':
		'Máy chủ chưa trả lời được. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo quản trị hệ thống.',
	'error.home': 'Về trang của tôi',
	'error.retry': 'Thử lại',
	'error.code': 'Mã lỗi {status}',
	language: 'English',
	'role.admin': 'Quản trị',
	'role.coordinator': 'Điều phối (TTVH-TT)',
	'role.leader': 'Lãnh đạo',
	'role.ward_staff': 'Cán bộ phường',
	'role.truck_crew': 'Tổ xe loa',
	'role.gate_staff': 'Cổng lễ khai mạc',
	'role.unit_staff': 'Cán bộ đơn vị',
	'live.live': 'Trực tuyến',
	'live.connecting': 'Đang kết nối…',
	'live.reconnecting': 'Đang kết nối lại…',
	'live.offline': 'Mất mạng',
	'live.lastUpdate': 'Cập nhật lúc',
	'nav.ops': 'Điều hành',
	'nav.display': 'Màn hình lớn',
	'nav.admin': 'Quản trị',
	'nav.trucks': 'Xe loa',
	'nav.checklists': 'Trang trí',
	'nav.ceremony': 'Lễ khai mạc',
	'nav.ward': 'Phường',
	'nav.truck': 'Xe loa',
	'nav.gate': 'Cổng',
	'nav.report': 'Báo cáo',
	'nav.reports': 'Tổng hợp báo cáo',
	demo: 'DEMO',
	notices: 'Thông báo',
	noNotices: 'Chưa có thông báo nào.',
	runOfShow: 'Chương trình',
	nextMilestone: 'Mốc tiếp theo',
	feed: 'Diễn biến',
	noFeed: 'Chưa có diễn biến nào hôm nay.'
} as const;

export type MessageKey = keyof typeof vi;

const en: Partial<Record<MessageKey, string>> = {
	tagline: 'Operations for the opening day of the Lifelong Learning Week',
	'login.title': 'Sign in',
	'login.username': 'Username',
	'login.password': 'Password',
	'login.submit': 'Sign in',
	'login.wrong': 'Wrong username or password.',
	'login.disabled':
		'This account is disabled. Ask the organizers (the system administrator) to enable it again.',
	'login.missing': 'Enter your username and password.',
	'login.limited': 'Too many failed sign-ins. Try again in {seconds} seconds.',
	'login.demo': 'Demo build: the demo accounts and their password are printed in the terminal.',
	logout: 'Sign out',
	menu: 'Menu',
	'error.forbidden': 'Not allowed',
	'error.notFound': 'Page not found',
	'error.notFoundText': 'This address is not part of Khai Mạc. Check the link.',
	'error.other': 'Something went wrong',
	'error.otherText':
		'The server could not answer. Try again in a few minutes; if it persists, tell the administrator.',
	'error.home': 'Go to my page',
	'error.retry': 'Try again',
	'error.code': 'Error {status}',
	language: 'Tiếng Việt',
	'role.admin': 'Administrator',
	'role.coordinator': 'Coordinator (TTVH-TT)',
	'role.leader': 'Leader',
	'role.ward_staff': 'Ward staff',
	'role.truck_crew': 'Truck crew',
	'role.gate_staff': 'Ceremony gate',
	'role.unit_staff': 'Unit staff',
	'live.live': 'Live',
	'live.connecting': 'Connecting…',
	'live.reconnecting': 'Reconnecting…',
	'live.offline': 'Offline',
	'live.lastUpdate': 'Updated at',
	'nav.ops': 'Operations',
	'nav.display': 'Wall display',
	'nav.admin': 'Admin',
	'nav.trucks': 'Trucks',
	'nav.checklists': 'Banners',
	'nav.ceremony': 'Ceremony',
	'nav.ward': 'Ward',
	'nav.truck': 'Truck',
	'nav.gate': 'Gate',
	'nav.report': 'Report',
	'nav.reports': 'Reports overview',
	notices: 'Notices',
	noNotices: 'No notices yet.',
	runOfShow: 'Run of show',
	nextMilestone: 'Next milestone',
	feed: 'Live feed',
	noFeed: 'Nothing has happened yet today.'
};

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
	const template = (lang === 'en' ? en[key] : undefined) ?? vi[key];
	return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (langs as readonly string[]).includes(value);
}
