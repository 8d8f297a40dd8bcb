/**
 * Versioned schema migrations, applied in order at start. Never edit a shipped step:
 * add a new one. `PRAGMA user_version` records how far a database file has come.
 */
import type Database from 'better-sqlite3';

// the connection's type from the driver itself: index.ts opens the connection and runs these
type Db = Database.Database;

const steps: string[] = [
	// 1: the core — event log, scenario setup, accounts, sessions, display links, notices
	`
	CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

	-- append-only log: every accepted command becomes one event with a global increasing seq
	CREATE TABLE events (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		command_id TEXT NOT NULL UNIQUE,
		command_hash TEXT NOT NULL,
		type TEXT NOT NULL,
		data TEXT NOT NULL,
		audience TEXT NOT NULL,
		actor_user_id INTEGER,
		actor_label TEXT NOT NULL,
		actor_role TEXT NOT NULL,
		client_id TEXT,
		ip TEXT,
		demo INTEGER NOT NULL DEFAULT 0,
		at INTEGER NOT NULL
	);
	CREATE TABLE refusals (
		id INTEGER PRIMARY KEY,
		command_id TEXT,
		type TEXT,
		code TEXT NOT NULL,
		actor_label TEXT NOT NULL,
		ip TEXT,
		at INTEGER NOT NULL
	);

	-- the imported scenario (one current event); spec columns keep the validated file entry
	CREATE TABLE event_info (
		id TEXT PRIMARY KEY,
		spec TEXT NOT NULL,
		ceremony TEXT,
		report_table TEXT,
		imported_at INTEGER NOT NULL
	);
	CREATE TABLE units (
		id TEXT PRIMARY KEY,
		parent_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
		kind TEXT NOT NULL,
		name TEXT NOT NULL,
		sort INTEGER NOT NULL,
		spec TEXT NOT NULL
	);
	CREATE TABLE milestones (id TEXT PRIMARY KEY, at INTEGER NOT NULL, sort INTEGER NOT NULL, spec TEXT NOT NULL);
	CREATE TABLE slogans (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, spec TEXT NOT NULL);
	CREATE TABLE routes (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, spec TEXT NOT NULL);
	CREATE TABLE trucks (
		id TEXT PRIMARY KEY,
		unit_id TEXT NOT NULL REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
		route_id TEXT REFERENCES routes(id) DEFERRABLE INITIALLY DEFERRED,
		sort INTEGER NOT NULL,
		spec TEXT NOT NULL
	);
	CREATE TABLE checklist_items (
		id TEXT PRIMARY KEY,
		unit_id TEXT NOT NULL REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
		sort INTEGER NOT NULL,
		spec TEXT NOT NULL
	);
	CREATE TABLE invited_groups (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, spec TEXT NOT NULL);
	CREATE TABLE report_rows (id TEXT PRIMARY KEY, sort INTEGER NOT NULL, spec TEXT NOT NULL);

	CREATE TABLE users (
		id INTEGER PRIMARY KEY,
		username TEXT NOT NULL UNIQUE,
		display_name TEXT NOT NULL,
		role TEXT NOT NULL,
		unit_id TEXT REFERENCES units(id) DEFERRABLE INITIALLY DEFERRED,
		truck_id TEXT REFERENCES trucks(id) DEFERRABLE INITIALLY DEFERRED,
		password_hash TEXT NOT NULL,
		disabled INTEGER NOT NULL DEFAULT 0,
		demo INTEGER NOT NULL DEFAULT 0,
		created_at INTEGER NOT NULL
	);
	CREATE TABLE sessions (
		id TEXT PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		expires_at INTEGER NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id);
	CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
	CREATE INDEX login_failures_key ON login_failures(key, at);

	CREATE TABLE display_links (
		id TEXT PRIMARY KEY,
		token TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		created_by INTEGER REFERENCES users(id),
		created_at INTEGER NOT NULL,
		revoked_at INTEGER
	);

	CREATE TABLE notices (
		id TEXT PRIMARY KEY,
		body TEXT NOT NULL,
		urgent INTEGER NOT NULL DEFAULT 0,
		target_unit_ids TEXT,
		author TEXT NOT NULL,
		demo INTEGER NOT NULL DEFAULT 0,
		at INTEGER NOT NULL
	);
	`,
	// 2: loudspeaker trucks — live state, positions (high rate, outside the log), alerts, crew messages
	`
	CREATE TABLE truck_state (
		-- no foreign key: a scenario imported again mid-day keeps the state of trucks it still has
		truck_id TEXT PRIMARY KEY,
		status TEXT NOT NULL DEFAULT 'idle',
		incident_note TEXT,
		started_at INTEGER,
		finished_at INTEGER,
		last_fix TEXT,
		received_at INTEGER,
		along_m REAL,
		off_route_m REAL,
		off_route_since INTEGER,
		slow_since INTEGER,
		reached TEXT NOT NULL DEFAULT '{}',
		coverage TEXT
	);
	CREATE TABLE positions (
		id INTEGER PRIMARY KEY,
		truck_id TEXT NOT NULL,
		device_at INTEGER NOT NULL,
		received_at INTEGER NOT NULL,
		lat REAL NOT NULL,
		lng REAL NOT NULL,
		accuracy REAL,
		speed REAL,
		late INTEGER NOT NULL DEFAULT 0,
		flag TEXT,
		UNIQUE (truck_id, device_at)
	);
	CREATE INDEX positions_time ON positions(device_at);
	CREATE TABLE alerts (
		id TEXT PRIMARY KEY,
		truck_id TEXT NOT NULL,
		kind TEXT NOT NULL,
		checkpoint_id TEXT,
		message TEXT NOT NULL,
		raised_at INTEGER NOT NULL,
		acknowledged_at INTEGER,
		acknowledged_by TEXT,
		cleared_at INTEGER
	);
	CREATE INDEX alerts_open ON alerts(truck_id, kind) WHERE cleared_at IS NULL;
	CREATE TABLE crew_messages (
		id TEXT PRIMARY KEY,
		truck_id TEXT,
		body TEXT NOT NULL,
		author TEXT NOT NULL,
		demo INTEGER NOT NULL DEFAULT 0,
		at INTEGER NOT NULL
	);
	`,
	// 3: ward banner checklists — item state, photos (files stored by content hash), uploads
	`
	CREATE TABLE checklist_state (
		-- no foreign key: a scenario imported again keeps the state of items it still has
		item_id TEXT PRIMARY KEY,
		status TEXT NOT NULL DEFAULT 'todo',
		quantity_done INTEGER,
		note TEXT,
		done_at INTEGER,
		done_by TEXT,
		returned_reason TEXT,
		updated_at INTEGER NOT NULL
	);
	CREATE TABLE photos (
		-- sha256 of the stored display image
		id TEXT PRIMARY KEY,
		width INTEGER NOT NULL,
		height INTEGER NOT NULL,
		bytes INTEGER NOT NULL,
		demo INTEGER NOT NULL DEFAULT 0,
		created_at INTEGER NOT NULL
	);
	-- one resumable upload from a tablet; its photo is usable once complete
	CREATE TABLE photo_uploads (
		id TEXT PRIMARY KEY,
		unit_id TEXT NOT NULL,
		user_id INTEGER,
		total INTEGER NOT NULL,
		photo_id TEXT REFERENCES photos(id),
		created_at INTEGER NOT NULL
	);
	CREATE INDEX photo_uploads_photo ON photo_uploads(photo_id);
	CREATE TABLE checklist_photos (
		item_id TEXT NOT NULL,
		photo_id TEXT NOT NULL REFERENCES photos(id),
		unit_id TEXT NOT NULL,
		status TEXT NOT NULL DEFAULT 'pending',
		reason TEXT,
		added_by TEXT NOT NULL,
		added_at INTEGER NOT NULL,
		reviewed_by TEXT,
		reviewed_at INTEGER,
		PRIMARY KEY (item_id, photo_id)
	);
	CREATE INDEX checklist_photos_reviewed ON checklist_photos(status, reviewed_at);
	`,
	// 4: the ceremony — named invitees (imported lists) and check-ins at the gates
	`
	CREATE TABLE invitees (
		id TEXT PRIMARY KEY,
		-- the short code printed in the invitee's QR
		code TEXT NOT NULL UNIQUE,
		name TEXT NOT NULL,
		title TEXT,
		unit TEXT,
		group_id TEXT NOT NULL,
		phone TEXT,
		sort INTEGER NOT NULL,
		demo INTEGER NOT NULL DEFAULT 0
	);
	CREATE TABLE checkins (
		id TEXT PRIMARY KEY,
		-- null: a headcount of a group (students, crowds)
		invitee_id TEXT,
		group_id TEXT NOT NULL,
		count INTEGER NOT NULL,
		gate TEXT NOT NULL,
		-- day time of the check-in; real_at (server time) bounds the undo window
		at INTEGER NOT NULL,
		real_at INTEGER NOT NULL,
		undone_at INTEGER,
		demo INTEGER NOT NULL DEFAULT 0
	);
	-- a person is in once: a second check-in at any gate is refused while the first stands
	CREATE UNIQUE INDEX checkins_once ON checkins(invitee_id) WHERE invitee_id IS NOT NULL AND undone_at IS NULL;
	CREATE INDEX checkins_time ON checkins(at);
	`,
	// 5: the reporting table: each unit's draft, every submitted version, the signed-off table
	`
	CREATE TABLE report_drafts (
		unit_id TEXT PRIMARY KEY,
		figures TEXT NOT NULL,
		narrative TEXT NOT NULL,
		uploads TEXT NOT NULL,
		saved_at INTEGER NOT NULL,
		by_label TEXT NOT NULL
	);
	CREATE TABLE report_submissions (
		id TEXT PRIMARY KEY,
		unit_id TEXT NOT NULL,
		version INTEGER NOT NULL,
		figures TEXT NOT NULL,
		narrative TEXT NOT NULL,
		photo_ids TEXT NOT NULL,
		-- day time; real_at is the server's
		submitted_at INTEGER NOT NULL,
		real_at INTEGER NOT NULL,
		by_label TEXT NOT NULL,
		late INTEGER NOT NULL,
		after_signoff INTEGER NOT NULL,
		demo INTEGER NOT NULL DEFAULT 0,
		UNIQUE (unit_id, version)
	);
	CREATE TABLE report_signoffs (
		id TEXT PRIMARY KEY,
		at INTEGER NOT NULL,
		by_label TEXT NOT NULL,
		note TEXT NOT NULL,
		counted TEXT NOT NULL,
		totals TEXT NOT NULL,
		demo INTEGER NOT NULL DEFAULT 0
	);
	`,
	// 6: how each wall screen lays out the day (JSON; null: every panel, dark)
	`
	ALTER TABLE display_links ADD COLUMN layout TEXT;
	`,
	// 7: the time of the day each event happened at (in a demo the day runs compressed), for replays
	`
	ALTER TABLE events ADD COLUMN day_at INTEGER;
	CREATE INDEX events_day_at ON events(day_at);
	`,
	// 8: a new random revision whenever the report template changes, so the parsed template can be
	// kept in memory and re-read only then (random, not a counter: a rolled-back change reverts it)
	`
	CREATE TRIGGER report_rows_insert_revision AFTER INSERT ON report_rows BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8)))); END;
	CREATE TRIGGER report_rows_update_revision AFTER UPDATE ON report_rows BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8)))); END;
	CREATE TRIGGER report_rows_delete_revision AFTER DELETE ON report_rows BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8)))); END;
	CREATE TRIGGER event_info_insert_revision AFTER INSERT ON event_info BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8)))); END;
	CREATE TRIGGER event_info_update_revision AFTER UPDATE ON event_info BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8)))); END;
	CREATE TRIGGER event_info_delete_revision AFTER DELETE ON event_info BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8)))); END;
	INSERT OR REPLACE INTO meta (key, value) VALUES ('report_template_revision', json_quote(hex(randomblob(8))));
	`,
	// 9: which rooms may see each event, indexed: a catch-up reads only its rooms' events instead of
	// scanning every event's audience (the audience column stays: it is what was decided at commit)
	`
	CREATE TABLE event_rooms (
		room TEXT NOT NULL,
		seq INTEGER NOT NULL REFERENCES events(seq),
		PRIMARY KEY (room, seq)
	) WITHOUT ROWID;
	INSERT OR IGNORE INTO event_rooms (room, seq)
		SELECT a.value, events.seq FROM events, json_each(events.audience) AS a;
	`,
	// 10: refusals are sampled (commands/refusals.ts): past the first few a minute of one kind, one
	// row stands for many attempts
	`
	ALTER TABLE refusals ADD COLUMN times INTEGER NOT NULL DEFAULT 1;
	`,
	// 11: known devices (auth/devices.ts): a browser that signed in to an account before is not
	// slowed by its address's login failures; only the SHA-256 of its cookie's token is kept
	`
	CREATE TABLE login_devices (
		id TEXT PRIMARY KEY,
		user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
		at INTEGER NOT NULL
	);
	CREATE INDEX login_devices_user ON login_devices(user_id, at);
	`,
	// 12: what an alert found (JSON), for each screen to word in its reader's language; older
	// alerts keep only their Vietnamese message
	`
	ALTER TABLE alerts ADD COLUMN facts TEXT;
	`,
	// 13: a wall screen may show one unit's subtree (a ward's screen); null: the whole event
	`
	ALTER TABLE display_links ADD COLUMN unit_id TEXT;
	`,
	// 14: each level signs off its own table: the unit at its top (null: the whole event's)
	`
	ALTER TABLE report_signoffs ADD COLUMN unit_id TEXT;
	`,
	// 15: a submission brought in as a lower level's signed package (JSON: its hash, the sign-off it
	// holds, who signed and when); one signed table is one submission, however often it is imported
	`
	ALTER TABLE report_submissions ADD COLUMN package TEXT;
	CREATE UNIQUE INDEX report_submissions_package ON report_submissions (json_extract(package, '$.signoffId'))
		WHERE package IS NOT NULL;
	`,
	// 16: which trucks have gathered at a gathering milestone's point (đã tập kết), and when (the
	// fix's day time): recorded once, so a truck moving off again does not take it back
	`
	CREATE TABLE truck_gatherings (
		milestone_id TEXT NOT NULL,
		truck_id TEXT NOT NULL,
		at INTEGER NOT NULL,
		PRIMARY KEY (milestone_id, truck_id)
	) WITHOUT ROWID;
	`,
	// 17: a ceremony per level: each its own row with the unit whose level runs it (null: the top's),
	// and its groups, invitees and check-ins marked with it. The event's one ceremony becomes the top
	// level's, under the id a plan's single "ceremony" goes by (schema.ts topCeremonyId)
	`
	CREATE TABLE ceremonies (
		id TEXT PRIMARY KEY,
		unit_id TEXT,
		sort INTEGER NOT NULL,
		spec TEXT NOT NULL
	);
	INSERT INTO ceremonies (id, unit_id, sort, spec)
		SELECT 'khai-mac', NULL, 0, ceremony FROM event_info WHERE ceremony IS NOT NULL;
	UPDATE event_info SET ceremony = NULL;
	ALTER TABLE invited_groups ADD COLUMN ceremony_id TEXT NOT NULL DEFAULT 'khai-mac';
	ALTER TABLE invitees ADD COLUMN ceremony_id TEXT NOT NULL DEFAULT 'khai-mac';
	ALTER TABLE checkins ADD COLUMN ceremony_id TEXT NOT NULL DEFAULT 'khai-mac';
	CREATE INDEX checkins_ceremony ON checkins(ceremony_id, at);
	`
];

/** Brings a database up to this release's schema (`upTo`: an older release's, for tests of the steps). */
export function migrate(db: Db, upTo = steps.length): void {
	const current = db.pragma('user_version', { simple: true }) as number;
	if (current > steps.length) {
		throw new Error(
			`Cơ sở dữ liệu ở phiên bản ${current}, mới hơn phần mềm (${steps.length}). Hãy cập nhật phần mềm.`
		);
	}
	for (let version = current; version < upTo; version++) {
		db.transaction(() => {
			db.exec(steps[version]);
			db.pragma(`user_version = ${version + 1}`);
		})();
	}
}

export const schemaVersion = steps.length;
