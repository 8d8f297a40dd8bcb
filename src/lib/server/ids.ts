import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * A UUID derived from a name (version 5 layout, SHA-256 based): the same name always gives
 * the same id, so a command re-sent after a restart is recognised and takes effect once.
 */
export function uuidFromName(name: string): string {
	const hex = encodeHexLowerCase(sha256(new TextEncoder().encode(name)));
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A short code for a QR, derived from an id (no 0/O, 1/I: read aloud or typed without doubt). */
export function shortCode(id: string, length = 10): string {
	const bytes = sha256(new TextEncoder().encode(`code:${id}`));
	return Array.from(bytes.subarray(0, length), (b) => codeAlphabet[b % codeAlphabet.length]).join('');
}
