/** A stable number in [0, 1) from a text: the same item behaves the same in every demo cycle. */
export function share(text: string): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return (h >>> 0) / 2 ** 32;
}
