/** Demo: the coordinator announces each milestone of the run of show as it comes. */
import { isWholeDay } from '$lib/scenario/milestone-time';
import { dayStartMs } from '$lib/time/input';
import { userActor } from '../access';
import { executeCommand } from '../commands/execute';
import { db } from '../db';
import { uuidFromName } from '../ids';
import { listMilestones } from '../scenario/store';
import { firstDemoUser } from '../users/store';
import type { DemoActor } from './types';

export const milestoneNotices: DemoActor = {
	name: 'milestones',
	async tick({ eventId, cycle, from, to }) {
		const coordinator = firstDemoUser(db(), 'coordinator');
		if (!coordinator) return;
		for (const milestone of listMilestones(db())) {
			// a day without an hour is announced as that day begins: it is due by its end
			const wholeDay = isWholeDay(milestone.at);
			const at = wholeDay ? dayStartMs(milestone.at) : Date.parse(milestone.at);
			if (at <= from || at > to) continue;
			await executeCommand(
				userActor(coordinator),
				{
					id: uuidFromName(`demo:${eventId}:${cycle}:milestone:${milestone.id}`),
					type: 'notice.post',
					payload: {
						body: `${wholeDay ? 'Trong ngày hôm nay' : 'Đến giờ'}: ${milestone.title}${milestone.place ? ` — ${milestone.place}` : ''}`,
						urgent: milestone.kind === 'deadline',
						targetUnitIds: null
					}
				},
				{ demo: true }
			);
		}
	}
};
