import fs from 'node:fs';

/** Integration tests run the built server (`node server.js`), as production does. */
export default function setup(): void {
	if (!fs.existsSync('build/handler.js') || !fs.existsSync('build/cli.js')) {
		throw new Error('No build found: run `npm run build` first (npm test does it for you).');
	}
}
