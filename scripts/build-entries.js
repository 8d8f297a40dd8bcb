// Bundles the node entries that are not SvelteKit's, next to the server bundle, resolving its
// $lib alias: the operator's command line (src/lib/server/cli.ts → build/cli.js), the photo
// process (src/lib/server/photos/photo-process-main.ts → build/photo-process.js), the WAL
// checkpointer's thread (src/lib/server/db/checkpointer-main.ts → build/checkpointer.js) and what
// server.js puts in front of SvelteKit (src/lib/server/http/front.ts → build/http-front.js).
// Packages stay external (node_modules).
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
await build({
	entryPoints: {
		cli: path.join(root, 'src/lib/server/cli.ts'),
		'photo-process': path.join(root, 'src/lib/server/photos/photo-process-main.ts'),
		'http-front': path.join(root, 'src/lib/server/http/front.ts'),
		checkpointer: path.join(root, 'src/lib/server/db/checkpointer-main.ts')
	},
	outdir: path.join(root, 'build'),
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	packages: 'external',
	alias: { $lib: path.join(root, 'src/lib') },
	logLevel: 'warning'
});
