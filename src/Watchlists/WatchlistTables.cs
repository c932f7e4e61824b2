using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// Creates the watchlists' tables in the site database (idempotent). Hit ids come from AUTOINCREMENT,
/// so they only grow and are never reused, even after deletions: the alert stream's Last-Event-ID
/// relies on that. The unique (watchlist, camera, track) constraint is what makes a track hit a
/// watchlist once, across restarts too.
/// </summary>
internal static class WatchlistTables
{
    public static void Create(SiteDatabase database)
    {
        database.Execute("""
            CREATE TABLE IF NOT EXISTS watchlists (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                text TEXT NOT NULL,
                threshold REAL NOT NULL,
                cameras TEXT,
                created_by_id TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                model_version TEXT NOT NULL
            ) STRICT;
            CREATE TABLE IF NOT EXISTS watchlist_hits (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                watchlist_id TEXT NOT NULL REFERENCES watchlists(id) ON DELETE CASCADE,
                crop_id TEXT NOT NULL,
                camera_id TEXT NOT NULL,
                track_id INTEGER NOT NULL,
                capture_time INTEGER NOT NULL,
                score REAL NOT NULL,
                similarity REAL NOT NULL,
                raised_at INTEGER NOT NULL,
                UNIQUE (watchlist_id, camera_id, track_id)
            ) STRICT;
            CREATE INDEX IF NOT EXISTS watchlist_hits_by_camera ON watchlist_hits (camera_id, id);
            """);
    }
}
