/**
 * How large a request body each route takes, in one table. Anything not listed (the login form,
 * every ordinary form action) gets the small default: a stranger cannot make the server hold
 * megabytes by posting them to /login. The files a form takes are checked again by the route
 * itself (their own size, type and content); these limits are the transport's, checked before
 * a byte of the body is read (server.js, through body-guard.ts).
 */
import type { MessageKey } from '$lib/i18n';

const kb = 1024;
const mb = 1024 * kb;

export interface BodyLimit {
	bytes: number;
	/** said to the sender, in the sender's language, with the 413 */
	message: MessageKey;
	/** a file: its bytes come out of the account's upload budget (upload-budget.ts) */
	upload?: true;
	/** a file read whole and checked at once (an import): a few in a row per account, then slowly */
	whole?: true;
}

/** one chunk of a photo upload; tablets send 256 KB at a time */
export const photoChunkBytes = 2 * mb;

/** a file form: the file's own limit and room for the form's other fields and multipart framing */
const fileForm = (fileMb: number, message: MessageKey): BodyLimit => ({
	bytes: fileMb * mb + 64 * kb,
	message,
	upload: true,
	whole: true
});

const ordinary: BodyLimit = {
	bytes: 64 * kb,
	message: 'problems.tooLarge.form'
};

interface Route {
	method: string;
	/** the URL's path (the (app) group is not part of it) */
	path: RegExp;
	/** a form action (`?/name`); none: every request to the path */
	action?: string;
	limit: BodyLimit;
}

const routes: Route[] = [
	{
		method: 'PUT',
		path: /^\/photos\/uploads\/[^/]+$/,
		limit: { bytes: photoChunkBytes, message: 'problems.tooLarge.photoChunk', upload: true }
	},
	{
		method: 'POST',
		path: /^\/admin\/scenario$/,
		action: 'import',
		limit: fileForm(5, 'problems.tooLarge.scenario')
	},
	{
		method: 'POST',
		path: /^\/ops\/ceremony$/,
		action: 'importInvitees',
		limit: fileForm(5, 'problems.tooLarge.invitees')
	},
	{
		// a level's signed table and its data file, zipped: a few hundred KB
		method: 'POST',
		path: /^\/reports$/,
		action: 'importPackage',
		limit: fileForm(2, 'packages.tooLarge')
	},
	{
		// ten narrative sections of 20,000 characters, form-encoded, still fit
		method: 'POST',
		path: /^\/reports$/,
		action: 'submit',
		limit: { bytes: 2 * mb, message: 'problems.tooLarge.report' }
	},
	{
		// a drawn route's points, as JSON in one field
		method: 'POST',
		path: /^\/ops\/routes$/,
		action: 'saveRoute',
		limit: { bytes: 1 * mb, message: 'problems.tooLarge.route' }
	}
];

/** The form action a URL names, as SvelteKit reads it: the first `?/name` parameter. */
function actionOf(search: URLSearchParams): string {
	for (const key of search.keys()) if (key.startsWith('/')) return key.slice(1);
	return 'default';
}

/** The limit for a request, from its method and URL (path and query, as Node gives it). */
export function bodyLimitOf(method: string | undefined, url: string | undefined): BodyLimit {
	// read as adapter-node reads it (origin + raw URL), so both see the same path
	let parsed: URL;
	try {
		parsed = new URL(`http://localhost${url ?? '/'}`);
	} catch {
		return ordinary;
	}
	const { pathname, searchParams } = parsed;
	const route = routes.find(
		(r) => r.method === method && r.path.test(pathname) && (!r.action || r.action === actionOf(searchParams))
	);
	return route?.limit ?? ordinary;
}

/** The largest body any route takes: SvelteKit's own limit (BODY_SIZE_LIMIT) behind this table. */
export const largestBodyBytes = Math.max(ordinary.bytes, ...routes.map((r) => r.limit.bytes));
