using VfeTps.Stream.Audit.Chain;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>
/// Creates the audit trail's tables and triggers (idempotently, at every start, so a dropped trigger
/// comes back):
/// <list type="bullet">
/// <item><c>audit_entries</c>: the entries; an UPDATE aborts, and a DELETE aborts while an older row exists,
/// so only the oldest entries can go (retention, in ascending order).</item>
/// <item><c>audit_anchor</c>: one row, the sequence and hash the oldest remaining entry chains from (the
/// genesis, then the last entry deleted); moved forward by a trigger on every delete, never backwards.</item>
/// </list>
/// The triggers stop mistakes and any code path that uses SQL; they do not stop someone who can write
/// the file (see the README: the hash chain detects edits, exports and anchoring the head detect rewrites).
/// </summary>
internal static class AuditSchema
{
    public const string AppendOnlyMessage = "the audit trail is append-only";

    public static void Create(SiteDatabase database)
    {
        database.Execute($"""
            CREATE TABLE IF NOT EXISTS audit_entries (
                sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                time INTEGER NOT NULL,
                action TEXT NOT NULL,
                actor_id TEXT NOT NULL,
                actor_name TEXT NOT NULL,
                target TEXT NULL,
                detail TEXT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('Succeeded', 'Refused', 'Failed')),
                client_address TEXT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            ) STRICT;
            CREATE INDEX IF NOT EXISTS audit_entries_time ON audit_entries (time);
            CREATE INDEX IF NOT EXISTS audit_entries_actor_id ON audit_entries (actor_id);
            CREATE INDEX IF NOT EXISTS audit_entries_actor_name ON audit_entries (actor_name);
            CREATE INDEX IF NOT EXISTS audit_entries_action ON audit_entries (action);

            CREATE TABLE IF NOT EXISTS audit_anchor (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                sequence INTEGER NOT NULL,
                hash TEXT NOT NULL
            ) STRICT;
            INSERT OR IGNORE INTO audit_anchor (id, sequence, hash) VALUES (1, 0, '{AuditHash.Genesis}');

            CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
            BEGIN
                SELECT RAISE(ABORT, '{AppendOnlyMessage}: entries cannot be changed');
            END;

            CREATE TRIGGER IF NOT EXISTS audit_entries_oldest_first BEFORE DELETE ON audit_entries
            WHEN EXISTS (SELECT 1 FROM audit_entries WHERE sequence < OLD.sequence)
            BEGIN
                SELECT RAISE(ABORT, '{AppendOnlyMessage}: only the oldest entries can be deleted (retention)');
            END;

            CREATE TRIGGER IF NOT EXISTS audit_entries_move_anchor AFTER DELETE ON audit_entries
            BEGIN
                UPDATE audit_anchor SET sequence = OLD.sequence, hash = OLD.hash WHERE id = 1;
            END;

            CREATE TRIGGER IF NOT EXISTS audit_anchor_forward_only BEFORE UPDATE ON audit_anchor
            WHEN NEW.sequence <= OLD.sequence OR NEW.id <> OLD.id
            BEGIN
                SELECT RAISE(ABORT, '{AppendOnlyMessage}: its anchor only moves forward');
            END;

            CREATE TRIGGER IF NOT EXISTS audit_anchor_no_delete BEFORE DELETE ON audit_anchor
            BEGIN
                SELECT RAISE(ABORT, '{AppendOnlyMessage}: its anchor cannot be deleted');
            END;
            """);
    }
}
