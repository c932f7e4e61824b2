using System.Text.Json;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Registry;

/// <summary>
/// The camera registry, kept in the site's SQLite database (table <c>frame_ingest_cameras</c>).
/// A successful add or remove is announced on the bus (CameraAdded / CameraRemoved), and FrameIngest's
/// consumers start or stop the worker, so changes take effect without a restart. Announcements are
/// made after the commit and are not cancelled with the caller's request (a change that is committed
/// is carried out); an add that cannot be announced is undone, a remove that cannot be announced stops
/// the local worker directly. The registry also remembers that an unlooped file was read to its end,
/// so that it is not read again at the next start. Views mask the source's credentials; the stored
/// source keeps them (the worker needs them to connect), so the database file must be protected like
/// any other secret store.
/// </summary>
public sealed class CameraRegistry : ICameraDirectory
{
    private const string Columns = "id, name, source, sample_rate, detector, loop, paced, added_at, ended_health";

    private readonly SiteDatabase _database;
    private readonly IPublishEndpoint _bus;
    private readonly CameraSupervisor _supervisor;
    private readonly TimeSpan _announceTimeout;
    private readonly ILogger<CameraRegistry> _logger;
    private readonly TimeProvider _time;

    public CameraRegistry(
        SiteDatabase database,
        IPublishEndpoint bus,
        CameraSupervisor supervisor,
        IOptions<FrameIngestOptions> options,
        ILogger<CameraRegistry> logger,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _database = database;
        _bus = bus;
        _supervisor = supervisor;
        _announceTimeout = options.Value.AnnounceTimeout;
        _logger = logger;
        _time = time;
        CameraTable.Create(database);
    }

