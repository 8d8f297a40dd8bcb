/**
 * Who on an imported invitee list is already invited: a list is imported again when it is
 * corrected (a title, a phone, a few more guests), and its people must be updated in place,
 * keeping the code printed on their letters, instead of being added a second time. The list has
 * no code column, so a person is their name, unit and group as written, compared in one Unicode
 * form (NFC), whatever the case and spacing. Two rows alike are two people (two pupils of one
 * name), each matched to one invitee, in list order.
 */

export interface Listed {
	name: string;
	unit: string | null;
	groupId: string;
}

/** what people type, in one Unicode form (NFC): "Nguyễn" saved decomposed (NFD) is the same name */
export function composed(text: string): string {
	return text.normalize('NFC');
}

const plain = (text: string) => composed(text).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** the key a listed person is matched by */
export function inviteeKey(p: Listed): string {
	return [plain(p.name), plain(p.unit ?? ''), p.groupId].join('\u0000');
}

/** For each row, the invitee it is (each invitee at most once), or null for someone new. */
export function matchInvitees<E extends Listed>(
	existing: readonly E[],
	rows: readonly Listed[]
): (E | null)[] {
	const waiting = new Map<string, E[]>();
	for (const person of existing) {
		const key = inviteeKey(person);
		waiting.set(key, [...(waiting.get(key) ?? []), person]);
	}
	return rows.map((row) => waiting.get(inviteeKey(row))?.shift() ?? null);
}
