using Microsoft.Extensions.Logging;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>The embedded store's point log: crashes, corruption, compaction.</summary>
public sealed class EmbeddedPersistenceTests : IDisposable
{
    private const int Dimension = 24;
    private readonly TempDirectory _directory = new();
    private readonly RecordingLogger _logger = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Root => _directory.PathOf("vectors");

    private string LogPath => Path.Combine(Root, "model-a", "points.log");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ATornTailIsCutOffAndLaterWritesSurvive()
    {
        var crops = await WriteAsync(seed: 40, batches: 3);
        await File.AppendAllBytesAsync(LogPath, [0x20, 0x01, 0x00, 0x00, 0xAB, 0xCD, 0xEF, 0x01, 0x02, 0x03, 0x04], Token); // half a record

        await using (var index = await OpenAsync())
        {
            Assert.Equal(crops.Count, await index.CountAsync(Token));
            var warning = Assert.Single(_logger.Entries, static e => e.Level == LogLevel.Warning);
            Assert.Contains("incomplete record", warning.Message, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(LogPath)!, "points.log.discarded-*"));

            await index.UpsertAsync([TestCrops.Crop("cam-5", 1, 0, TestCrops.Start, TestCrops.RandomUnit(new Random(41), Dimension))], Token);
        }

        // The new point was appended after the last good record, not after the garbage: it is found on reopen.
        await using (var index = await OpenAsync())
        {
            Assert.Equal(crops.Count + 1, await index.CountAsync(Token));
            Assert.NotNull(await index.GetAsync("cam-5.1.0", Token));
        }

        Assert.Single(_logger.Entries, static e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task ATruncatedLastRecordLosesOnlyItsPoint()
    {
        var crops = await WriteAsync(seed: 42, batches: 2);
        var last = PointLogLayout.Records(LogPath)[^1];
        await using (var file = new FileStream(LogPath, FileMode.Open))
        {
            file.SetLength(last.Offset + (last.Length / 2));
        }

        await using var index = await OpenAsync();

        Assert.Equal(crops.Count - 1, await index.CountAsync(Token));
        Assert.Null(await index.GetAsync(crops[^1].CropId, Token));
        Assert.Equal(crops[^2].Payload, (await index.GetAsync(crops[^2].CropId, Token))?.Payload);
        Assert.Contains(_logger.Entries, static e => e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task ARecordThatFailsItsChecksumEndsTheReadableLog()
    {
        var crops = await WriteAsync(seed: 43, batches: 2);
        var records = PointLogLayout.Records(LogPath);
        var bytes = await File.ReadAllBytesAsync(LogPath, Token);
        bytes[records[^3].Offset + 40] ^= 0x55; // a flipped byte in the third-last record
        await File.WriteAllBytesAsync(LogPath, bytes, Token);

        await using var index = await OpenAsync();

        // Everything before the bad record is kept; it and what follows are set aside, not served.
        Assert.Equal(crops.Count - 3, await index.CountAsync(Token));
        Assert.Null(await index.GetAsync(crops[^3].CropId, Token));
        Assert.NotNull(await index.GetAsync(crops[^4].CropId, Token));
        var warning = Assert.Single(_logger.Entries, static e => e.Level == LogLevel.Warning);
        Assert.Contains("checksum", warning.Message, StringComparison.Ordinal);
        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(LogPath)!, "points.log.discarded-*"));
        Assert.Equal(bytes.Length - records[^3].Offset, new FileInfo(aside).Length);
    }

    [Fact]
    public async Task AnAcknowledgedWriteIsOnDiskBeforeTheIndexIsClosed()
    {
        var random = new Random(44);
        var crops = TestCrops.Scene(random, Dimension, cameras: 2, tracksPerCamera: 10, maxShots: 3, TimeSpan.FromHours(1));
        await using var index = await OpenAsync();
        await index.UpsertAsync(crops, Token);
        await index.DeleteCapturedBeforeAsync(crops[5].Payload.CaptureTime, Token);

        // As if the process died now: what is in the file is all a restart gets.
        var crashed = _directory.CreateSubdirectory("crashed/model-a");
        File.Copy(LogPath, Path.Combine(crashed, "points.log"));
        await using var recovered = await new EmbeddedVectorStore(_directory.PathOf("crashed")).OpenAsync("model-a", Dimension, Token);

        Assert.Equal(crops.Count - 5, await recovered.CountAsync(Token));
        var query = new VectorQuery(TestCrops.RandomUnit(random, Dimension), 10);
        Assert.Equal(
            (await index.SearchAsync(query, Token)).Select(static h => (h.CropId, h.Score)),
            (await recovered.SearchAsync(query, Token)).Select(static h => (h.CropId, h.Score)));
    }

    [Fact]
    public async Task AFileThatIsNotAPointLogFailsTheOpenClearly()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        await File.WriteAllTextAsync(LogPath, "this is not a point log", Token);

        var error = await Assert.ThrowsAsync<InvalidDataException>(OpenAsync);

        Assert.Contains(LogPath, error.Message, StringComparison.Ordinal);

        // The failed open released the folder: fixing the file makes it open.
        File.Delete(LogPath);
        await using var index = await OpenAsync();
        Assert.Equal(0, await index.CountAsync(Token));
    }

