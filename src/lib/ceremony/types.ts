/** The ceremony (lễ khai mạc): invitees, groups and check-ins, shared by server, gates, ops and display. */

export interface InvitedGroupView {
	id: string;
	name: string;
	expected: number;
}

export interface InviteeView {
	id: string;
	/** printed in the QR as `KM:<code>` */
	code: string;
	name: string;
	title: string | null;
	unit: string | null;
	groupId: string;
	phone: string | null;
	demo: boolean;
}

export interface CheckinView {
	id: string;
	/** the ceremony it is at (absent in events logged before each level had its own: the top's) */
	ceremonyId?: string;
	inviteeId: string | null;
	inviteeName: string | null;
	groupId: string;
	count: number;
	/** who checked in, at which gate (the gate account's name) */
	gate: string;
	/** day time */
	at: number;
	undone: boolean;
}

export const qrPrefix = 'KM:';
export const groupQrPrefix = 'KMG:';

/** What a scanned QR says: an invitee's code, or a group for a headcount. */
export function readQr(
	text: string
): { kind: 'invitee'; code: string } | { kind: 'group'; groupId: string } | null {
	const value = text.trim();
	if (value.startsWith(qrPrefix)) return { kind: 'invitee', code: value.slice(qrPrefix.length) };
	if (value.startsWith(groupQrPrefix)) return { kind: 'group', groupId: value.slice(groupQrPrefix.length) };
	return null;
}

/** Arrivals per group from the check-ins that stand. */
export function arrivalsByGroup(checkins: CheckinView[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const c of checkins) if (!c.undone) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + c.count);
	return counts;
}

/** The arrival curve: cumulative arrivals at each step of `stepMs` from `from` to `to` (day time). */
export function arrivalCurve(
	checkins: CheckinView[],
	from: number,
	to: number,
	stepMs: number
): [number, number][] {
	const sorted = checkins.filter((c) => !c.undone).sort((a, b) => a.at - b.at);
	const points: [number, number][] = [];
	let total = 0;
	let i = 0;
	for (let t = from; t <= to; t += stepMs) {
		while (i < sorted.length && sorted[i].at <= t) total += sorted[i++].count;
		points.push([t, total]);
	}
	return points;
}
