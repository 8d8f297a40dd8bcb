/**
 * A report package's hashes (see $lib/reports/package.ts): SHA-256 of the .xlsx's bytes, and
 * SHA-256 of the canonical JSON (canonical-json.ts: keys sorted, no spaces, UTF-8) of the
 * package's format, version and content, the .xlsx's hash among them. A change to a number, a
 * name, the sign-off or the spreadsheet changes the hash; it proves the file is as it was
 * written, not who wrote it.
 */
import { createHash } from 'node:crypto';
import type { ReportPackage } from '$lib/reports/package';
import { canonicalJson } from '../../canonical-json';

export function sha256Hex(bytes: Buffer | string): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** The hash a package's `sha256` must be: over everything in it but that field. */
export function packageHash(pack: Pick<ReportPackage, 'format' | 'version' | 'content'>): string {
	const { format, version, content } = pack;
	return sha256Hex(canonicalJson({ format, version, content }));
}