    [Fact]
    public async Task LeftoversOfAnInterruptedCreationOrCompactionAreIgnored()
    {
        var crops = await WriteAsync(seed: 45, batches: 1);
        await File.WriteAllTextAsync(LogPath + ".compacting", "half a compaction", Token);
        await File.WriteAllTextAsync(LogPath + ".creating", "half a creation", Token);

        await using var index = await OpenAsync();

        Assert.Equal(crops.Count, await index.CountAsync(Token));
        Assert.False(File.Exists(LogPath + ".compacting"));
        Assert.False(File.Exists(LogPath + ".creating"));
    }

    [Fact]
    public async Task ReplacementsAreCompactedAwayWhenTheyOutweighTheLivePoints()
    {
        var options = new EmbeddedVectorStoreOptions { SegmentRows = 16, CompactionMinGarbage = 50, CompactionGarbageRatio = 1.0 };
        var random = new Random(46);
        var crops = TestCrops.Scene(random, Dimension, cameras: 2, tracksPerCamera: 20, maxShots: 3, TimeSpan.FromHours(1));
        var query = new VectorQuery(TestCrops.RandomUnit(random, Dimension), 15);
        List<CropVector> latest = crops;
        await using (var index = (EmbeddedVectorIndex)await new EmbeddedVectorStore(Root, options, _logger).OpenAsync("model-a", Dimension, Token))
        {
            await index.UpsertAsync(crops, Token);
            long largest = 0;
            for (var round = 0; round < 3; round++)
            {
                latest = [.. latest.Select(c => c with { Vector = TestCrops.RandomUnit(random, Dimension) })];
                foreach (var batch in latest.Chunk(8))
                {
                    await index.UpsertAsync(batch, Token);
                    largest = Math.Max(largest, new FileInfo(LogPath).Length);
                }
            }

            var statistics = index.GetStatistics();
            Assert.Equal(crops.Count, statistics.Points);
            Assert.True(statistics.LogRecords < crops.Count * 2, $"{statistics.LogRecords} records for {crops.Count} points: no compaction ran.");
            Assert.Contains(_logger.Entries, static e => e.Message.Contains("compacted", StringComparison.Ordinal));
            Assert.True(new FileInfo(LogPath).Length < largest);
            Reference.AssertExactTopK(await index.SearchAsync(query, Token), Reference.Ranked(latest, query), 15);

            // An explicit compaction leaves exactly one record per point.
            await index.CompactAsync(Token);
            Assert.Equal(crops.Count, index.GetStatistics().LogRecords);
            Assert.Equal(crops.Count, PointLogLayout.Records(LogPath).Count);
        }

        await using var reopened = await new EmbeddedVectorStore(Root, options).OpenAsync("model-a", Dimension, Token);
        Assert.Equal(crops.Count, await reopened.CountAsync(Token));
        Reference.AssertExactTopK(await reopened.SearchAsync(query, Token), Reference.Ranked(latest, query), 15);
    }

    [Fact]
    public async Task RetentionDropsWholeSegmentsAndCompactsTheLog()
    {
        var options = new EmbeddedVectorStoreOptions { SegmentRows = 32, CompactionMinGarbage = 10, CompactionGarbageRatio = 0.5 };
        var random = new Random(47);
        var crops = TestCrops.Scene(random, Dimension, cameras: 3, tracksPerCamera: 40, maxShots: 4, TimeSpan.FromHours(4));
        var cutoff = crops[(int)(crops.Count * 0.6)].Payload.CaptureTime;
        var remaining = crops.Where(c => c.Payload.CaptureTime >= cutoff).ToList();
        await using (var index = (EmbeddedVectorIndex)await new EmbeddedVectorStore(Root, options, _logger).OpenAsync("model-a", Dimension, Token))
        {
            await TestCrops.UpsertInBatchesAsync(index, crops, 50, Token);
            var segmentsBefore = index.GetStatistics().Segments;

            Assert.Equal(crops.Count - remaining.Count, await index.DeleteCapturedBeforeAsync(cutoff, Token));

            var statistics = index.GetStatistics();
            Assert.Equal(remaining.Count, statistics.Points);
            Assert.Equal(0, statistics.DeadRows); // compacted: garbage (60 %) outweighed the ratio
            Assert.Equal(remaining.Count, statistics.LogRecords);
            Assert.True(statistics.Segments < segmentsBefore);
        }

        await using var reopened = await new EmbeddedVectorStore(Root, options).OpenAsync("model-a", Dimension, Token);
        var query = new VectorQuery(TestCrops.RandomUnit(random, Dimension), 20);
        Assert.Equal(remaining.Count, await reopened.CountAsync(Token));
        Reference.AssertExactTopK(await reopened.SearchAsync(query, Token), Reference.Ranked(remaining, query), 20);
        Reference.AssertTracks(await reopened.SearchTracksAsync(query, 3, Token), Reference.Tracks(remaining, query), 20, 3);
    }

    /// <summary>Writes a scene in batches (one record per crop) and closes the index; returns the crops in write order.</summary>
    private async Task<List<CropVector>> WriteAsync(int seed, int batches)
    {
        var crops = TestCrops.Scene(new Random(seed), Dimension, cameras: 2, tracksPerCamera: 8, maxShots: 3, TimeSpan.FromHours(1));
        await using var index = await OpenAsync();
        var size = (crops.Count + batches - 1) / batches;
        await TestCrops.UpsertInBatchesAsync(index, crops, size, Token);
        Assert.Equal(crops.Count, PointLogLayout.Records(LogPath).Count);
        return crops;
    }

    private Task<IVectorIndex> OpenAsync() => new EmbeddedVectorStore(Root, _logger).OpenAsync("model-a", Dimension, Token);
}
