/** What the command path and the server's doors say when they refuse something. */
const vi = {
	'problems.forbidden': 'Bạn không có quyền thực hiện thao tác này.',
	'problems.commandId': 'Mã lệnh (id) phải là UUID',
	'problems.tooFast': 'Gửi quá nhanh, hãy thử lại sau {seconds} giây.',
	'problems.idReused': 'Mã lệnh này đã được dùng cho một thay đổi khác. Hãy tải lại trang rồi thử lại.',
	'problems.badCommand': 'Lệnh không đúng định dạng.',
	'problems.unknownCommand': 'Không có lệnh "{type}".',
	'problems.tooDeep': 'Dữ liệu lồng nhau quá sâu.',
	'problems.invalid': 'Dữ liệu chưa hợp lệ, xem chi tiết từng mục.',
	'problems.internal': 'Máy chủ gặp lỗi khi lưu thay đổi. Thay đổi chưa được lưu; hãy thử lại.',
	'problems.sessionEnded': 'Phiên đăng nhập đã hết. Hãy đăng nhập lại.',
	'problems.forbiddenPage': 'Bạn không có quyền xem trang này.',
	// the shared fields' refusals (command-fields.ts)
	'problems.unitId': 'Mã đơn vị không hợp lệ',
	'problems.truckId': 'Mã xe không hợp lệ',
	// a body over its route's limit (body-limits.ts), refused before it is read
	'problems.tooLarge.title': 'Quá lớn',
	'problems.tooLarge.form': 'Nội dung gửi lên quá lớn (tối đa 64 KB). Hãy tải lại trang rồi thử lại.',
	'problems.tooLarge.photoChunk': 'Mỗi lần chỉ gửi tối đa 2 MB của ảnh.',
	'problems.tooLarge.scenario': 'Tệp lớn hơn 5 MB: đây có phải tệp kịch bản không?',
	'problems.tooLarge.invitees': 'Tệp danh sách khách mời quá lớn (tối đa 5 MB).',
	'problems.tooLarge.report': 'Báo cáo gửi lên quá lớn (tối đa 2 MB). Hãy rút gọn phần thuyết minh.',
	'problems.tooLarge.route': 'Lộ trình gửi lên quá lớn (tối đa 1 MB). Hãy bớt điểm trên lộ trình.',
	'problems.notAForm': 'Trang gửi lên không đúng dạng biểu mẫu. Hãy tải lại trang rồi nạp lại tệp.',
	// one account's files past its upload budget (upload-budget.ts)
	'problems.uploads.atOnce':
		'Tài khoản này đang gửi nhiều tệp cùng lúc; máy chủ nhận tiếp sau {seconds} giây.',
	'problems.uploads.imports': 'Tài khoản này vừa nạp nhiều tệp; máy chủ nhận tiếp sau {seconds} giây.',
	'problems.uploads.files': 'Tài khoản này vừa gửi nhiều tệp; máy chủ nhận tiếp sau {seconds} giây.'
};

export default vi;
