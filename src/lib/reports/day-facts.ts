/**
 * The day's facts offered to a report's writer beside section I: each one sentence in the
 * report's words (official-facts.ts), with the page where its figure can be checked. Shared by the
 * server, which finds them (server/reports/day-facts.ts), and the report page, which drafts from them.
 */
import type { MessageKey } from '$lib/i18n';

/** the topics in the order the draft takes them: one paragraph each */
export const dayTopics = ['trucks', 'checklists', 'ceremony', 'reports'] as const;
export type DayTopic = (typeof dayTopics)[number];

export interface DayFact {
	id: string;
	topic: DayTopic;
	/** one sentence of the report, in Vietnamese whatever the screen's language */
	text: string;
	/** where the figure comes from: the page to check it on (null: not the reader's to open) */
	source: { href: string | null; label: MessageKey };
}

/** The facts as the draft of a section: one paragraph per topic, blank lines between. */
export function draftText(facts: readonly Pick<DayFact, 'topic' | 'text'>[]): string {
	return dayTopics
		.map((topic) =>
			facts
				.filter((f) => f.topic === topic)
				.map((f) => f.text)
				.join(' ')
		)
		.filter((paragraph) => paragraph !== '')
		.join('\n\n');
}

/**
 * What the section says once the draft is put in: the draft itself in an empty section; below
 * what the writer already typed otherwise (their words are never replaced); unchanged when the
 * draft is already in it (a second press adds nothing).
 */
export function withDraft(typed: string, draft: string): string {
	if (!draft || typed.includes(draft)) return typed;
	return typed.trim() ? `${typed.trimEnd()}\n\n${draft}` : draft;
}
