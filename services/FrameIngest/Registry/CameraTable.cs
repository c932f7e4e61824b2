using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Registry;

/// <summary>Creates the registry's table, and adds the columns that later versions need to a table an earlier version made.</summary>
internal static class CameraTable
{
    public static void Create(SiteDatabase database)
    {
        database.Execute("""
            CREATE TABLE IF NOT EXISTS frame_ingest_cameras (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                source TEXT NOT NULL,
                sample_rate REAL NOT NULL,
                detector TEXT NOT NULL,
                loop INTEGER NOT NULL,
                paced INTEGER NOT NULL,
                added_at INTEGER NOT NULL,
                ended_health TEXT
            ) STRICT;
            """);

        // ended_health (the final health of an unlooped file read to its end; NULL while not ended) came later.
        using var connection = database.Open();
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('frame_ingest_cameras') WHERE name = 'ended_health';";
        if (Convert.ToInt64(columns.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE frame_ingest_cameras ADD COLUMN ended_health TEXT;";
            alter.ExecuteNonQuery();
        }
    }
}
