// npm test: every check in order (types, lint, build, unit + integration, end to end), stopping
// at the first failure, then one closing line with the counts of both test runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.mkdirSync(results, { recursive: true });

function step(name, command, args) {
	console.log(`\n━━ ${name}`);
	const started = Date.now();
	const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (run.status !== 0) {
		console.error(`\n✗ ${name} FAILED after ${seconds}s (exit ${run.status ?? run.signal})`);
		summary();
		process.exit(1);
	}
	console.log(`✓ ${name} (${seconds}s)`);
}

function counts() {
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const vitest = path.join(results, 'vitest.json');
	if (fs.existsSync(vitest)) {
		const r = JSON.parse(fs.readFileSync(vitest, 'utf8'));
		passed += r.numPassedTests;
		failed += r.numFailedTests;
		skipped += r.numPendingTests + r.numTodoTests;
	}
	const e2e = path.join(results, 'playwright.json');
	if (fs.existsSync(e2e)) {
		const s = JSON.parse(fs.readFileSync(e2e, 'utf8')).stats;
		passed += s.expected + s.flaky;
		failed += s.unexpected;
		skipped += s.skipped;
	}
	return { passed, failed, skipped };
}

function summary() {
	const { passed, failed, skipped } = counts();
	console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
}

for (const file of ['vitest.json', 'playwright.json']) fs.rmSync(path.join(results, file), { force: true });
step('type check', 'npm', ['run', '--silent', 'check']);
step('lint', 'npm', ['run', '--silent', 'lint']);
step('build', 'npm', ['run', '--silent', 'build']);
step('unit and integration tests (vitest)', 'npx', [
	'vitest',
	'run',
	'--reporter=default',
	'--reporter=json',
	`--outputFile.json=${path.join(results, 'vitest.json')}`
]);
step('end-to-end tests (playwright, chromium)', 'npx', ['playwright', 'test']);
summary();
if (counts().failed > 0) process.exit(1);
