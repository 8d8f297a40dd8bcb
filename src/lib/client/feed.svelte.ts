/** Page state fed by live events: lists keyed by id, capped so a day-long screen stays flat. */
import type { NoticeData } from '$lib/notices/events';
import type { LiveEvent } from '$lib/types';
import { live } from './live.svelte';

/** Feeds every live event to the given page states; returns the unsubscribe (for $effect). */
export function followLive(...states: { apply(event: LiveEvent): void }[]): () => void {
	return live.onEvent((event) => {
		for (const state of states) state.apply(event);
	});
}

export class LiveFeed {
	events = $state<LiveEvent[]>([]);
	#limit: number;
	#keeps: (event: LiveEvent) => boolean;

	/** `keeps`: which live events belong in this feed (every one the page receives, by default) */
	constructor(initial: LiveEvent[], limit = 40, keeps: (event: LiveEvent) => boolean = () => true) {
		this.events = initial.slice(-limit);
		this.#limit = limit;
		this.#keeps = keeps;
	}

	apply(event: LiveEvent): void {
		if (!this.#keeps(event) || this.events.some((e) => e.seq === event.seq)) return;
		this.events.push(event);
		if (this.events.length > this.#limit) this.events.splice(0, this.events.length - this.#limit);
	}
}

export interface NoticeView extends NoticeData {
	at: number;
	demo: boolean;
}

export class NoticeBoard {
	notices = $state<NoticeView[]>([]);
	#limit: number;

	/** `initial` newest first, as the server sends it */
	constructor(initial: NoticeView[], limit = 30) {
		this.notices = initial.slice(0, limit);
		this.#limit = limit;
	}

	apply(event: LiveEvent): void {
		if (event.type !== 'notice.posted') return;
		const data = event.data;
		if (this.notices.some((n) => n.id === data.id)) return;
		this.notices.unshift({ ...data, at: event.at, demo: event.demo });
		if (this.notices.length > this.#limit) this.notices.length = this.#limit;
	}
}
