using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Registry;

/// <summary>
/// The camera registry, kept in the site's SQLite database (table <c>frame_ingest_cameras</c>).
/// A successful add or remove is announced on the bus (CameraAdded / CameraRemoved), and FrameIngest's
/// consumers start or stop the worker, so changes take effect without a restart. Views mask the
/// source's credentials; the stored source keeps them (the worker needs them to connect), so the
/// database file must be protected like any other secret store.
/// </summary>
public sealed class CameraRegistry : ICameraDirectory
{
    private const string Columns = "id, name, source, sample_rate, detector, loop, paced, added_at";

    private readonly SiteDatabase _database;
    private readonly IPublishEndpoint _bus;
    private readonly ICameraHealthSource _health;
    private readonly ILogger<CameraRegistry> _logger;
    private readonly TimeProvider _time;

    public CameraRegistry(SiteDatabase database, IPublishEndpoint bus, ICameraHealthSource health, ILogger<CameraRegistry> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _bus = bus;
        _health = health;
        _logger = logger;
        _time = time;
        _database.Execute("""
            CREATE TABLE IF NOT EXISTS frame_ingest_cameras (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                source TEXT NOT NULL,
                sample_rate REAL NOT NULL,
                detector TEXT NOT NULL,
                loop INTEGER NOT NULL,
                paced INTEGER NOT NULL,
                added_at INTEGER NOT NULL
            ) STRICT;
            """);
    }

    public async Task<CameraView> AddAsync(CameraSpec spec, CancellationToken cancellationToken)
    {
        var camera = CameraSpecValidator.Validate(spec);
        var addedAt = _time.GetUtcNow();
        using (var connection = _database.Open())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO frame_ingest_cameras ({Columns}) VALUES ($id, $name, $source, $rate, $detector, $loop, $paced, $added);";
            insert.Parameters.AddWithValue("$id", camera.Id);
            insert.Parameters.AddWithValue("$name", camera.Name);
            insert.Parameters.AddWithValue("$source", camera.Source);
            insert.Parameters.AddWithValue("$rate", camera.SampleRate);
            insert.Parameters.AddWithValue("$detector", camera.Detector);
            insert.Parameters.AddWithValue("$loop", camera.Loop ? 1 : 0);
            insert.Parameters.AddWithValue("$paced", camera.Paced ? 1 : 0);
            insert.Parameters.AddWithValue("$added", addedAt.ToUnixTimeMilliseconds());
            try
            {
                insert.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                // 19 = SQLITE_CONSTRAINT: the primary key exists.
                throw new InvalidOperationException($"A camera with id '{camera.Id}' is registered already; remove it first or choose another id.", e);
            }
        }

        try
        {
            // The announcement carries the masked source: credentials never travel on the bus (FrameIngest's
            // consumer reads the real source back from this registry; other services need only the rest).
            await _bus.Publish(new CameraAdded(camera with { Source = StreamSourceMask.Mask(camera.Source) }), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A registered camera that no worker hears of would sit there silently; undo instead.
            FrameIngestLog.AnnounceFailed(_logger, camera.Id, StreamSourceMask.MaskText(e.Message, camera.Source));
            Delete(camera.Id);
            throw;
        }

        FrameIngestLog.Registered(_logger, camera.Id, StreamSourceMask.Mask(camera.Source));
        return ViewOf(camera, DateTimeOffset.FromUnixTimeMilliseconds(addedAt.ToUnixTimeMilliseconds()));
    }

    public Task<IReadOnlyList<CameraView>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CameraView> views = [.. Query(null).Select(row => ViewOf(row.Spec, row.AddedAt))];
        return Task.FromResult(views);
    }

    public Task<CameraView?> GetAsync(string cameraId, CancellationToken cancellationToken)
    {
        var row = CameraIds.IsValid(cameraId) ? Query(cameraId).FirstOrDefault() : default;
        return Task.FromResult(row.Spec is null ? null : ViewOf(row.Spec, row.AddedAt));
    }

    public async Task<bool> RemoveAsync(string cameraId, CancellationToken cancellationToken)
    {
        if (!CameraIds.IsValid(cameraId) || !Delete(cameraId))
        {
            return false;
        }

        FrameIngestLog.Unregistered(_logger, cameraId);
        await _bus.Publish(new CameraRemoved(cameraId), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Every registered camera with its real source (credentials included): for starting workers only.</summary>
    internal IReadOnlyList<CameraSpec> Specs() => [.. Query(null).Select(row => row.Spec)];

    /// <summary>A registered camera with its real source, or null: for starting workers only.</summary>
    internal CameraSpec? FindSpec(string cameraId) => CameraIds.IsValid(cameraId) ? Query(cameraId).FirstOrDefault().Spec : null;

    private CameraView ViewOf(CameraSpec spec, DateTimeOffset addedAt) => new(
        spec.Id,
        spec.Name,
        StreamSourceMask.Mask(spec.Source),
        spec.SampleRate,
        spec.Detector,
        spec.Loop,
        spec.Paced,
        addedAt,
        _health.GetHealth(spec.Id) ?? CameraHealth.NotStarted);

    private bool Delete(string cameraId)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM frame_ingest_cameras WHERE id = $id;";
        delete.Parameters.AddWithValue("$id", cameraId);
        return delete.ExecuteNonQuery() > 0;
    }

    private List<(CameraSpec Spec, DateTimeOffset AddedAt)> Query(string? cameraId)
    {
        using var connection = _database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = cameraId is null
            ? $"SELECT {Columns} FROM frame_ingest_cameras ORDER BY id;"
            : $"SELECT {Columns} FROM frame_ingest_cameras WHERE id = $id;";
        if (cameraId is not null)
        {
            select.Parameters.AddWithValue("$id", cameraId);
        }

        var rows = new List<(CameraSpec, DateTimeOffset)>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            var spec = new CameraSpec(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetDouble(3),
                reader.GetString(4),
                reader.GetInt64(5) != 0,
                reader.GetInt64(6) != 0);
            rows.Add((spec, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7))));
        }

        return rows;
    }
}
