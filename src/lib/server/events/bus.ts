/**
 * Committed events, handed from the command path to the realtime module. One listener
 * set per process, kept on globalThis so a dev hot reload does not split it.
 */
import type { LiveEvent } from '$lib/types';

type Listener = (event: LiveEvent, audience: string[]) => void;
const key = Symbol.for('khai-mac.event-bus');
type Holder = { [key]?: Set<Listener> };

function listeners(): Set<Listener> {
	const holder = globalThis as Holder;
	holder[key] ??= new Set();
	return holder[key];
}

export function onCommitted(listener: Listener): () => void {
	listeners().add(listener);
	return () => listeners().delete(listener);
}

export function publishCommitted(event: LiveEvent, audience: string[]): void {
	for (const listener of listeners()) listener(event, audience);
}
