/** Where a stored photo is served (by its content hash): checklists and reports alike. */
export function photoUrl(id: string, size: 'thumb' | 'display' = 'display'): string {
	return `/photos/${id}${size === 'thumb' ? '?size=thumb' : ''}`;
}
