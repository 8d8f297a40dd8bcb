import { describe, expect, it } from 'vitest';
import { draftText, withDraft, type DayFact } from '../../src/lib/reports/day-facts';

const fact = (id: string, topic: DayFact['topic'], text: string): DayFact => ({
	id,
	topic,
	text,
	source: { href: null, label: 'reports.facts.sourceTrucks' }
});

describe("section I's draft from the day's facts", () => {
	it('puts the topics in the report’s order, one paragraph each, whatever order the facts came in', () => {
		const facts = [
			fact('reports', 'reports', 'D.'),
			fact('trucks.ran', 'trucks', 'A1.'),
			fact('checklists.x', 'checklists', 'B.'),
			fact('trucks.routes', 'trucks', 'A2.')
		];
		expect(draftText(facts)).toBe('A1. A2.\n\nB.\n\nD.');
		expect(draftText([])).toBe('');
	});

	it('fills an empty section, adds below what the writer typed, and adds nothing twice', () => {
		const draft = 'A.\n\nB.';
		expect(withDraft('', draft)).toBe(draft);
		expect(withDraft('  \n', draft)).toBe(draft);
		expect(withDraft('Phường đã triển khai kế hoạch.\n', draft)).toBe(
			`Phường đã triển khai kế hoạch.\n\n${draft}`
		);
		const once = withDraft('Mở đầu.', draft);
		expect(withDraft(once, draft)).toBe(once);
		expect(withDraft('Mở đầu.', '')).toBe('Mở đầu.');
	});
});
