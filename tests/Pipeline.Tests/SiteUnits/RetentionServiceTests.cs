using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Host.Site;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;
using VfeTps.Stream.Watchlists;

namespace VfeTps.Stream.Pipeline.Tests.SiteUnits;

/// <summary>Retention over real parts (embedded vector index, blob folder, SQLite dead letters) under a fake clock.</summary>
public sealed class RetentionServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly LocalFolderBlobStore _blobs;
    private readonly SqliteDeadLetterStore _deadLetters;
    private readonly SiteDatabase _database;
    private readonly SqliteAuditTrail _audit;
    private readonly ServiceProvider _services;
    private readonly WatchlistRetention _watchlists;
    private IVectorIndex _index = null!;

    public RetentionServiceTests()
    {
        _blobs = new LocalFolderBlobStore(_temp.PathOf("blobs"));
        _database = new SiteDatabase(_temp.PathOf("site.db"));
        _deadLetters = new SqliteDeadLetterStore(_database, NullLogger<SqliteDeadLetterStore>.Instance);
        // The audit trail and the watchlists' store as the site registers them, over the same database.
        _services = new ServiceCollection()
            .AddMetrics()
            .AddLogging()
            .AddSingleton(_database)
            .AddSingleton<TimeProvider>(_clock)
            .AddAuditTrail(new ConfigurationBuilder().Build())
            .AddWatchlists(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        _audit = _services.GetRequiredService<SqliteAuditTrail>();
        _watchlists = _services.GetRequiredService<WatchlistRetention>();
    }

    private DateTimeOffset Cutoff => _clock.GetUtcNow() - Retention;

    public async ValueTask InitializeAsync()
    {
        _index = await new EmbeddedVectorStore(_temp.CreateSubdirectory("vectors")).OpenAsync("tiny-synthpedes-20261128", 4, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _index.DisposeAsync();
        await _services.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Vectors_captured_before_the_cutoff_are_deleted_and_newer_ones_kept()
    {
        await AddVectorAsync(Track.Old, Cutoff.AddDays(-1));
        await AddVectorAsync(Track.JustBefore, Cutoff.AddMilliseconds(-1));
        await AddVectorAsync(Track.AtCutoff, Cutoff);
        await AddVectorAsync(Track.New, _clock.GetUtcNow().AddMinutes(-5));

        var deleted = await Service().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, deleted);
        Assert.Equal(2, await _index.CountAsync(TestContext.Current.CancellationToken));
        Assert.Null(await _index.GetAsync(CropId(Track.Old), TestContext.Current.CancellationToken));
        Assert.Null(await _index.GetAsync(CropId(Track.JustBefore), TestContext.Current.CancellationToken));
        Assert.NotNull(await _index.GetAsync(CropId(Track.AtCutoff), TestContext.Current.CancellationToken));
        Assert.NotNull(await _index.GetAsync(CropId(Track.New), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Crop_and_frame_files_written_before_the_cutoff_are_deleted_and_newer_ones_kept()
    {
        await PutWrittenAtAsync("crops/lobby.1.0.jpg", Cutoff.AddHours(-1));
        await PutWrittenAtAsync("crops/lobby.2.0.jpg", Cutoff.AddHours(1));
        await PutWrittenAtAsync("frames/lobby/1.jpg", Cutoff.AddHours(-1));
        await PutWrittenAtAsync("frames/lobby/2.jpg", Cutoff.AddHours(1));
        await PutWrittenAtAsync("exports/old.jpg", Cutoff.AddDays(-100)); // not the pipeline's: retention leaves it

        await Service().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.False(await _blobs.ExistsAsync("crops/lobby.1.0.jpg", TestContext.Current.CancellationToken));
        Assert.True(await _blobs.ExistsAsync("crops/lobby.2.0.jpg", TestContext.Current.CancellationToken));
        Assert.False(await _blobs.ExistsAsync("frames/lobby/1.jpg", TestContext.Current.CancellationToken));
        Assert.True(await _blobs.ExistsAsync("frames/lobby/2.jpg", TestContext.Current.CancellationToken));
        Assert.True(await _blobs.ExistsAsync("exports/old.jpg", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Dead_letters_older_than_the_cutoff_are_deleted()
    {
        await _deadLetters.WriteAsync(new DeadLetter("Embedder", "old", "reason", Cutoff.AddDays(-1), null), TestContext.Current.CancellationToken);
        await _deadLetters.WriteAsync(new DeadLetter("Embedder", "new", "reason", Cutoff.AddDays(1), null), TestContext.Current.CancellationToken);

        await Service().RunOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["new"], _deadLetters.Latest(10).Select(letter => letter.Key));
    }

    [Fact]
    public async Task Audit_entries_older_than_the_cutoff_are_deleted_and_the_rest_still_verifies()
    {
        await _audit.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, "old"), TestContext.Current.CancellationToken);
        _clock.Advance(Retention + TimeSpan.FromDays(1));
        await _audit.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, "new"), TestContext.Current.CancellationToken);

        await Service().RunOnceAsync(TestContext.Current.CancellationToken);

        var page = await _audit.QueryAsync(new AuditFilter(), TestContext.Current.CancellationToken);
        Assert.Equal(["new"], page.Entries.Select(entry => entry.Target));
        Assert.True((await _audit.VerifyAsync(TestContext.Current.CancellationToken)).Intact);
    }

    [Fact]
    public async Task Watchlist_hits_of_crops_captured_before_the_cutoff_are_deleted()
    {
        _database.Execute($"""
            INSERT INTO watchlists VALUES ('wl-1', 'yellow jacket', 'man in a yellow jacket', 3.0, NULL, 'user:admin', 'admin', 0, 'm');
            INSERT INTO watchlist_hits (watchlist_id, crop_id, camera_id, track_id, capture_time, score, similarity, raised_at)
            VALUES ('wl-1', 'lobby.1.0', 'lobby', 1, {Cutoff.AddHours(-1).UtcTicks}, 4, 0.3, 0),
                   ('wl-1', 'lobby.2.0', 'lobby', 2, {Cutoff.AddHours(1).UtcTicks}, 4, 0.3, 0);
            """);

        await Service().RunOnceAsync(TestContext.Current.CancellationToken);

        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(crop_id) FROM watchlist_hits;";
        Assert.Equal("lobby.2.0", command.ExecuteScalar());
    }

    [Fact]
    public async Task The_cutoff_follows_the_clock()
    {
        await AddVectorAsync(Track.TenDaysOld, _clock.GetUtcNow().AddDays(-10));
        var service = Service();
        Assert.Equal(0, await service.RunOnceAsync(TestContext.Current.CancellationToken));

        _clock.Advance(TimeSpan.FromDays(21));

        Assert.Equal(1, await service.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await _index.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Running_as_a_service_it_runs_at_start_and_then_every_interval()
    {
        await AddVectorAsync(Track.Old, Cutoff.AddDays(-1));
        var service = Service();
        await service.StartAsync(TestContext.Current.CancellationToken);
        await EventuallyAsync(async () => await _index.CountAsync(TestContext.Current.CancellationToken) == 0, "the first round at start");

        // Ages past the retention only after the first round, then the next tick removes it.
        await AddVectorAsync(Track.Ageing, Cutoff.AddMinutes(30));
        _clock.Advance(TimeSpan.FromHours(1));

        await EventuallyAsync(async () => await _index.CountAsync(TestContext.Current.CancellationToken) == 0, "the next round after one interval");
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_failed_round_is_logged_and_the_next_round_runs()
    {
        var log = new RecordingLogger();
        var blobs = new FailOnceBlobStore(_blobs);
        await PutWrittenAtAsync("crops/old.jpg", Cutoff.AddDays(-1));
        var service = new RetentionService(_index, blobs, _deadLetters, _audit, _watchlists, Options(), _clock, log);
        await service.StartAsync(TestContext.Current.CancellationToken);
        await EventuallyAsync(() => Task.FromResult(log.Errors > 0), "the failed round logged");

        _clock.Advance(TimeSpan.FromHours(1));

        await EventuallyAsync(async () => !await _blobs.ExistsAsync("crops/old.jpg", TestContext.Current.CancellationToken), "the next round to delete the old crop");
        Assert.False(service.ExecuteTask!.IsCompleted, "The retention service ended after a failed round.");
        await service.StopAsync(TestContext.Current.CancellationToken);
    }

    private RetentionService Service() =>
        new(_index, _blobs, _deadLetters, _audit, _watchlists, Options(), _clock, NullLogger<RetentionService>.Instance);

    private static IOptions<SiteOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new SiteOptions { Retention = Retention, RetentionInterval = TimeSpan.FromHours(1) });

    private static string CropId(Track track) => CropIds.Create("lobby", (long)track, 0);

    private async Task AddVectorAsync(Track track, DateTimeOffset capturedAt)
    {
        var cropId = CropId(track);
        var payload = new CropPayload("lobby", (long)track, 0, capturedAt, new BoundingBox(0, 0, 10, 20), 0.5f, BlobKeys.Crop(cropId), BlobKeys.Frame("lobby", 1), "tiny-synthpedes-20261128");
        await _index.UpsertAsync([new CropVector(cropId, [1, 0.5f, 0, 0.25f], payload)], TestContext.Current.CancellationToken);
    }

    private async Task PutWrittenAtAsync(string key, DateTimeOffset writtenAt)
    {
        await _blobs.PutAsync(key, new byte[] { 1, 2, 3 }, TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(Path.Combine(_blobs.RootDirectory, key), writtenAt.UtcDateTime);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Deadline)
            {
                Assert.Fail($"After {Deadline.TotalSeconds:F0} s still waiting for {what}.");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The tracks whose crops the tests index, named by their age.</summary>
    private enum Track
    {
        Old = 1,
        JustBefore,
        AtCutoff,
        New,
        TenDaysOld,
        Ageing,
    }

    /// <summary>Test double: a real blob store whose first retention sweep fails with an I/O error.</summary>
    private sealed class FailOnceBlobStore(IBlobStore inner) : IBlobStore
    {
        private int _sweeps;

        public Task<long> DeleteWrittenBeforeAsync(string prefix, DateTimeOffset cutoff, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sweeps) == 1
                ? Task.FromException<long>(new IOException("Test double: the disk failed once."))
                : inner.DeleteWrittenBeforeAsync(prefix, cutoff, cancellationToken);

        public Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

        public Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => inner.GetAsync(key, cancellationToken);

        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);
    }

    /// <summary>Test double of the service's logger: counts errors.</summary>
    private sealed class RecordingLogger : ILogger<RetentionService>
    {
        private int _errors;

        public int Errors => Volatile.Read(ref _errors);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Interlocked.Increment(ref _errors);
            }
        }
    }
}
