/** The ops area's words. */
import type { Messages } from '../define';

const vi = {};

const en: Messages<typeof vi> = {};

export default { vi, en };
