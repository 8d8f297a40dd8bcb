/** Reading form fields into command payloads; validation itself is the command's schema. */
export function text(form: FormData, name: string): string {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
}

export function optionalText(form: FormData, name: string): string | null {
	const value = text(form, name).trim();
	return value === '' ? null : value;
}

export function checkbox(form: FormData, name: string): boolean {
	return form.get(name) === 'on' || form.get(name) === 'true';
}

export function integer(form: FormData, name: string): number {
	const value = text(form, name);
	return /^\d{1,15}$/.test(value) ? Number(value) : NaN;
}