    public async Task<CameraView> AddAsync(CameraSpec spec, CancellationToken cancellationToken)
    {
        var camera = CameraSpecValidator.Validate(spec);
        cancellationToken.ThrowIfCancellationRequested();

        // Milliseconds, as stored: the worker anchors an unlooped file's capture times at this value.
        var addedAt = DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
        using (var connection = _database.Open())
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO frame_ingest_cameras ({Columns}) VALUES ($id, $name, $source, $rate, $detector, $loop, $paced, $added, NULL);";
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
                throw new CameraAlreadyRegisteredException($"A camera with id '{camera.Id}' is registered already; remove it first or choose another id.", e)
                {
                    CameraId = camera.Id,
                };
            }
        }

        try
        {
            // The announcement carries the masked source: credentials never travel on the bus (FrameIngest's
            // consumer reads the real source back from this registry; other services need only the rest).
            await AnnounceAsync(new CameraAdded(camera with { Source = StreamSourceMask.Mask(camera.Source) })).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A registered camera that no worker hears of would sit there silently; undo instead.
            var error = StreamSourceMask.MaskText(e.Message, camera.Source);
            FrameIngestLog.AnnounceFailed(_logger, camera.Id, error);
            Delete(camera.Id, addedAt);
            throw new InvalidOperationException(
                $"Camera '{camera.Id}' was not registered: announcing it to the camera workers failed ({error}). Try again.", e);
        }

        FrameIngestLog.Registered(_logger, camera.Id, StreamSourceMask.Mask(camera.Source));
        return ViewOf(new RegisteredCamera(camera, addedAt, null));
    }

    public Task<IReadOnlyList<CameraView>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CameraView> views = [.. Query(null).Select(ViewOf)];
        return Task.FromResult(views);
    }

    public Task<CameraView?> GetAsync(string cameraId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(cameraId) is { } camera ? ViewOf(camera) : null);

    public async Task<bool> RemoveAsync(string cameraId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!CameraIds.IsValid(cameraId) || !Delete(cameraId, addedAt: null))
        {
            return false;
        }

        FrameIngestLog.Unregistered(_logger, cameraId);
        try
        {
            await AnnounceAsync(new CameraRemoved(cameraId)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The camera is unregistered either way: at least the worker of this process must not go on.
            FrameIngestLog.RemoveAnnounceFailed(_logger, cameraId, StreamSourceMask.MaskText(e.Message));
            await _supervisor.StopAsync(cameraId, CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Every registered camera with its real source (credentials included): for starting workers only.</summary>
    internal IReadOnlyList<RegisteredCamera> Registered() => Query(null);

    /// <summary>A registered camera with its real source, or null: for starting workers only.</summary>
    internal RegisteredCamera? Find(string cameraId) => CameraIds.IsValid(cameraId) ? Query(cameraId).FirstOrDefault() : null;

    /// <summary>A registered camera's spec with its real source, or null: for tests and diagnostics inside FrameIngest.</summary>
    internal CameraSpec? FindSpec(string cameraId) => Find(cameraId)?.Spec;

    /// <summary>
    /// Remembers that the camera's unlooped file was read to its end (with its final health), so that
    /// it is not started again. False when that registration is gone (removed, or removed and added again).
    /// </summary>
    internal bool RecordEnded(string cameraId, DateTimeOffset addedAt, CameraHealth health)
    {
        using var connection = _database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE frame_ingest_cameras SET ended_health = $health WHERE id = $id AND added_at = $added;";
        update.Parameters.AddWithValue("$health", JsonSerializer.Serialize(health));
        update.Parameters.AddWithValue("$id", cameraId);
        update.Parameters.AddWithValue("$added", addedAt.ToUnixTimeMilliseconds());
        return update.ExecuteNonQuery() > 0;
    }

    private async Task AnnounceAsync<T>(T message)
        where T : class
    {
        // Not the caller's token: the change is committed, so it must be announced even if the request is gone.
        using var timeout = new CancellationTokenSource(_announceTimeout);
        try
        {
            await _bus.Publish(message, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"the bus did not take the announcement within {_announceTimeout.TotalSeconds:0.#} s", e);
        }
    }

    private CameraView ViewOf(RegisteredCamera camera) => new(
        camera.Spec.Id,
        camera.Spec.Name,
        StreamSourceMask.Mask(camera.Spec.Source),
        camera.Spec.SampleRate,
        camera.Spec.Detector,
        camera.Spec.Loop,
        camera.Spec.Paced,
        camera.AddedAt,
        _supervisor.GetHealth(camera.Spec.Id) ?? EndedHealthNow(camera.EndedHealth) ?? CameraHealth.NotStarted);

    /// <summary>The recorded end of a file that has no worker now, with its lag as of now (as a worker would report it).</summary>
    private CameraHealth? EndedHealthNow(CameraHealth? ended)
    {
        if (ended is null)
        {
            return null;
        }

        var lag = ended.LastFrameAt is { } last ? _time.GetUtcNow() - last : (TimeSpan?)null;
        return ended with { State = CameraState.Ended, FramesPerSecondIn = 0, FramesPerSecondOut = 0, Lag = lag < TimeSpan.Zero ? TimeSpan.Zero : lag };
    }

    /// <summary>Deletes the camera (only that registration when <paramref name="addedAt"/> is given); false when there was none.</summary>
    private bool Delete(string cameraId, DateTimeOffset? addedAt)
    {
        using var connection = _database.Open();
        using var delete = connection.CreateCommand();
        delete.CommandText = addedAt is null
            ? "DELETE FROM frame_ingest_cameras WHERE id = $id;"
            : "DELETE FROM frame_ingest_cameras WHERE id = $id AND added_at = $added;";
        delete.Parameters.AddWithValue("$id", cameraId);
        if (addedAt is { } added)
        {
            delete.Parameters.AddWithValue("$added", added.ToUnixTimeMilliseconds());
        }

        return delete.ExecuteNonQuery() > 0;
    }

    private List<RegisteredCamera> Query(string? cameraId)
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

        var rows = new List<RegisteredCamera>();
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
            var ended = reader.IsDBNull(8) ? null : EndedHealthOf(reader.GetString(8));
            rows.Add(new RegisteredCamera(spec, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)), ended));
        }

        return rows;
    }

    private static CameraHealth EndedHealthOf(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<CameraHealth>(json) ?? CameraHealth.NotStarted with { State = CameraState.Ended };
        }
        catch (JsonException)
        {
            // The end is what matters; the figures that came with it are lost.
            return CameraHealth.NotStarted with { State = CameraState.Ended };
        }
    }
}
