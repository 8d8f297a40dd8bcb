// Bundles the operator's command line (src/lib/server/cli.ts) into build/cli.js, next to the
// server bundle, resolving SvelteKit's $lib alias. Packages stay external (node_modules).
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
await build({
	entryPoints: [path.join(root, 'src/lib/server/cli.ts')],
	outfile: path.join(root, 'build/cli.js'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	alias: { $lib: path.join(root, 'src/lib') },
	logLevel: 'warning'
});
