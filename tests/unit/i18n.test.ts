import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areas, placeholdersOf, translate } from '../../src/lib/i18n';
import { english } from '../../src/lib/i18n/en';
import { sourceFiles, untranslatedIn } from '../../scripts/untranslated.js';

type Finding = { file: string; line: number; text: string };

/**
 * Files whose words are not the app's own, each with why: they are read in the plan's language
 * whatever the reader's.
 */
const notTheAppsWords: Record<string, string> = {
	'src/lib/i18n/vi/': 'the catalogue itself',
	'src/lib/i18n/en/': 'the catalogue itself',
	'src/lib/reports/official.ts':
		'the official report’s own words: signed, stamped and sent up a level in Vietnamese whatever the screen’s language',
	'src/lib/reports/official-facts.ts':
		'the day’s facts in the report’s own words: the writer edits them into section I of that same document',
	'src/lib/server/access.ts': 'a wall screen’s name as the audit log records who acted (data)',
	'src/lib/server/config.ts': 'a bad setting, said to the operator’s terminal when the server cannot start',
	'src/lib/server/cli.ts':
		'the operator’s command line (no language switch; its actor names are stored in the log)',
	'src/lib/server/backup/': 'said to the operator’s command line',
	'src/lib/server/db/migrations.ts': 'said to the operator’s terminal when the server cannot start',
	'src/lib/server/simulator/':
		'what the demo’s people write and photograph (notes, notices, reasons): data in the plan’s language'
};

describe('the catalogue', () => {
	const entries = Object.keys(areas).map((area) => [
		area,
		{
			vi: areas[area as keyof typeof areas] as Record<string, string>,
			en: english[area as keyof typeof english] as Record<string, string>
		}
	]) as [string, { vi: Record<string, string>; en: Record<string, string> }][];

	it('has the same areas in both languages', () => {
		expect(Object.keys(english).sort()).toEqual(Object.keys(areas).sort());
	});

	it('has every key in both languages, with the same placeholders and no empty words', () => {
		const faults: string[] = [];
		for (const [area, { vi, en }] of entries) {
			for (const key of Object.keys(vi)) {
				if (!(key in en)) faults.push(`${area}: "${key}" has no English`);
				else if (placeholdersOf(vi[key]).join() !== placeholdersOf(en[key]).join())
					faults.push(
						`${area}: "${key}" takes {${placeholdersOf(vi[key])}} in Vietnamese, {${placeholdersOf(en[key])}} in English`
					);
				if (!vi[key].trim()) faults.push(`${area}: "${key}" is empty in Vietnamese`);
				if (key in en && !en[key].trim()) faults.push(`${area}: "${key}" is empty in English`);
			}
			for (const key of Object.keys(en)) if (!(key in vi)) faults.push(`${area}: "${key}" has no Vietnamese`);
		}
		expect(faults).toEqual([]);
	});

	it('names each key once, under its area', () => {
		const seen = new Map<string, string>();
		const faults: string[] = [];
		for (const [area, { vi }] of entries) {
			for (const key of Object.keys(vi)) {
				if (seen.has(key)) faults.push(`"${key}" is in ${seen.get(key)} and ${area}`);
				seen.set(key, area);
				if (area !== 'common' && !key.startsWith(`${area}.`)) faults.push(`"${key}" is in ${area}`);
			}
		}
		expect(faults).toEqual([]);
	});

	it('fills parameters and picks English plurals', () => {
		expect(translate('en', 'problems.tooFast', { seconds: 1 })).toBe('Sent too fast; try again in 1 second.');
		expect(translate('en', 'problems.tooFast', { seconds: 30 })).toBe(
			'Sent too fast; try again in 30 seconds.'
		);
		expect(translate('vi', 'problems.tooFast', { seconds: 30 })).toBe(
			'Gửi quá nhanh, hãy thử lại sau 30 giây.'
		);
	});
});

describe('words outside the catalogue', () => {
	it('are none: every text in markup, and every Vietnamese string in code, comes from the catalogue', () => {
		const found: Finding[] = sourceFiles('src').flatMap(untranslatedIn);
		const left = found
			.map((f) => ({ ...f, file: relative(process.cwd(), f.file) }))
			.filter((f) => !Object.keys(notTheAppsWords).some((prefix) => f.file.startsWith(prefix)))
			.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`);
		expect(left).toEqual([]);
	});
});
