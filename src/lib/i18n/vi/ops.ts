/** The ops area's words: the operations room's home page and its wall display links. */
const vi = {
	'ops.title': 'Điều hành · Khai Mạc',
	'ops.theme': 'Chủ đề: “{theme}”',
	'ops.noScenario': 'Chưa có kịch bản',
	'ops.noScenarioHint': 'Quản trị viên cần nạp tệp kịch bản (Quản trị → Kịch bản).',
	'ops.notice.heading': 'Gửi thông báo',
	'ops.notice.submit': 'Gửi thông báo',
	'ops.notice.body': 'Nội dung',
	'ops.notice.placeholder': 'Ví dụ: Các xe loa tập trung trước 6g30 tại…',
	'ops.notice.urgent': 'Khẩn',
	'ops.notice.to': 'Gửi tới',
	'ops.notice.toAll': 'Tất cả đơn vị',
	'ops.notice.toSome': 'Một số đơn vị',
	'ops.notices.sent': 'Thông báo đã gửi',
	'ops.links.title': 'Liên kết màn hình lớn',
	'ops.links.about':
		'Mở liên kết trên máy chiếu hoặc TV: màn hình chỉ xem, không cần đăng nhập, không tự hết hạn. Thu hồi khi không dùng nữa.',
	'ops.links.create': 'Tạo liên kết',
	'ops.links.name': 'Tên màn hình',
	'ops.links.namePlaceholder': 'Phòng điều hành',
	'ops.links.none': 'Chưa có liên kết nào.',
	'ops.links.nameColumn': 'Tên',
	'ops.links.link': 'Liên kết',
	'ops.links.created': 'Tạo lúc',
	'ops.links.revoked': 'Đã thu hồi {time}',
	'ops.links.linkOf': 'Liên kết của {name}',
	'ops.links.revoke': 'Thu hồi',
	'ops.links.revokeConfirm': 'Thu hồi liên kết "{name}"? Màn hình đang dùng sẽ tắt ngay.',
	'ops.layout.title': 'Bố trí',
	'ops.layout.apply': 'Áp dụng ngay',
	'ops.layout.panel': 'Ô hiển thị',
	'ops.layout.panels': 'Các ô lần lượt',
	'ops.layout.seconds': 'Mỗi ô (giây)',
	'ops.layout.theme': 'Giao diện'
};

export default vi;
