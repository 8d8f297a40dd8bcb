/**
 * Finding a person at the gate by what the staff can type fast on a phone: no diacritics, any
 * case, parts of the name in any order ("nguyen van a" finds "Nguyễn Văn A").
 */
export function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[đĐ]/g, 'd')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}

export interface Searchable {
	name: string;
	title: string | null;
	unit: string | null;
}

/** Each word typed must start a word of the name (or, ranked lower, of the title or unit). */
export function searchInvitees<T extends Searchable>(people: T[], query: string, limit = 8): T[] {
	const words = fold(query).split(' ').filter(Boolean);
	if (words.length === 0) return [];
	const matches = (text: string) => {
		const tokens = fold(text).split(' ');
		return words.every((w) => tokens.some((t) => t.startsWith(w)));
	};
	const byName: T[] = [];
	const byOther: T[] = [];
	for (const person of people) {
		if (matches(person.name)) byName.push(person);
		else if (matches(`${person.name} ${person.title ?? ''} ${person.unit ?? ''}`)) byOther.push(person);
		if (byName.length >= limit) break;
	}
	return [...byName, ...byOther].slice(0, limit);
}
