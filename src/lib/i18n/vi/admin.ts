/**
 * The admin area's words: the admin home and unit tree, accounts, the scenario file (its import's
 * problems included, and the rules of the scenario schema that other domains' forms reuse).
 */
const vi = {
	'admin.title': 'Quản trị · Khai Mạc',
	'admin.nav.users': 'Tài khoản',
	'admin.nav.scenario': 'Kịch bản: nạp / xuất',
	'admin.theme': 'Chủ đề: “{theme}” · {start} – {end}',
	'admin.noScenario': 'Chưa có kịch bản',
	'admin.toBegin': 'để bắt đầu.',
	'admin.units.title': 'Cây đơn vị',
	'admin.units.none': 'Chưa có đơn vị nào.',
	// after the count in bold: "12 units"
	'admin.count.units': '{n|đơn vị|đơn vị}',
	'admin.count.milestones': '{n|mốc thời gian|mốc thời gian}',
	'admin.count.slogans': '{n|khẩu hiệu|khẩu hiệu}',
	'admin.count.routes': '{n|lộ trình|lộ trình}',
	'admin.count.trucks': '{n|xe loa|xe loa}',
	'admin.count.checklistItems': '{n|hạng mục|hạng mục}',
	'admin.count.invitedGroups': '{n|thành phần mời|thành phần mời}',
	'admin.count.reportRows': '{n|dòng báo cáo|dòng báo cáo}',
	'admin.manifest.name': 'Khai Mạc — điều hành ngày khai mạc Tuần lễ học tập suốt đời',

	'admin.users.title': 'Tài khoản · Quản trị · Khai Mạc',
	'admin.users.createHeading': 'Tạo tài khoản',
	'admin.users.create': 'Tạo tài khoản',
	'admin.users.username': 'Tên đăng nhập',
	'admin.users.displayName': 'Họ tên',
	'admin.users.password': 'Mật khẩu',
	'admin.users.list': 'Danh sách ({n})',
	'admin.users.role': 'Vai trò',
	'admin.users.boundTo': 'Gắn với',
	'admin.users.status': 'Trạng thái',
	'admin.users.disabled': 'Đã khoá',
	'admin.users.active': 'Hoạt động',
	'admin.users.edit': 'Sửa',
	'admin.users.save': 'Lưu thay đổi',
	'admin.users.disable': 'Khoá tài khoản',
	'admin.users.resetPassword': 'Đặt lại mật khẩu',
	'admin.users.newPassword': 'Mật khẩu mới',
	'admin.users.truck': 'Xe loa',
	'admin.users.chooseTruck': '— chọn xe —',
	'admin.users.unit': 'Đơn vị',
	'admin.users.optional': '(không bắt buộc)',
	'admin.users.noUnit': '— không —',
	// the account commands' refusals
	'admin.users.usernameRule': 'Tên đăng nhập 3–40 ký tự: chữ thường không dấu, số, ".", "-", "_"',
	'admin.users.passwordMin': 'Mật khẩu tối thiểu {minimum} ký tự',
	'admin.users.passwordMax': 'Mật khẩu tối đa {maximum} ký tự',
	'admin.users.displayNameMissing': 'Nhập họ tên',
	'admin.users.roleInvalid': 'Vai trò không hợp lệ',
	'admin.users.crewNeedsTruck': 'Tổ xe loa cần gắn với một xe.',
	'admin.users.pickTruck': 'Chọn xe loa',
	'admin.users.noSuchTruck': 'Không có xe loa "{id}".',
	'admin.users.truckGone': 'Xe loa không tồn tại',
	'admin.users.staffNeedsUnit': 'Tài khoản cán bộ đơn vị cần gắn với một đơn vị.',
	'admin.users.pickUnit': 'Chọn đơn vị',
	'admin.users.noSuchUnit': 'Không có đơn vị "{id}".',
	'admin.users.unitGone': 'Đơn vị không tồn tại',
	'admin.users.taken': 'Tên đăng nhập "{username}" đã có.',
	'admin.users.takenHere': 'Đã có người dùng tên này',
	'admin.users.notFound': 'Không tìm thấy tài khoản.',
	'admin.users.notYourself': 'Không thể tự khoá hoặc tự bỏ quyền quản trị của chính mình.',

	'admin.scenario.title': 'Kịch bản · Quản trị · Khai Mạc',
	'admin.scenario.current': 'Kịch bản hiện tại',
	'admin.scenario.download': 'Tải xuống tệp kịch bản (.json)',
	'admin.scenario.none': 'Chưa nạp kịch bản nào.',
	'admin.scenario.import': 'Nạp tệp kịch bản',
	'admin.scenario.formatIs': 'Tệp JSON theo định dạng',
	'admin.scenario.see': 'xem',
	'admin.scenario.replaces':
		'Nạp thay thế toàn bộ thiết lập của sự kiện. Tệp có lỗi thì không có gì thay đổi và mọi lỗi được liệt kê kèm vị trí trong tệp.',
	'admin.scenario.submit': 'Kiểm tra và nạp',
	'admin.scenario.confirm': 'Nạp kịch bản mới sẽ thay thế thiết lập hiện tại. Tiếp tục?',
	'admin.scenario.file': 'Tệp kịch bản (.json)',
	'admin.scenario.withAccounts': 'Tạo hoặc cập nhật các tài khoản có trong tệp',
	'admin.scenario.rehearseOn': 'Diễn tập vào ngày… (không bắt buộc)',
	'admin.scenario.rehearseHint':
		'Dời cả kế hoạch để ngày đầu tiên của nó là ngày này, giữ nguyên giờ của từng mốc: để tập dượt một kế hoạch năm cũ hôm nay. Sự kiện được ghi “Diễn tập” trên mọi màn hình. Để trống thì nạp đúng ngày trong tệp.',
	'admin.scenario.rehearsalNow':
		'Đây là bản diễn tập: kế hoạch bắt đầu ngày {original}, được dời sang ngày {start}. Nạp lại tệp gốc để trở về đúng ngày.',
	'admin.scenario.noFile': 'Chọn tệp kịch bản (.json) để nạp.',
	'admin.scenario.notJson': 'Tệp không phải JSON hợp lệ; chưa có gì thay đổi.',
	'admin.scenario.syntax':
		'Tệp không phải JSON hợp lệ: lỗi cú pháp ở dòng “{near}” (thiếu dấu phẩy, hai chấm hay ngoặc?)',
	'admin.scenario.lineColumn': 'dòng {line}, cột {column}',
	/** a problem's place when it is the whole file */
	'admin.scenario.wholeFile': '(tệp)',
	'admin.scenario.rehearseDate': 'Ngày diễn tập phải theo dạng YYYY-MM-DD, ví dụ 2026-12-03',
	'admin.scenario.invalid': 'Tệp kịch bản có {count} lỗi; chưa có gì thay đổi.',
	'admin.scenario.orphans':
		'Tệp kịch bản bỏ mất đơn vị hoặc xe đang có tài khoản gắn vào; chưa có gì thay đổi.',
	'admin.scenario.orphanOfUnit':
		'Tài khoản "{username}" đang gắn với đơn vị "{id}", không có trong tệp. Gắn lại tài khoản trước khi nhập.',
	'admin.scenario.orphanOfTruck':
		'Tài khoản "{username}" đang gắn với xe loa "{id}", không có trong tệp. Gắn lại tài khoản trước khi nhập.',
	'admin.export.signIn': 'Hãy đăng nhập.',
	'admin.export.forbidden': 'Bạn không có quyền xuất kịch bản.',
	'admin.export.none': 'Chưa có kịch bản để xuất.',

	// the scenario file's cross references (validate.ts): "Mã {what} "x" bị trùng"
	'admin.check.duplicateId': 'Mã {what} "{id}" bị trùng',
	'admin.check.what.units': 'đơn vị',
	'admin.check.what.milestones': 'mốc thời gian',
	'admin.check.what.slogans': 'khẩu hiệu',
	'admin.check.what.routes': 'lộ trình',
	'admin.check.what.trucks': 'xe loa',
	'admin.check.what.checklistItems': 'hạng mục',
	'admin.check.what.groups': 'thành phần',
	'admin.check.what.ceremonies': 'lễ khai mạc',
	'admin.check.what.reportRows': 'dòng báo cáo',
	'admin.check.what.checkpoints': 'điểm kiểm soát',
	'admin.check.noUnit': 'Không có đơn vị mã "{id}" trong danh sách units',
	'admin.check.endBeforeStart': 'Ngày kết thúc trước ngày bắt đầu',
	'admin.check.roots': 'Cây đơn vị cần đúng một gốc (parentId: null), đang có {count}',
	'admin.check.noParent': 'Không có đơn vị cha mã "{id}"',
	'admin.check.cycle': 'Cây đơn vị có vòng lặp qua "{id}"',
	'admin.check.ceremonyPerLevel':
		'Cấp của đơn vị "{unit}" đã có lễ khai mạc "{other}": mỗi cấp tổ chức một lễ khai mạc',
	'admin.check.noRoute': 'Không có lộ trình mã "{id}"',
	'admin.check.noSlogan': 'Không có khẩu hiệu mã "{id}"',
	'admin.check.duplicateUsername': 'Tên đăng nhập "{username}" bị trùng',
	'admin.check.noTruck': 'Không có xe loa mã "{id}"',
	'admin.check.wardNeedsUnit': 'Tài khoản cán bộ đơn vị cần gắn với một đơn vị',
	'admin.check.crewNeedsTruck': 'Tổ xe loa cần gắn với một xe',
	'admin.check.gatheringOnly': 'Chỉ mốc tập kết (kind: "gathering") mới có {field}',
	'admin.check.gatheringNeedsPosition':
		'Mốc tập kết có {field} cần có position (điểm tập kết, [kinh độ, vĩ độ])',
	'admin.check.swapped': 'Vĩ độ và kinh độ có vẻ bị đảo: vị trí viết [kinh độ, vĩ độ], tức là [{lng}, {lat}]',
	// a report table named instead of pasted (report-templates.ts): "reportTable": "htsd-2023"
	'admin.check.noTemplate': 'Không có mẫu bảng tổng hợp "{name}". Các mẫu có sẵn: {known}',
	'admin.check.templateName':
		'"{name}" không phải tên mẫu bảng tổng hợp: tên mẫu chỉ gồm chữ thường không dấu, số, "-", "_" (không có đường dẫn hay đuôi .json). Các mẫu có sẵn: {known}',
	'admin.check.templateUnreadable': 'Không đọc được mẫu bảng tổng hợp "{name}" trên máy chủ',
	'admin.check.noTemplates': '(chưa có mẫu nào)',

	// the scenario schema's rules (schema.ts): also what the forms built on its parts say
	'admin.schema.id': 'Mã chỉ gồm chữ thường không dấu, số, "-" và "_" (tối đa 64 ký tự)',
	'admin.schema.required': 'Không được để trống',
	'admin.schema.maxChars': 'Tối đa {maximum} ký tự',
	'admin.schema.dateTime': 'Thời điểm phải theo ISO 8601 có múi giờ, ví dụ 2024-10-03T06:30:00+07:00',
	'admin.schema.dayOrTime':
		'Mốc phải là một thời điểm theo ISO 8601 có múi giờ (2024-10-03T06:30:00+07:00) hoặc một ngày không có giờ (2024-10-11)',
	'admin.schema.date': 'Ngày phải theo dạng YYYY-MM-DD, ví dụ 2024-10-01',
	'admin.schema.lngLat': 'Toạ độ phải là [kinh độ, vĩ độ]',
	'admin.schema.routePoints': 'Lộ trình cần ít nhất {minimum} điểm',
	'admin.schema.radiusM': 'Bán kính điểm tập kết là số mét nguyên từ 20 đến 5000',
	'admin.schema.truckIds': 'Danh sách xe về tập kết cần ít nhất một xe (bỏ trống: mọi xe)',
	'admin.schema.username': 'Tên đăng nhập 3–40 ký tự: chữ thường, số, ".", "-", "_"',
	'admin.schema.format': 'Trường "format" phải là "khai-mac/scenario@1"',

	// the live feed's lines
	'admin.feed.userCreated': 'Tạo tài khoản {username}',
	'admin.feed.userUpdated': 'Cập nhật tài khoản {username}',
	'admin.feed.passwordReset': 'Đặt lại mật khẩu cho {username}',
	'admin.feed.scenarioImported': 'Nạp kịch bản "{name}"',
	'admin.feed.scenarioRehearsed': 'Nạp kịch bản "{name}" để diễn tập, bắt đầu từ ngày {date}'
};

export default vi;
