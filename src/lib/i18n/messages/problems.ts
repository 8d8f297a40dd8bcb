/** What the command path and the server's doors say when they refuse something. */
import type { Messages } from '../define';

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
	'problems.sessionEnded': 'Phiên đăng nhập đã hết. Hãy đăng nhập lại.'
};

const en: Messages<typeof vi> = {
	'problems.forbidden': 'You are not allowed to do this.',
	'problems.commandId': 'The command id must be a UUID',
	'problems.tooFast': 'Sent too fast; try again in {seconds} {seconds|second|seconds}.',
	'problems.idReused': 'This command id was already used for another change. Reload the page and try again.',
	'problems.badCommand': 'The command is not in the right form.',
	'problems.unknownCommand': 'There is no command "{type}".',
	'problems.tooDeep': 'The data is nested too deeply.',
	'problems.invalid': 'Some fields are not valid; see each one.',
	'problems.internal': 'The server failed while saving. Nothing was saved; try again.',
	'problems.sessionEnded': 'Your session has ended. Sign in again.'
};

export default { vi, en };
