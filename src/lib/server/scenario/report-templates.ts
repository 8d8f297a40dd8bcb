/**
 * The report tables this server ships (data/report-tables/<name>.json), for plans that name one
 * instead of pasting it. Read when a plan is checked: a template added to the folder is known at
 * the next import, without a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ReportTemplates } from '$lib/scenario/report-templates';
import { config } from '../config';

export function shippedReportTables(dir: string = config.reportTablesDir): ReportTemplates {
	return {
		names() {
			try {
				return fs
					.readdirSync(dir)
					.filter((f) => f.endsWith('.json'))
					.map((f) => f.slice(0, -'.json'.length));
			} catch {
				return [];
			}
		},
		// the name is one of names(): a slug, never a path (withReportTemplate checks it first)
		read: (name) => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8'))
	};
}
