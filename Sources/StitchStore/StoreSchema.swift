import GRDB

/// The store's schema, built by migrations (GRDB's `DatabaseMigrator`).
///
/// Migrations are applied in order when a store is opened and are never edited once released:
/// a change of schema is a new migration appended here, and ``currentVersion`` goes up. A file
/// written by a newer Stitch (a migration this build does not know) is refused rather than
/// guessed at.
///
/// Members and activities are stored as their id, their place in the community's order and
/// the full record as JSON: the model's own `Codable` form, the same as on the wire, so every
/// field round-trips exactly, reading a record back validates it again, and a new optional field
/// in the model needs no migration. The engine reads whole records and never queries a field, so
/// nothing is lost by not splitting them into columns; the relations the store must act on are
/// columns (each member's `avoid` list, for the cascade when a member leaves). Exchanges,
/// attendance, weights and outcomes are flat, so they are plain columns.
///
/// - `v1`: members, activities, exchanges, attendance, weights, meta.
/// - `v2`: outcomes (`outcome.record`), the input of `weights.calibrate`.
/// - `v3`: quarantine: the stored rows the last start-up set aside because they cannot be read
///   or break a bound (`StoreQuarantine`), listed and dropped with `stitch admin quarantine`.
/// - `v4`: text vectors: the text model's vector of each text it has embedded, by model identity,
///   so a restart does not embed the community's terms again (`SQLiteCommunityStore+Vectors`).
/// - `v5`: referrals: each referral record as JSON, with the columns lists filter on
///   (`SQLiteCommunityStore+Referrals`).
/// - `v6`: accounts of the web pages (name, role, bcrypt hash) and the audit log
///   (`SQLiteCommunityStore+Accounts`).
/// - `v7`: learned weights: each fit `weights.learn` made, by version, as JSON, with the day it
///   was learnt and last applied (`SQLiteCommunityStore+LearnedWeights`).
/// - `v8`: dismissals: the broker's "not this one" per subject and candidate
///   (`SQLiteCommunityStore+Dismissals`).
/// - `v9`: the ledger: accounts that are not members' and ledger entries (groups, donations,
///   credits spent, carry-overs), each as JSON (`SQLiteCommunityStore+Ledger`). Exchanges keep
///   their own table, unchanged.
/// - `v10`: asks of helpers (subject, candidate, day) and ongoing pairings (person and kind)
///   (`SQLiteCommunityStore+Asks`).
enum StoreSchema {
    /// The schema version this build writes, also kept in `meta.schemaVersion` and
    /// `PRAGMA user_version`.
    static let currentVersion = 10

