/**
 * What the demo's units type in their reports: the narrative sentences and a revised row's note.
 * Content, not the app's words: kept in their submissions and printed on their official reports
 * like anything a person types, so never translated (tests/unit/i18n.test.ts exempts this file).
 */
export const demoReportTexts = {
	/** section I, after the unit's name */
	opening: [
		'đã ban hành kế hoạch, phân công cán bộ phụ trách và tuyên truyền về Tuần lễ đến cán bộ, người dân.',
		'đã triển khai kế hoạch của cấp trên, lồng ghép các hoạt động của Tuần lễ vào sinh hoạt thường kỳ.',
		'đã họp triển khai, treo băng rôn, khẩu hiệu và thông báo lịch hoạt động của Tuần lễ.'
	],
	/** the sections after it */
	further: [
		'Các hoạt động được tổ chức theo kế hoạch; số liệu cụ thể ở bảng tổng hợp bên dưới.',
		'Người dân tham gia đông; một số hoạt động dời lịch do thời tiết. Số liệu ở bảng tổng hợp.',
		'Các lớp, các cuộc thi diễn ra đúng kế hoạch; đơn vị đề nghị tiếp tục duy trì trong năm tới.'
	],
	/** every section starts with it: the figures are made up */
	marker: '(Số liệu demo)',
	/** the revision's section I ends with it */
	revised: 'Bản gửi lại: đã điều chỉnh một số số liệu sau khi rà soát.',
	/** the note of a row the revision changed */
	revisedNote: 'Bổ sung sau khi rà soát (số liệu demo)'
};
