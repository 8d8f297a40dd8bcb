/**
 * A report package's words: the signed table a level sends up as a file (export, import, the
 * reasons a package is refused), and how an imported one is shown. See $lib/reports/package.ts.
 */
const vi = {
	'packages.export.link': 'Tải gói báo cáo đã ký',
	'packages.export.hint':
		'Gói (.zip) gồm bảng Excel đã ký và tệp số liệu có mã kiểm tra, để gửi lên cấp trên.',
	'packages.export.notSigned': 'Bảng tổng hợp của cấp này chưa được chốt và ký: chưa có gói để tải.',

	'packages.import.title': 'Nhập gói báo cáo của đơn vị',
	'packages.import.hint':
		'Cấp dưới tự chạy hệ thống riêng tải gói báo cáo đã ký (.zip) rồi gửi lên. Nhập gói ở đây để tính bảng đã ký đó là báo cáo của đơn vị.',
	'packages.import.file': 'Tệp gói báo cáo (.zip)',
	'packages.import.submit': 'Nhập gói',
	'packages.import.noFile': 'Chưa chọn tệp gói báo cáo (.zip).',
	'packages.import.forbidden': 'Bạn không có quyền nhập gói báo cáo.',
	'packages.import.done': 'Đã nhập gói báo cáo của {unit}: lần gửi {version}, bảng ký lúc {time} bởi {by}.',
	'packages.import.noUnit':
		'Kế hoạch này không có đơn vị “{unit}” (mã {id}) của gói: không nhập gì. Gói phải của một đơn vị có trong kế hoạch, cùng mã.',
	'packages.import.otherUnit':
		'Gói của “{theirs}”, còn đơn vị mã {id} trong kế hoạch này là “{ours}”: không nhập gì. Kiểm tra lại gói, hoặc sửa tên đơn vị trong kế hoạch cho khớp.',
	'packages.import.ownLevel':
		'Gói này là bảng của chính cấp “{unit}”: bảng của cấp này được cộng từ các đơn vị của nó, không nhập từ gói. Gói được nhập ở cấp trên.',
	'packages.import.otherTemplate':
		'Mẫu báo cáo trong gói khác mẫu của kế hoạch này ({n} chỗ khác): không nhập gì.',
	'packages.import.rowsMissing': 'Gói thiếu các dòng: {rows}',
	'packages.import.rowsExtra': 'Gói có các dòng mà mẫu ở đây không có: {rows}',
	'packages.import.otherTitle': 'Tên mẫu trong gói là “{theirs}”, ở đây là “{ours}”',
	'packages.import.already':
		'Bảng đã ký này của {unit} đã được nhập (lần gửi {version}, lúc {time}): không có gì thay đổi.',

	'packages.read.tooLarge': 'Tệp lớn hơn {mb} MB: đây không phải gói báo cáo.',
	'packages.read.unzipsTooLarge': 'Tệp giải nén ra quá lớn: đây không phải gói báo cáo.',
	'packages.read.notZip': 'Không đọc được tệp: gói báo cáo là một tệp .zip tải từ trang Tổng hợp báo cáo.',
	'packages.read.noManifest': 'Trong tệp .zip không có {file}: đây không phải gói báo cáo.',
	'packages.read.notPackage': 'Tệp {file} không phải tệp số liệu của gói báo cáo.',
	'packages.read.version':
		'Gói được tạo bởi một phiên bản khác của phần mềm (định dạng {version}): hãy cập nhật phần mềm ở cả hai cấp.',
	'packages.read.altered':
		'Gói báo cáo đã bị thay đổi sau khi ký: số liệu trong gói không còn khớp mã kiểm tra (SHA-256). Không nhập gì. Hãy đề nghị đơn vị tải lại gói từ hệ thống của đơn vị rồi gửi lại, không mở và sửa tệp.',
	'packages.read.tableAltered':
		'Bảng Excel trong gói đã bị thay đổi sau khi ký: không còn khớp mã kiểm tra (SHA-256). Không nhập gì. Hãy đề nghị đơn vị tải lại gói rồi gửi lại, không mở và sửa tệp.',
	'packages.read.invalid': 'Tệp số liệu của gói không đúng định dạng: không nhập gì.',
	'packages.read.noTable': 'Trong gói không có bảng Excel {file}: không nhập gì.',

	'packages.shape.id': 'Mã không hợp lệ',
	'packages.shape.empty': 'Không được để trống',
	'packages.shape.tooLong': 'Quá dài (tối đa {maximum} ký tự)',
	'packages.shape.time': 'Phải là thời điểm theo ISO 8601',
	'packages.shape.sha256': 'Phải là mã SHA-256 (64 chữ số hệ 16)',
	'packages.shape.tooManyRows': 'Quá nhiều dòng',
	'packages.shape.fileName': 'Tên tệp Excel không hợp lệ',
	'packages.shape.format': 'Không phải gói báo cáo',
	'packages.shape.version': 'Phiên bản định dạng không được hỗ trợ',

	'packages.tooLarge': 'Tệp gói báo cáo quá lớn (tối đa 2 MB).',

	'packages.overview.imported':
		'{unit}: bảng đã ký lúc {time} ({by}), nhập từ gói báo cáo, tính vào bảng này',
	'packages.mark': 'từ gói đã ký',
	'packages.versionMark': 'gói báo cáo đã ký lúc {time} ({by})',
	'packages.feed.imported': 'Nhập gói báo cáo đã ký của {unit} (lần {version})'
};

export default vi;
