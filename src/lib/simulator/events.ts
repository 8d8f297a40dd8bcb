/** What the demo simulator tells the screens, and its line in the live feed. */
import type { FeedLines } from '../feed-line';

export interface SimulatorEvents {
	'demo.day_restarted': { anchorReal: number };
}

export const simulatorFeed: FeedLines<SimulatorEvents> = {
	'demo.day_restarted': () => 'Bộ mô phỏng bắt đầu lại ngày diễu hành'
};
