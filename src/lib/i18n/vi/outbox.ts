/** The outbox's words: what waits on the device to be sent, and the unsent changes at sign-out. */
const vi = {
	'outbox.waiting': 'Chờ gửi: {parts}',
	'outbox.changes': '{n} thay đổi',
	'outbox.photos': '{n} ảnh',
	'outbox.positions': '{n} vị trí',
	'outbox.offline': '— mất mạng, máy sẽ tự gửi khi có mạng lại',
	'outbox.allSent': 'Đã gửi hết',
	'outbox.syncedAt': 'đồng bộ lúc {time}',
	'outbox.neverSynced': 'chưa đồng bộ lần nào',
	'outbox.offlineReady': 'Dùng được khi mất mạng',
	'outbox.uploading': 'Đang gửi ảnh: {percent}%',
	'outbox.held': 'Chưa gửi được: {why}',
	'outbox.otherAccount':
		'Máy đang đăng nhập bằng tài khoản khác: các thay đổi chờ gửi được giữ lại cho tài khoản đã tạo ra chúng.',
	'outbox.refused': 'Máy chủ từ chối một thay đổi: {why}',
	'outbox.dismiss': 'Đã hiểu',
	'outbox.photosRefused': '{n} ảnh cần chụp hoặc chọn lại: máy chủ không nhận (các ảnh khác vẫn được gửi).',
	'outbox.unavailable': 'Trình duyệt không cho lưu dữ liệu trên máy: nếu mất mạng, thay đổi chưa gửi sẽ mất.',
	'outbox.notPersisted':
		'Trình duyệt chưa cam kết giữ dữ liệu trên máy khi đầy bộ nhớ. Đừng xoá dữ liệu duyệt web khi còn thay đổi chờ gửi.',
	'outbox.unsent.title': 'Còn {n} thay đổi chưa gửi',
	'outbox.unsent.text':
		'Máy chưa gửi được các thay đổi này lên máy chủ (mất mạng hoặc đang gửi). Nếu đăng xuất, chúng chỉ được gửi khi chính tài khoản này đăng nhập lại trên máy này.',
	'outbox.unsent.stay': 'Ở lại, chờ gửi xong',
	'outbox.unsent.logout': 'Vẫn đăng xuất'
};

export default vi;