    /// `PRAGMA application_id`: "STCH", marking the file as a Stitch store.
    static let applicationID: Int32 = 0x5354_4348

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: members, activities, exchanges, attendance, weights, meta") { db in
            try db.execute(
                sql: """
                    CREATE TABLE meta (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    ) WITHOUT ROWID;

                    CREATE TABLE members (
                        id TEXT PRIMARY KEY NOT NULL,
                        position INTEGER NOT NULL UNIQUE,
                        record TEXT NOT NULL
                    );

                    CREATE TABLE member_avoid (
                        member TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                        avoided TEXT NOT NULL REFERENCES members(id) DEFERRABLE INITIALLY DEFERRED
                    );
                    CREATE INDEX member_avoid_by_member ON member_avoid(member);
                    CREATE INDEX member_avoid_by_avoided ON member_avoid(avoided);

                    CREATE TABLE activities (
                        id TEXT PRIMARY KEY NOT NULL,
                        position INTEGER NOT NULL UNIQUE,
                        record TEXT NOT NULL
                    );

                    CREATE TABLE exchanges (
                        seq INTEGER PRIMARY KEY,
                        id TEXT UNIQUE,
                        giver TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                        receiver TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                        hours REAL NOT NULL CHECK (hours >= 0 AND hours <= 168),
                        skill TEXT,
                        date TEXT
                    );
                    CREATE INDEX exchanges_by_giver ON exchanges(giver);
                    CREATE INDEX exchanges_by_receiver ON exchanges(receiver);

                    CREATE TABLE attendance (
                        seq INTEGER PRIMARY KEY,
                        member TEXT NOT NULL REFERENCES members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                        activity TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                        date TEXT
                    );
                    CREATE INDEX attendance_by_member ON attendance(member);
                    CREATE INDEX attendance_by_activity ON attendance(activity);

                    CREATE TABLE weights (
                        profile TEXT PRIMARY KEY NOT NULL,
                        skill REAL NOT NULL,
                        availability REAL NOT NULL,
                        locality REAL NOT NULL,
                        wellbeing REAL NOT NULL,
                        bridging REAL NOT NULL,
                        reciprocity REAL NOT NULL
                    ) WITHOUT ROWID;

                    INSERT INTO meta (key, value) VALUES ('schemaVersion', '1');
                    PRAGMA user_version = 1;
                    PRAGMA application_id = \(applicationID);
                    """)
        }
        migrator.registerMigration("v2: outcomes") { db in
            // The subject is always a member; the candidate is a member or an activity, so it
            // has no foreign key: the writes that remove members and activities prune it.
            try db.execute(
                sql: """
                    CREATE TABLE outcomes (
                        seq INTEGER PRIMARY KEY,
                        subject TEXT NOT NULL REFERENCES members(id) DEFERRABLE INITIALLY DEFERRED,
                        candidate TEXT NOT NULL,
                        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
                        completed INTEGER NOT NULL CHECK (completed IN (0, 1) AND completed <= accepted),
                        wellbeing_before REAL,
                        wellbeing_after REAL
                    );
                    CREATE INDEX outcomes_by_subject ON outcomes(subject);
                    CREATE INDEX outcomes_by_candidate ON outcomes(candidate);

                    UPDATE meta SET value = '2' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 2;
                    """)
        }
        migrator.registerMigration("v3: quarantine") { db in
            // One row per stored record set aside: its table and key (a member's or an
            // activity's id, `#seq` of an exchange, attendance or outcome, a weights profile) and
            // the field and reason, which name no record contents.
            try db.execute(
                sql: """
                    CREATE TABLE quarantine (
                        entry INTEGER PRIMARY KEY,
                        source TEXT NOT NULL,
                        key TEXT NOT NULL,
                        field TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        UNIQUE (source, key)
                    );

                    UPDATE meta SET value = '3' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 3;
                    """)
        }
        migrator.registerMigration("v4: text vectors") { db in
            // One row per text the model has embedded: the model's identity (its name and a hash
            // of its files), the text as given, and the vector as little-endian Float32 bytes. A
            // cache: rows may be dropped at any time and are embedded again when needed.
            try db.execute(
                sql: """
                    CREATE TABLE text_vectors (
                        model TEXT NOT NULL,
                        text TEXT NOT NULL,
                        vector BLOB NOT NULL,
                        PRIMARY KEY (model, text)
                    ) WITHOUT ROWID;

                    UPDATE meta SET value = '4' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 4;
                    """)
        }
        migrator.registerMigration("v5: referrals") { db in
            // One row per referral record: the whole record as JSON (the model's own Codable
            // form, read back strictly), and the columns a list filters on. A referral names its
            // person by id, or holds them inline; it is a history, so it outlives a member's
            // removal (no foreign key).
            try db.execute(
                sql: """
                    CREATE TABLE referrals (
                        id TEXT PRIMARY KEY NOT NULL,
                        person TEXT NOT NULL,
                        practice TEXT,
                        status TEXT NOT NULL,
                        date TEXT NOT NULL,
                        record TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX referrals_by_practice ON referrals(practice);

                    UPDATE meta SET value = '5' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 5;
                    """)
        }
        migrator.registerMigration("v6: accounts and audit log") { db in
            // Accounts are the staff who use the web pages, not members: no reference to the
            // community. The audit log names an account, an action and member ids only (no names,
            // reasons or needs); its lines outlive the accounts and members they name.
            try db.execute(
                sql: """
                    CREATE TABLE accounts (
                        name TEXT PRIMARY KEY NOT NULL,
                        role TEXT NOT NULL,
                        password_hash TEXT NOT NULL,
                        created TEXT NOT NULL
                    ) WITHOUT ROWID;

                    CREATE TABLE audit_log (
                        seq INTEGER PRIMARY KEY,
                        at TEXT NOT NULL,
                        account TEXT,
                        action TEXT NOT NULL,
                        person TEXT,
                        related TEXT,
                        count INTEGER
                    );

                    UPDATE meta SET value = '6' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 6;
                    """)
        }
        migrator.registerMigration("v7: learned weights") { db in
            // One row per fit of a profile's weights to referral outcomes: the whole fit as JSON
            // (read back strictly), with the columns a list filters on. A fit is evidence kept
            // beside the weights, not a reference to the community: no foreign key.
            try db.execute(
                sql: """
                    CREATE TABLE learned_weights (
                        version TEXT PRIMARY KEY NOT NULL,
                        profile TEXT NOT NULL,
                        target TEXT NOT NULL,
                        learned TEXT NOT NULL,
                        applied TEXT,
                        fit TEXT NOT NULL
                    ) WITHOUT ROWID;

                    UPDATE meta SET value = '7' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 7;
                    """)
        }
        migrator.registerMigration("v8: dismissals") { db in
            // One row per subject and candidate. The subject is a member or a referral record's
            // person and the candidate a member or an activity, so neither has a foreign key: the
            // writes that remove members and activities prune them. The reason is the broker's
            // free text: stored, never logged.
            try db.execute(
                sql: """
                    CREATE TABLE dismissals (
                        seq INTEGER PRIMARY KEY,
                        subject TEXT NOT NULL,
                        candidate TEXT NOT NULL,
                        reason TEXT,
                        until TEXT,
                        date TEXT,
                        UNIQUE (subject, candidate)
                    );
                    CREATE INDEX dismissals_by_candidate ON dismissals(candidate);

                    UPDATE meta SET value = '8' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 8;
                    """)
        }
        migrator.registerMigration("v9: ledger") { db in
            // Accounts share the space of member ids (checked by the service); entries name
            // members and accounts in lists, so they are JSON records pruned by the writes that
            // remove members, as the service does in memory.
            try db.execute(
                sql: """
                    CREATE TABLE ledger_accounts (
                        id TEXT PRIMARY KEY NOT NULL,
                        position INTEGER NOT NULL,
                        record TEXT NOT NULL
                    );
                    CREATE TABLE ledger_entries (
                        seq INTEGER PRIMARY KEY,
                        record TEXT NOT NULL
                    );

                    UPDATE meta SET value = '9' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 9;
                    """)
        }
        migrator.registerMigration("v10: asks and pairings") { db in
            // Neither has a foreign key (the person may be a referral record's): the writes that
            // remove members (and `replaceAll`) prune them. An ask without a day keeps '' so that
            // the same ask is stored once.
            try db.execute(
                sql: """
                    CREATE TABLE asks (
                        seq INTEGER PRIMARY KEY,
                        subject TEXT NOT NULL,
                        candidate TEXT NOT NULL,
                        date TEXT NOT NULL,
                        UNIQUE (subject, candidate, date)
                    );
                    CREATE INDEX asks_by_candidate ON asks(candidate);
                    CREATE TABLE pairings (
                        seq INTEGER PRIMARY KEY,
                        person TEXT NOT NULL,
                        kind_key TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        helper TEXT NOT NULL,
                        start TEXT,
                        review TEXT,
                        UNIQUE (person, kind_key)
                    );

                    UPDATE meta SET value = '10' WHERE key = 'schemaVersion';
                    PRAGMA user_version = 10;
                    """)
        }
        return migrator
    }
}
