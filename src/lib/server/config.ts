/** Settings from the environment, read once. Defaults run the embedded demo on one machine. */
import path from 'node:path';

function int(name: string, fallback: number): number {
	const raw = process.env[name];
	const value = raw === undefined || raw === '' ? fallback : Number(raw);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} phải là số nguyên không âm (đang là "${raw}")`);
	return value;
}

const dataDir = path.resolve(process.env.KHAIMAC_DATA_DIR ?? 'data/var');
const databasePath = path.resolve(process.env.KHAIMAC_DB ?? path.join(dataDir, 'khai-mac.sqlite'));

export const config = {
	dataDir,
	databasePath,
	/** the report tables a plan may name ("reportTable": "htsd-2023"), shipped with the app */
	reportTablesDir: path.resolve('data/report-tables'),
	/** photos, by content hash; beside the database so a backup takes both */
	photosDir: path.resolve(process.env.KHAIMAC_PHOTOS_DIR ?? path.join(path.dirname(databasePath), 'photos')),
	/** the largest photo file accepted, in MB (tablets scale photos down before sending) */
	photoMaxMb: int('KHAIMAC_PHOTO_MAX_MB', 15),
	/** the photo process is let go (its memory given back) after this long without a photo */
	photoProcessIdleSeconds: int('KHAIMAC_PHOTO_PROCESS_IDLE_S', 60),
	/** a photo still being decoded after this long is refused as unreadable (tablets wait 60 s) */
	photoTimeoutSeconds: int('KHAIMAC_PHOTO_TIMEOUT_S', 30),
	production: process.env.NODE_ENV === 'production',
	sessionDays: int('KHAIMAC_SESSION_DAYS', 30),
	/** events a reconnecting client may be sent one by one; past this it reloads a snapshot */
	resyncLimit: int('KHAIMAC_RESYNC_LIMIT', 5000),
	/** missed events one catch-up answer carries; the client asks again for the next page */
	resyncPage: int('KHAIMAC_RESYNC_PAGE', 500),
	/** live connections one browser's sign-in may hold (a few tabs); 0: no limit */
	socketsPerLogin: int('KHAIMAC_SOCKETS_PER_LOGIN', 20),
	/** live connections one display link may hold (every screen showing it, twice over after a blip) */
	socketsPerDisplayLink: int('KHAIMAC_SOCKETS_PER_LINK', 100),
	/** live connections from one address (see ADDRESS_HEADER behind a proxy; a venue's NAT holds
	 * all its devices, and dead ones count until their ping times out); 0: no limit */
	socketsPerAddress: int('KHAIMAC_SOCKETS_PER_ADDRESS', 10000),
	/** heap growth past what a full collection left, in % (0: V8's own choice): heap-growth.ts */
	heapGrowthPercent: int('KHAIMAC_HEAP_GROWTH_PERCENT', 100),
	/** a sign-in whose connection was let go for asking on past its limits may not connect for this long (0: never let go) */
	coolDownSeconds: int('KHAIMAC_COOL_DOWN_S', 30),
	/** files read whole (imports) an account may send in a row; then one every 20 s */
	importsInARow: int('KHAIMAC_IMPORTS_IN_A_ROW', 3),
	/** demo: simulated minutes per real minute; 0 = no simulator (the real thing) */
	demoSpeed: int('KHAIMAC_DEMO_SPEED', 0),
	/** failed logins for one account from one address (4× that from an address) before tries wait */
	loginMaxFailures: int('KHAIMAC_LOGIN_MAX_FAILURES', 5),
	/** the longest a try waits after failures (the wait doubles from 2 s up to this) */
	loginMaxDelaySeconds: int('KHAIMAC_LOGIN_MAX_DELAY_S', 60),
	/** a request (headers and body) must arrive in full within this, or it is cut: 3G photo chunks take seconds */
	requestTimeoutSeconds: int('KHAIMAC_REQUEST_TIMEOUT_S', 60),
	/** truck alerts (in the day's time): late at a checkpoint, off route, no position */
	lateMinutes: int('KHAIMAC_LATE_MINUTES', 5),
	offRouteMeters: int('KHAIMAC_OFF_ROUTE_METERS', 100),
	offRouteSeconds: int('KHAIMAC_OFF_ROUTE_SECONDS', 60),
	staleSeconds: int('KHAIMAC_STALE_SECONDS', 60),
	arrivalRadiusMeters: int('KHAIMAC_ARRIVAL_RADIUS_METERS', 50),
	/** map tiles; empty for none (the map draws on a plain background either way) */
	tileUrl: process.env.KHAIMAC_TILE_URL ?? 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
	tileAttribution: process.env.KHAIMAC_TILE_ATTRIBUTION ?? '© OpenStreetMap contributors',
	loginWindowSeconds: int('KHAIMAC_LOGIN_WINDOW_SECONDS', 900),
	/**
	 * commands one socket may send at once (a tablet's outbox flushing after a dead spot), then
	 * per second; an account or display link may send twice this over all its sockets. Either 0:
	 * no limit (benchmarks that measure the command path flat out)
	 */
	commandBurst: int('KHAIMAC_COMMAND_BURST', 300),
	commandRate: int('KHAIMAC_COMMAND_RATE', 20),
	/**
	 * files one account may send (photos, imported files): MB at once (two of the largest photos),
	 * then MB a second (several tablets on 4G). Either 0: no limit.
	 */
	uploadBurstMb: int('KHAIMAC_UPLOAD_BURST_MB', 32),
	uploadMbPerSecond: int('KHAIMAC_UPLOAD_MB_PER_S', 4),
	/** a gate may undo its own check-in for this long (real minutes) */
	undoMinutes: int('KHAIMAC_UNDO_MINUTES', 5)
} as const;

/** What a page with a map needs to add its tile backdrop (none when the URL is empty). */
export function mapTiles(): { tileUrl: string | null; attribution: string } {
	return { tileUrl: config.tileUrl || null, attribution: config.tileAttribution };
}
