/** What the live connection answers when it cannot do what was asked. */
import type { Messages } from '../define';

const vi = {
	'realtime.failed': 'Máy chủ gặp lỗi; hãy thử lại.',
	'realtime.busy': 'Máy chủ đang bận, đang thử lại…'
};

const en: Messages<typeof vi> = {
	'realtime.failed': 'The server failed; try again.',
	'realtime.busy': 'The server is busy; trying again…'
};

export default { vi, en };
