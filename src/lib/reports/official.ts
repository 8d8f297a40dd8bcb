/**
 * The official report's own words: the heading block, the table's column names as the form
 * prints them, the signature, and the line that says what the numbers are. The report is printed,
 * signed, stamped and sent up a level in Vietnamese whatever the language of the screen it came
 * from, so these are the document's words, not the app's, and stay out of the catalogue
 * (tests/unit/i18n.test.ts exempts this file). The .xlsx export and the print view both use them.
 */

export const official = {
	/** the form's heading when the scenario names none */
	title: 'BÁO CÁO',
	/** "ĐƠN VỊ: Phường Tân Kiểng" */
	unit: (name: string) => `ĐƠN VỊ: ${name}`,
	/** the document's number, left blank for the office to fill in: "Số:   /BC-" */
	number: 'Số:',
	numberSuffix: '/BC-',
	nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
	motto: 'Độc lập - Tự do - Hạnh phúc',
	/** the place, and the date left for the signer to write */
	dateLine: (place: string) => `${place || '……'}, ngày …… tháng …… năm ……`,
	heads: {
		stt: 'STT',
		activity: 'Các hoạt động',
		measure: 'Đơn vị',
		quantity: 'Số lượng',
		note: 'Ghi chú'
	},
	signer: 'THỦ TRƯỞNG ĐƠN VỊ',
	signHint: '(Ký tên, đóng dấu)',
	/** what the numbers are */
	basis: {
		signed: (units: number) => `Bảng đã chốt (${units} đơn vị)`,
		live: (units: number) => `Tổng hợp trực tiếp từ ${units} đơn vị đã gửi`,
		withBelow: 'Gồm các đơn vị trực thuộc',
		version: (version: number) => `Lần gửi thứ ${version}`,
		notSent: 'Chưa gửi báo cáo'
	},
	/** a plan moved to other days to be rehearsed: its figures are not the Week's */
	rehearsal: (basis: string) => `DIỄN TẬP, không phải báo cáo chính thức. ${basis}`,
	printed: (basis: string, at: string) => `${basis}. In từ Khai Mạc lúc ${at}.`,
	exported: (basis: string, at: string) => `${basis}. Xuất từ Khai Mạc lúc ${at}.`,
	/** the appendix of photos, each captioned with what, where and when */
	appendix: {
		title: 'PHỤ LỤC',
		subject: 'HÌNH ẢNH HOẠT ĐỘNG TIÊU BIỂU',
		attached: (unit: string) => `(Kèm theo Báo cáo của ${unit})`,
		caption: (n: number, what: string, where: string, when: string) =>
			`Ảnh ${n}. ${what} — ${where}, ${when}.`,
		/** a photo sent with the unit's report */
		reported: (version: number) => `Hoạt động của đơn vị, ảnh gửi kèm báo cáo lần ${version}`,
		/** an accepted photo of a banner item: "Băng rôn (12)" */
		banner: (kind: string, quantity: number) => `${kind} tuyên truyền (${quantity})`,
		demo: 'Ảnh mẫu của bản trình diễn, không phải ảnh thật.',
		missing: '(Tệp ảnh không còn trên máy chủ.)',
		none: 'Không có ảnh nào được gửi kèm hoặc được duyệt.',
		/** a level's appendix takes a few of each unit's: the rest are on Khai Mạc */
		leftOut: (n: number) => `Còn ${n} ảnh khác của các đơn vị không in trong phụ lục này, xem trên Khai Mạc.`
	},
	/** "Nơi nhận:" and its list: the body above, and the office's own copy */
	recipients: {
		title: 'Nơi nhận:',
		to: (name: string) => `- ${name};`,
		archive: '- Lưu: VT.'
	},
	/** a unit beneath, heading its part of a level's section */
	unitPart: (name: string) => `${name}:`,
	/** the workbook's other sheets: the narrative, the photo list */
	sheets: {
		narrative: 'Phần I, II',
		photos: 'Hình ảnh',
		section: 'Mục',
		unit: 'Đơn vị',
		text: 'Nội dung',
		what: 'Nội dung ảnh',
		where: 'Địa điểm',
		when: 'Thời gian',
		photoId: 'Mã ảnh',
		note: 'Ghi chú'
	},
	/** the workbook's own: its author, its one sheet, the page footer ("Trang 1/2") */
	creator: 'Khai Mạc',
	sheetName: 'Tổng hợp',
	pageFooter: '&CTrang &P/&N'
};

export type TableHeads = typeof official.heads;
