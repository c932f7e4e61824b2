using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// Watchlists and their hits in the site's SQLite database (tables created on first use). Times are
/// stored as UTC ticks; a watchlist's cameras as a JSON array (NULL = every camera). Every query is
/// parameterised; a camera scope is passed as one JSON array and expanded with <c>json_each</c>.
/// Thread-safe: each call uses its own pooled connection.
/// </summary>
internal sealed class WatchlistStore
{
    private const int PruneEvery = 256;

    private readonly SiteDatabase _database;
    private readonly int _hitsKept;
    private int _insertsSincePrune;

    public WatchlistStore(SiteDatabase database, IOptions<WatchlistOptions> options)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _hitsKept = options.Value.HitsKept;
        WatchlistTables.Create(database);
    }

    public void Insert(Watchlist watchlist)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO watchlists (id, name, text, threshold, cameras, created_by_id, created_by, created_at, model_version)
            VALUES ($id, $name, $text, $threshold, $cameras, $createdById, $createdBy, $createdAt, $modelVersion);
            """;
        command.Parameters.AddWithValue("$id", watchlist.Id);
        command.Parameters.AddWithValue("$name", watchlist.Name);
        command.Parameters.AddWithValue("$text", watchlist.Text);
        command.Parameters.AddWithValue("$threshold", watchlist.Threshold);
        command.Parameters.AddWithValue("$cameras", watchlist.Cameras is null ? DBNull.Value : JsonSerializer.Serialize(watchlist.Cameras));
        command.Parameters.AddWithValue("$createdById", watchlist.CreatedById);
        command.Parameters.AddWithValue("$createdBy", watchlist.CreatedBy);
        command.Parameters.AddWithValue("$createdAt", watchlist.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("$modelVersion", watchlist.ModelVersion);
        command.ExecuteNonQuery();
    }

    /// <summary>Deletes the watchlist and its hits; false when there was none.</summary>
    public bool Delete(string id)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM watchlists WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Deletes the hits of crops captured before <paramref name="cutoff"/> (retention); returns how many.</summary>
    public int DeleteHitsCapturedBefore(DateTimeOffset cutoff)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM watchlist_hits WHERE capture_time < $cutoff;";
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
        return command.ExecuteNonQuery();
    }

    public Watchlist? Get(string id)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {WatchlistColumns} FROM watchlists WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadWatchlist(reader) : null;
    }

    public int Count()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM watchlists;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Every watchlist, oldest first.</summary>
    public IReadOnlyList<Watchlist> List()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {WatchlistColumns} FROM watchlists ORDER BY created_at, id;";
        using var reader = command.ExecuteReader();
        var watchlists = new List<Watchlist>();
        while (reader.Read())
            watchlists.Add(ReadWatchlist(reader));
        return watchlists;
    }

    /// <summary>Per watchlist: its hits on cameras of <paramref name="scope"/> and the time the latest was raised.</summary>
    public IReadOnlyDictionary<string, (long Hits, DateTimeOffset? LastHitAt)> HitCounts(CameraScope scope)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT watchlist_id, COUNT(*), MAX(raised_at) FROM watchlist_hits
            WHERE {ScopeCondition("camera_id")}
            GROUP BY watchlist_id;
            """;
        AddScope(command, scope);
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, (long, DateTimeOffset?)>(StringComparer.Ordinal);
        while (reader.Read())
            counts[reader.GetString(0)] = (reader.GetInt64(1), FromTicks(reader.GetInt64(2)));
        return counts;
    }

    /// <summary>Records the model version whose text tower now embeds the watchlist.</summary>
    public void SetModelVersion(string id, string modelVersion)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE watchlists SET model_version = $modelVersion WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$modelVersion", modelVersion);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Stores a hit and returns it with its id; null when the watchlist already has a hit of that camera
    /// and track, or no longer exists (deleted meanwhile).
    /// </summary>
    public WatchlistHit? TryAddHit(WatchlistHit hit)
    {
        WatchlistHit? stored;
        using (var connection = _database.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO watchlist_hits (watchlist_id, crop_id, camera_id, track_id, capture_time, score, similarity, raised_at)
                SELECT $watchlistId, $cropId, $cameraId, $trackId, $captureTime, $score, $similarity, $raisedAt
                WHERE EXISTS (SELECT 1 FROM watchlists WHERE id = $watchlistId)
                ON CONFLICT (watchlist_id, camera_id, track_id) DO NOTHING
                RETURNING id;
                """;
            command.Parameters.AddWithValue("$watchlistId", hit.WatchlistId);
            command.Parameters.AddWithValue("$cropId", hit.CropId);
            command.Parameters.AddWithValue("$cameraId", hit.CameraId);
            command.Parameters.AddWithValue("$trackId", hit.TrackId);
            command.Parameters.AddWithValue("$captureTime", hit.CaptureTime.UtcTicks);
            command.Parameters.AddWithValue("$score", hit.Score);
            command.Parameters.AddWithValue("$similarity", hit.Similarity);
            command.Parameters.AddWithValue("$raisedAt", hit.RaisedAt.UtcTicks);
            var id = command.ExecuteScalar();
            stored = id is long value ? hit with { Id = value } : null;
        }

        if (stored is not null && Interlocked.Increment(ref _insertsSincePrune) >= PruneEvery)
        {
            Interlocked.Exchange(ref _insertsSincePrune, 0);
            Prune();
        }

        return stored;
    }

    /// <summary>Hits of cameras in <paramref name="scope"/>, newest first: of one watchlist or all, before a hit id, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<WatchlistHit> ListHits(CameraScope scope, string? watchlistId, long? before, int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {HitColumns} FROM watchlist_hits h JOIN watchlists w ON w.id = h.watchlist_id
            WHERE ($watchlistId IS NULL OR h.watchlist_id = $watchlistId)
              AND ($before IS NULL OR h.id < $before)
              AND {ScopeCondition("h.camera_id")}
            ORDER BY h.id DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$watchlistId", (object?)watchlistId ?? DBNull.Value);
        command.Parameters.AddWithValue("$before", (object?)before ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        AddScope(command, scope);
        return ReadHits(command);
    }

    /// <summary>The id of the newest hit, 0 when there is none.</summary>
    public long LatestHitId()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM watchlist_hits;";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Hits of cameras in <paramref name="scope"/> with an id above <paramref name="after"/>, oldest first (an alert stream's replay).</summary>
    public IReadOnlyList<WatchlistHit> HitsAfter(CameraScope scope, long after, int limit)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {HitColumns} FROM watchlist_hits h JOIN watchlists w ON w.id = h.watchlist_id
            WHERE h.id > $after AND {ScopeCondition("h.camera_id")}
            ORDER BY h.id LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", limit);
        AddScope(command, scope);
        return ReadHits(command);
    }

    private const string WatchlistColumns = "id, name, text, threshold, cameras, created_by_id, created_by, created_at, model_version";

    private const string HitColumns =
        "h.id, h.watchlist_id, w.name, h.crop_id, h.camera_id, h.track_id, h.capture_time, h.score, h.similarity, h.raised_at";

    private static string ScopeCondition(string column) =>
        $"($cameras IS NULL OR {column} IN (SELECT value FROM json_each($cameras)))";

    private static void AddScope(SqliteCommand command, CameraScope scope) =>
        command.Parameters.AddWithValue("$cameras", scope.Cameras is { } cameras ? JsonSerializer.Serialize(cameras) : DBNull.Value);

    private static Watchlist ReadWatchlist(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetDouble(3),
        reader.IsDBNull(4) ? null : JsonSerializer.Deserialize<string[]>(reader.GetString(4)),
        reader.GetString(5),
        reader.GetString(6),
        FromTicks(reader.GetInt64(7)),
        reader.GetString(8));

    private static List<WatchlistHit> ReadHits(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var hits = new List<WatchlistHit>();
        while (reader.Read())
        {
            hits.Add(new WatchlistHit(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5),
                FromTicks(reader.GetInt64(6)), reader.GetDouble(7), reader.GetDouble(8), FromTicks(reader.GetInt64(9))));
        }

        return hits;
    }

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    /// <summary>Keeps the newest <see cref="WatchlistOptions.HitsKept"/> hits.</summary>
    private void Prune()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM watchlist_hits
            WHERE id < (SELECT id FROM watchlist_hits ORDER BY id DESC LIMIT 1 OFFSET $kept - 1);
            """;
        command.Parameters.AddWithValue("$kept", _hitsKept);
        command.ExecuteNonQuery();
    }
}
