/** Commands only the demo simulator sends. */
import { defineCommand } from '../commands/define';
import { dayNow } from '../day-clock';
import { resetCheckins } from '../ceremony/store';
import { resetChecklists } from '../checklists/store';
import { resetReports } from '../reports/store';
import { resetFleet } from '../trucks/store';

export const newDemoDay = defineCommand({
	type: 'demo.new_day',
	emits: ['demo.day_restarted'],
	action: 'demo.run',
	apply(db, p) {
		resetFleet(db, dayNow(db));
		resetChecklists(db);
		resetCheckins(db);
		resetReports(db);
		return {
			type: 'demo.day_restarted',
			data: { anchorReal: p.anchorReal },
			audience: ['ops', 'display', 'staff', 'admin'],
			about: 'event'
		};
	}
});

/** Every command of this domain; registry.ts lists the domains. */
export const simulatorHandlers = [newDemoDay];
