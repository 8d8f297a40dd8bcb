/** English for ../vi/realtime.ts: every key, no other (a type error otherwise). */
import type { Messages } from '../define';
import type vi from '../vi/realtime';

const en: Messages<typeof vi> = {
	'realtime.failed': 'The server failed; try again.',
	'realtime.busy': 'The server is busy; trying again…'
};

export default en;
