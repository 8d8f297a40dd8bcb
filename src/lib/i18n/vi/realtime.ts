/** What the live connection answers when it cannot do what was asked. */
const vi = {
	'realtime.failed': 'Máy chủ gặp lỗi; hãy thử lại.',
	'realtime.busy': 'Máy chủ đang bận, đang thử lại…'
};

export default vi;
