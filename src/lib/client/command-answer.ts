/**
 * What a device does with the server's answer to a command it keeps (the outbox, a report's
 * draft): an answer settles it, or it is sent again later under the same id.
 */
import type { CommandResult } from '$lib/types';

/**
 * Whether the answer settles the command: taken, or refused for a reason sending it again
 * cannot mend. No answer, a server failure or "too fast" keep it for later.
 */
export function settles(result: CommandResult | null): boolean {
	if (!result) return false;
	return result.ok || (result.code !== 'internal' && result.code !== 'rate_limited');
}

/** How long to wait before sending again when the server said "too fast"; null for any other answer. */
export function throttledFor(result: CommandResult | null): number | null {
	if (!result || result.ok || result.code !== 'rate_limited') return null;
	// a missing or silly hint still waits a moment, never spins
	return Math.max(250, result.retryInMs ?? 1000);
}
