/** The outbox's words: what waits on the device to be sent, and the unsent changes at sign-out. */
import type { Messages } from '../define';

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

const en: Messages<typeof vi> = {
	'outbox.waiting': 'Waiting to send: {parts}',
	'outbox.changes': '{n} {n|change|changes}',
	'outbox.photos': '{n} {n|photo|photos}',
	'outbox.positions': '{n} {n|position|positions}',
	'outbox.offline': '— offline; this device sends them when it is back online',
	'outbox.allSent': 'All sent',
	'outbox.syncedAt': 'synced at {time}',
	'outbox.neverSynced': 'not synced yet',
	'outbox.offlineReady': 'Works offline',
	'outbox.uploading': 'Sending photo: {percent}%',
	'outbox.held': 'Not sent yet: {why}',
	'outbox.otherAccount':
		'Another account is signed in on this device: the waiting changes are kept for the account that made them.',
	'outbox.refused': 'The server refused a change: {why}',
	'outbox.dismiss': 'Got it',
	'outbox.photosRefused':
		'{n} {n|photo needs|photos need} to be taken or chosen again: the server did not accept {n|it|them} (the other photos are still sent).',
	'outbox.unavailable':
		'This browser does not allow saving data on the device: if the connection drops, unsent changes are lost.',
	'outbox.notPersisted':
		'This browser has not promised to keep data on the device when storage runs low. Do not clear browsing data while changes are waiting to be sent.',
	'outbox.unsent.title': '{n} unsent {n|change|changes}',
	'outbox.unsent.text':
		'This device has not sent these changes to the server yet (offline, or still sending). If you sign out, they are sent only when this same account signs in again on this device.',
	'outbox.unsent.stay': 'Stay until they are sent',
	'outbox.unsent.logout': 'Sign out anyway'
};

export default { vi, en };
