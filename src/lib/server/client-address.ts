/**
 * The address a request came from, read as adapter-node's getClientAddress() reads it (so the
 * socket and the pages agree): behind a proxy, from ADDRESS_HEADER, and for X-Forwarded-For the
 * XFF_DEPTH-th address from the right (the one the trusted proxy saw); otherwise the peer's.
 */
import type { IncomingHttpHeaders } from 'node:http';

export function clientAddress(headers: IncomingHttpHeaders, peer: string): string {
	const header = process.env.ADDRESS_HEADER?.toLowerCase();
	if (!header) return peer;
	const raw = headers[header];
	const value = (Array.isArray(raw) ? raw.join(',') : raw)?.trim();
	if (!value) return peer;
	if (header !== 'x-forwarded-for') return value;
	const addresses = value.split(',').map((a) => a.trim());
	const depth = Number(process.env.XFF_DEPTH ?? 1);
	// fewer hops than the proxies configured: the header was not set by them, trust the peer
	return addresses.length >= depth && depth > 0 ? addresses[addresses.length - depth] : peer;
}
