/**
 * Demo: the wards tick their banner checklists through the preparation day with generated
 * photos labelled demo, as their tablets would; the coordinator reviews each photo a little
 * later, returns one (the ward sends a new photo), and one ward stays behind schedule.
 */
import { checklistKindKey } from '$lib/checklists/types';
import { translate } from '$lib/i18n';
import { userActor, type Actor } from '../access';
import { listItemSpecs, type ChecklistItemSpec } from '../checklists/store';
import { executeCommand } from '../commands/execute';
import { db } from '../db';
import { uuidFromName } from '../ids';
import { getUpload } from '../photos/store';
import { ingestPhoto } from '../photos/uploads';
import { listUnits } from '../scenario/units';
import { demoStaffOf, firstDemoUser } from '../users/store';
import { placeholderPhoto } from './placeholder';
import { share } from './share';
import type { DemoActor, DemoTick } from './types';

const minute = 60_000;

interface Step {
	at: number;
	item: ChecklistItemSpec;
	what: 'tick' | 'accept' | 'reject' | 'retick' | 'accept-again';
}

/** What happens to every item, when: most are done in good time, one ward is late and leaves some undone. */
function schedule(items: ChecklistItemSpec[], actStart: number): Step[] {
	const wards = listUnits(db())
		.filter((u) => u.kind === 'ward' && items.some((i) => i.unitId === u.id))
		.map((u) => u.id);
	const behind = wards[wards.length - 1];
	const returned = items.find((i) => i.unitId === wards[1]);
	const steps: Step[] = [];
	for (const item of items) {
		const deadline = Date.parse(item.deadline);
		const h = share(item.id);
		if (item.unitId === behind && h >= 0.45) continue; // never done: overdue on the display
		const at =
			item.unitId === behind
				? deadline - 40 * minute + h * 60 * minute
				: actStart + (deadline - actStart) * (0.08 + 0.8 * h);
		steps.push({ at, item, what: 'tick' });
		if (item === returned) {
			steps.push({ at: at + 20 * minute, item, what: 'reject' });
			steps.push({ at: at + 50 * minute, item, what: 'retick' });
			steps.push({ at: at + 65 * minute, item, what: 'accept-again' });
		} else {
			steps.push({ at: at + (15 + 25 * h) * minute, item, what: 'accept' });
		}
	}
	return steps;
}

async function act(step: Step, tick: DemoTick, coordinator: Actor | null): Promise<void> {
	const { item } = step;
	const key = (what: string) =>
		uuidFromName(`demo:${tick.eventId}:${tick.cycle}:checklist:${item.id}:${what}`);
	const kind = translate('vi', checklistKindKey[item.kind]);
	if (step.what === 'tick' || step.what === 'retick') {
		const staff = demoStaffOf(db(), item.unitId);
		const actor = staff ? userActor(staff) : coordinator;
		if (!actor) return;
		const uploadId = key(`${step.what}:photo`);
		// a photo made before a restart is not drawn again; the tick (same id) takes effect once
		if (!getUpload(db(), uploadId)?.photoId) {
			const unitName = listUnits(db()).find((u) => u.id === item.unitId)?.name ?? item.unitId;
			const photo = await placeholderPhoto(item.kind, [
				`${kind} · ${item.quantity}`,
				unitName,
				item.place.slice(0, 40),
				step.what === 'retick' ? 'chụp lại' : ''
			]);
			const stored = await ingestPhoto(
				db(),
				{ uploadId, unitId: item.unitId, userId: staff?.id ?? null },
				photo,
				true
			);
			if (!stored.ok) return;
		}
		await executeCommand(
			actor,
			{
				id: key(step.what),
				type: 'checklist.tick',
				payload: {
					itemId: item.id,
					uploads: [uploadId],
					quantityDone: item.quantity,
					note: step.what === 'retick' ? 'Đã chụp lại rõ hơn (demo)' : '',
					at: Math.round(step.at)
				}
			},
			{ demo: true }
		);
		return;
	}
	if (!coordinator) return;
	const photoId = getUpload(db(), key(`${step.what === 'accept-again' ? 'retick' : 'tick'}:photo`))?.photoId;
	if (!photoId) return;
	await executeCommand(
		coordinator,
		{
			id: key(step.what),
			type: 'checklist.review_photo',
			payload: {
				itemId: item.id,
				photoId,
				verdict: step.what === 'reject' ? 'rejected' : 'accepted',
				reason: step.what === 'reject' ? 'Ảnh chưa thấy rõ nội dung khẩu hiệu, đề nghị chụp lại (demo)' : ''
			}
		},
		{ demo: true }
	);
}

export const checklistWork: DemoActor = {
	name: 'checklists',
	async tick(tick) {
		const items = listItemSpecs(db());
		if (items.length === 0) return;
		// the same base as the preparation act (see acts.ts), whichever act the steps fall in
		const dayStart = Math.min(...items.map((i) => Date.parse(i.deadline))) - 11 * 3600_000;
		const user = firstDemoUser(db(), 'coordinator');
		const coordinator = user ? userActor(user) : null;
		for (const step of schedule(items, dayStart)) {
			if (step.at > tick.from && step.at <= tick.to) await act(step, tick, coordinator);
		}
	}
};
