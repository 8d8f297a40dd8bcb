/**
 * Text as a document's XML may hold it: composed (NFC), as Word expects whatever keyboard typed
 * it, and without the code points XML 1.0 forbids that the writers let through (U+FFFE, U+FFFF, a
 * half of a surrogate pair): one such character typed in a ward's report would make the city's
 * .docx and .xlsx unreadable.
 */
export function xmlText(text: string): string {
	return text
		.normalize('NFC')
		.replace(/[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
