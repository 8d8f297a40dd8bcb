/** Scenario files made for a test: the default scenario with its day moved to now. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { msToIso } from '../../src/lib/time/input';
import { defaultScenario } from './server';

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+07:00$/;

/**
 * The default scenario with every time shifted so that the first checkpoint of the parade is
 * `minutesFromNow` from now (negative: already past). Returns the file's path.
 */
export function scenarioMovedToNow(minutesFromNow: number): string {
	const scenario = JSON.parse(fs.readFileSync(defaultScenario, 'utf8'));
	const first = Math.min(
		...scenario.routes.flatMap((r: { checkpoints: { plannedAt: string }[] }) =>
			r.checkpoints.map((c) => Date.parse(c.plannedAt))
		)
	);
	const delta = Date.now() + minutesFromNow * 60_000 - first;
	const shift = (value: unknown): unknown => {
		if (typeof value === 'string' && isoWithOffset.test(value)) return msToIso(Date.parse(value) + delta);
		if (Array.isArray(value)) return value.map(shift);
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shift(v)]));
		return value;
	};
	const moved = shift(scenario) as typeof scenario;
	moved.event.startDate = msToIso(Date.now() - 86400_000).slice(0, 10);
	moved.event.endDate = msToIso(Date.now() + 6 * 86400_000).slice(0, 10);
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'khai-mac-scenario-')), 'today.json');
	fs.writeFileSync(file, JSON.stringify(moved));
	return file;
}
